import type { DataDescription } from '../../metrics/describe';
import type { Filters } from '../../metrics/filters';
import type { Period } from '../../metrics/periods';

/** What every panel of an analyst page computes over: the view, resolved. */
export interface PageScope {
  period: Period;
  filters: Filters;
  currency: string | null;
  description: DataDescription;
  /** Period and filters in words, written on exported images. */
  caption: string;
}
