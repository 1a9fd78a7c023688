import type { WaterfallStep } from '../../targets';

/** A bar of the waterfall chart: where it starts and ends, its own value, and how it reads. */
export interface WaterfallBar {
  key: string;
  label: string;
  /** Low end first, as a floating bar is drawn. */
  range: [number, number];
  value: number;
  tone: 'total' | 'up' | 'down' | 'flat';
}

/**
 * The steps of an attribution (`attributeGap`) as bars: the two totals from 0, each driver's
 * part floating from where the previous one ended. A driver that did not move is a flat bar.
 */
export function toWaterfallBars(
  steps: readonly WaterfallStep[],
  labelOf: (key: WaterfallStep['key']) => string,
): WaterfallBar[] {
  return steps.map((step) => ({
    key: step.key,
    label: labelOf(step.key),
    range: step.start <= step.end ? [step.start, step.end] : [step.end, step.start],
    value: step.value,
    tone: step.kind === 'total' ? 'total' : step.value > 0 ? 'up' : step.value < 0 ? 'down' : 'flat',
  }));
}
