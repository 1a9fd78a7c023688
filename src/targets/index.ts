/**
 * SMART targets, ladders, tracking and the driver tree (METRICS.md "Targets"; issue 5).
 * Plain TypeScript: metric values arrive through the `MetricSource` port, so the page, the
 * `report` command and the tests run the same code.
 */
export type { Bucket, Grain, IsoDate, Period } from './dates';
export { isIsoDate, splitPeriod } from './dates';
export type { Direction, KpiId, MetricFacts, MetricKind, MetricUnit, SourceTable } from './metric-kinds';
export { filterableDimensions, isKpiId, KPI_FACTS, KPI_IDS, metricTexts, OPS_METRIC_IDS } from './metric-kinds';
export type {
  CheckIn,
  CheckInEntry,
  LadderSpec,
  Milestone,
  ParseTargetsResult,
  Phasing,
  Target,
  TargetFilters,
  TargetsFile,
  TargetsFileError,
} from './schema';
export { parseTargetsFile, parseTargetsText, PHASINGS, serializeTargetsFile } from './schema';
export { CURRENT_FILE_VERSION } from './file-versions';
export type { ImportMode, ImportResult, TargetsStoreState } from './persisted';
export {
  EMPTY_TARGETS_STATE,
  importTargets,
  importTargetsText,
  migrateTargetsStore,
  TARGETS_STORE_VERSION,
} from './persisted';
export type { ConflictChoice, StoreMerge, TargetConflict, TargetsMerge } from './merge';
export { freeId, mergeStoreStates, mergeTargets, sameValue, settleConflicts } from './merge';
export type { DatedValue, MetricSeriesSource, MetricSource } from './source';
export { cumulate } from './source';
export type { TargetFacts } from './target-facts';
export { targetFacts } from './target-facts';
export type { MilestoneSpan, PhasingFallback } from './phasing';
export type { EvaluateOptions, ReportTargetRow, TargetStatus, TrackingStatus } from './evaluate';
export { attainmentOf, classify, evaluateTarget, evaluateTargets, toReportTargetRow } from './evaluate';
export type { Ladder, LadderEdit, LadderGrain, Rung } from './ladder';
export {
  applyLadder,
  buildLadder,
  editRung,
  evaluateLadder,
  ladderMilestones,
  ladderSum,
  loadSeasonalShape,
  lockedRungDates,
  lockRung,
  rungTarget,
} from './ladder';
export type { BurnUp, BurnUpOptions, BurnUpPoint } from './burn-up';
export { burnUp, checkInRunningValues } from './burn-up';
export type {
  AttributionResult,
  DriverId,
  DriverPart,
  DriverTree,
  DriverValues,
  GapAttribution,
  SolveResult,
  WaterfallStep,
} from './driver-tree';
export { attributeGap, DRIVER_TREES, logMean, solveDriver } from './driver-tree';
export type { BestGrowth, LocalizedText, Locale, SmartCheck, SmartKnownValues, SmartLetter } from './smart';
export { bestYearOverYearGrowth, signedPercent, smartCheck } from './smart';
