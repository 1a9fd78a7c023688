import { useEffect, useState } from 'react';

/**
 * True once `on` has stayed true for `delayMs`; false as soon as it is not. For a change that
 * should show only when it lasts: a CSS transition-delay would do the same, but a pending
 * transition keeps the page drawing a frame every 16 ms while it waits.
 */
export function useDelayedFlag(on: boolean, delayMs: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = setTimeout(() => setLate(true), delayMs);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [on, delayMs]);
  return on && late;
}

/** How long a KPI or panel shows the previous view's numbers undimmed while the new view's queries run (see styles.css). */
export const DIM_AFTER_MS = 200;
