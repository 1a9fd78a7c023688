import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MetricExplanation, MetricInfo } from '../../../src/features/dictionary/MetricInfo';
import type { DictionaryId } from '../../../src/metrics/dictionary';
import { EngineProvider } from '../../../src/dataset/engine-context';
import { SERVICE_ENTRIES } from '../../../src/metrics/registry/service';
import { PRODUCT_ENTRIES } from '../../../src/metrics/registry/products';
import { useAppStore } from '../../../src/stores/app-store';

/**
 * The operations metrics' KPI cards (Products, Marketing, Service pages) open the same dictionary
 * as the KPIs: before, the "?" was drawn only for KPI ids, so a CSAT or item revenue card had no
 * definition. The words are the registry entry's; the SQL is the operations compiler's.
 */
function renderWithin(child: ReturnType<typeof createElement>): string {
  useAppStore.getInitialState().view.period = { from: '2026-10-01', to: '2026-10-31' };
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(EngineProvider, { engine: null, children: child }),
    ),
  );
}
/** What the card's dialog shows once opened. */
const render = (metricId: DictionaryId) =>
  renderWithin(createElement(MetricExplanation, { metricId, onClose: () => {} }));
const sqlOf = (html: string) => /data-testid="dictionary-sql">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
const factsOf = (html: string) => /data-testid="dictionary-facts">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe('operations metrics open the metric dictionary', () => {
  it('CSAT: its label, definition, unit, direction and pacing, and SQL over the tickets of the period', () => {
    const html = render('csat');
    expect(/<h2>([^<]*)<\/h2>/.exec(html)?.[1]).toBe(SERVICE_ENTRIES.csat.label.en);
    expect(html).toContain(SERVICE_ENTRIES.csat.description.en.replace(/'/g, '&#x27;'));
    expect(factsOf(html)).toBe(
      'A rate (%) · higher is better · does not add up over days: a target on it is judged as a level',
    );
    expect(sqlOf(html)).toContain('service_tickets');
    expect(sqlOf(html)).toContain('2026-10-01');
  });

  it('item revenue adds up over days; first-response median is in minutes, lower is better', () => {
    const revenue = render('item_revenue');
    expect(/<h2>([^<]*)<\/h2>/.exec(revenue)?.[1]).toBe(PRODUCT_ENTRIES.item_revenue.label.en);
    expect(factsOf(revenue)).toBe(
      'Money, in the orders’ currency · higher is better · adds up over days: a target on it is paced as a sum',
    );
    expect(sqlOf(revenue)).toContain('order_items');
    expect(factsOf(render('first_response_median'))).toMatch(/^Minutes · lower is better · /);
  });

  it('a card id that is no metric draws no button', () => {
    expect(renderWithin(createElement(MetricInfo, { metricId: 'cost_coverage' }))).toBe('');
  });
});
