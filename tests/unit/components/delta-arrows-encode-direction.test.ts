import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KpiCard } from '../../../src/components/ui/KpiCard';

/**
 * Issue 18, item 5: "Refunds ▼ +40.6 %" — the arrow showed good or bad, not the way the number
 * moved. Now the arrow follows the number and the colour (class up = good, down = bad) says
 * whether that is good; screen readers hear "better" or "worse".
 */
function card(id: string, value: number, previous: number, lowerIsBetter: boolean): string {
  return renderToStaticMarkup(
    createElement(KpiCard, {
      id: id as never,
      label: id,
      value,
      previous,
      unit: 'money',
      currency: 'USD',
      locale: 'en',
      lowerIsBetter,
    }),
  );
}

describe('delta arrows encode direction, not good or bad', () => {
  it('shows refunds that rose 40.6 % with ▲ in the bad colour', () => {
    // (1,406 − 1,000) / 1,000 = +40.6 %
    const html = card('refunds', 1406, 1000, true);
    expect(html).toMatch(/<span class="delta down" aria-label="\+40\.6% worse">▲ (<!-- -->)?\+40\.6%<\/span>/);
  });

  it('shows refunds that fell with ▼ in the good colour, and GMV that rose with ▲ in the good colour', () => {
    expect(card('refunds', 600, 1000, true)).toMatch(/class="delta up" aria-label="−40\.0% better">▼ /);
    expect(card('gmv', 1500, 1000, false)).toMatch(/class="delta up" aria-label="\+50\.0% better">▲ /);
    expect(card('gmv', 500, 1000, false)).toMatch(/class="delta down" aria-label="−50\.0% worse">▼ /);
  });
});
