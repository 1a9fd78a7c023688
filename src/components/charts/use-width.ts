import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The rendered width of an element, kept up to date: the charts we draw use the real size so text
 * stays readable on a phone. `measured` turns true once the element's own width is known (before
 * the first paint); a chart says so in its `data-state`, which tests wait on.
 */
export function useWidth<T extends HTMLElement>(initial = 640): [RefObject<T | null>, number, boolean] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || initial);
    setMeasured(true);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || initial);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [initial]);
  return [ref, width, measured];
}
