import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoadedLine } from '../../../src/features/data/PendingFileCard';
import type { LoadReport } from '../../../src/ingest/types';

/**
 * Issue 18, item 14e: a file that rejected 10 % of its rows still got a green "Loaded" headline.
 * Above 1 % rejected the headline is an amber warning with the share.
 */
const report = (read: number, rejected: number) => ({ file: 'orders.csv', table: 'orders', rowsRead: read, rowsLoaded: read - rejected, rowsRejected: rejected }) as unknown as LoadReport;

describe('the loaded headline', () => {
  it('warns in amber with the rejected share when 10 % of the rows were rejected', () => {
    const html = renderToStaticMarkup(createElement(LoadedLine, { report: report(1000, 100) }));
    expect(html).toContain('data-load-health="warn"');
    expect(html).toContain('class="warn-line"');
    expect(html).toContain('Loaded 900 rows into');
    expect(html).toContain('10% of the rows were rejected (more than 1%)');
    expect(html).not.toContain('✓');
  });
  it('stays green at 1 % rejected or less', () => {
    for (const rejected of [0, 10]) {
      const html = renderToStaticMarkup(createElement(LoadedLine, { report: report(1000, rejected) }));
      expect(html).toContain('data-load-health="ok"');
      expect(html).toContain('class="ok-line"');
    }
  });
});
