import type { Period } from '../stores/app-store';

const same = (a: Period | null, b: Period | null) => a !== null && b !== null && a.from === b.from && b.to === a.to;

/**
 * The period to put in the view when the loaded data's default period is `fresh`, or null to
 * leave the view as it is. The view follows the data only while its period is one we filled in
 * ourselves (`filled`); a period from the URL or picked by the user is kept.
 */
export function followDefaultPeriod(current: Period | null, filled: Period | null, fresh: Period | null): Period | null {
  if (fresh === null) return null;
  if (current === null) return fresh;
  return same(current, filled) && !same(current, fresh) ? fresh : null;
}
