import { useMemo } from 'react';

/**
 * The same object as last render while its value is unchanged (compared as JSON), so a memoised
 * panel or chart handed a freshly built but equal object (the view's filters, a comparison
 * period) does not render again. Only for small plain values: periods, filters, label lists.
 */
export function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // Keyed on the value's JSON on purpose: a new object with the same content keeps the old one.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key]);
}
