import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The rendered width of an element, kept up to date: our own SVG charts draw at the real size so text stays readable on a phone. */
export function useWidth<T extends HTMLElement>(initial = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || initial);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || initial);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [initial]);
  return [ref, width];
}
