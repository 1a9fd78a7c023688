import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MetricExplanation } from '../../../src/features/dictionary/MetricInfo';
import { EngineProvider } from '../../../src/dataset/engine-context';
import { useAppStore } from '../../../src/stores/app-store';

/**
 * Issue 18, item 4: on the landing overview the "?" dialog showed "gmv gmv" and "…" until the
 * engine had started (the page is drawn from the start-up snapshot first). The label and the
 * definition are static registry text and the SQL is compiled without the engine, so they are
 * there before any query: here the engine is not started at all.
 */
describe('definition dialog on landing shows label, definition and SQL', () => {
  it('shows GMV’s label, its definition and its SQL with no engine yet', () => {
    // Server rendering reads the store's initial state: the period is set there (this process only).
    useAppStore.getInitialState().view.period = { from: '2026-10-01', to: '2026-10-31' };
    const html = renderToStaticMarkup(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(EngineProvider, {
          engine: null,
          children: createElement(MetricExplanation, { metricId: 'gmv', onClose: () => {} }),
        }),
      ),
    );
    const heading = /<h2>([^<]*)<\/h2>/.exec(html)?.[1];
    expect(heading).toBe('GMV');
    expect(html).not.toContain('…</pre>');
    const sql = /data-testid="dictionary-sql">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
    expect(sql).toMatch(/SELECT/i);
    expect(sql).toContain('2026-10-01');
  });
});
