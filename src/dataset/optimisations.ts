/**
 * `?bench=noopt` runs the app without its speed-ups (no derived tables, no result cache), so
 * `npm run bench:browser` can show what they buy. Only the benchmark sets it.
 */
export function optimisationsOff(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('bench') === 'noopt';
}
