/** One bucket of a series chart (and of its table alternative). */
export interface SeriesPoint {
  label: string;
  value: number | null;
  /** The same bucket in the comparison period, if any. */
  compare?: number | null;
}
