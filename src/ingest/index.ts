/**
 * The import library (issue 3; DATA.md): what the page and `yardstick report` call.
 * Everything runs the same in the browser (Blob files) and on Node (bytes).
 */
export { detectFile, ensureTables, importFile, previewMapping, type DetectionResult } from './import';
export { headerSignature } from './mapping';
export { rejectedRowsCsv, REJECTED_ROWS_KEPT } from './report';
export { FIELDS, fieldNames, type FieldKind, type FieldSpec } from './fields';
export { CHANNEL_SYNONYMS } from './channels';
export {
  ImportError,
  type ColumnMapping,
  type DateOrder,
  type DecimalStyle,
  type Detection,
  type ImportOptions,
  type ImportPhase,
  type ImportProgress,
  type InputFile,
  type LoadReport,
  type RejectedRow,
  type SourceId,
} from './types';
