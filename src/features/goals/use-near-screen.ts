import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether an element has come within `margin` of the screen; once it has, it stays true.
 * A target card draws its burn-up chart (and asks the engine for the running values) only
 * then, so a page of cards costs what the reader sees (issue 19, item 10).
 */
export function useNearScreen<T extends Element>(margin = 600): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  // Without an observer to ask (an old browser), everything counts as near.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: `${margin}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return [ref, near];
}
