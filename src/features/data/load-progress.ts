import type { ImportPhase, ImportProgress } from '../../ingest/types';

/**
 * Where each phase of a load sits on the bar, in proportion to how long it took for a
 * 300,000-order CSV (37 MB, staged path, DuckDB-WASM): walking the file 0.6 s, DuckDB's read
 * 2.4 s, checking the values 3.4 s, merging 1.3 s; 'done' means the rows are committed and the
 * derived tables are being rebuilt. Decoding (gzip, GBK) shares the reading span: both
 * report how far through the file they are.
 */
const PHASE_SPAN: Record<ImportPhase, [number, number]> = {
  read: [0, 8],
  decode: [0, 8],
  parse: [8, 35],
  validate: [35, 72],
  merge: [72, 88],
  done: [88, 100],
};

/** The percentage one progress event stands for: its phase's start, plus the bytes' share when the phase counts bytes. */
export function progressPercent(phase: ImportPhase, bytes: number, totalBytes: number): number {
  const [start, end] = PHASE_SPAN[phase];
  const countsBytes = phase === 'read' || phase === 'decode';
  const within = countsBytes && totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
  return start + (end - start) * within;
}

/** When the load started and where the bar stood when the latest event came. */
export interface LoadClock {
  startedAt: number;
  at: number;
  phase: ImportPhase;
  percent: number;
}

export function startClock(now: number): LoadClock {
  return { startedAt: now, at: now, phase: 'read', percent: 0 };
}

/** The clock after an event: the bar never moves back (decoding then reading both count bytes from 0). */
export function tick(clock: LoadClock, p: ImportProgress, now: number): LoadClock {
  const percent = Math.max(clock.percent, progressPercent(p.phase, p.bytes, p.totalBytes));
  return { startedAt: clock.startedAt, at: now, phase: p.phase, percent };
}

export interface Estimate {
  /** 0–100, whole. */
  percent: number;
  /** Seconds left, or null until there is enough to go on. */
  secondsLeft: number | null;
}

// Under this much progress or time the rate says little: show no time left yet.
const MIN_PERCENT = 3;
const MIN_ELAPSED_MS = 1000;

/**
 * The bar and the time left at `now`. DuckDB reports nothing while one statement runs, so
 * between events the bar moves on at the pace the load has kept so far, up to the end of the
 * current phase (never past it), and the time left is what that pace needs for the rest.
 */
export function estimate(clock: LoadClock, now: number): Estimate {
  const elapsed = clock.at - clock.startedAt;
  const rate = elapsed > 0 ? clock.percent / elapsed : 0; // percent per ms
  const phaseEnd = PHASE_SPAN[clock.phase][1];
  const crept = clock.percent + rate * Math.max(0, now - clock.at);
  const percent = Math.max(clock.percent, Math.min(phaseEnd - 1, crept));
  // A second since the start, not since the last event: DuckDB's read is one silent statement,
  // and the time left should show during it, not only once the next phase reports.
  const known = clock.percent >= MIN_PERCENT && now - clock.startedAt >= MIN_ELAPSED_MS && rate > 0;
  return {
    percent: Math.floor(percent),
    secondsLeft: known ? Math.max(1, Math.round((100 - percent) / rate / 1000)) : null,
  };
}

/** Seconds as minutes and seconds, for "about 1 min 5 s left". */
export function splitSeconds(seconds: number): { m: number; s: number } {
  return { m: Math.floor(seconds / 60), s: seconds % 60 };
}
