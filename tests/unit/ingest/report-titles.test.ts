import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../src/ingest/csv-scan';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Ad platform downloads open with a report title and a date range before the header (issue 14). */
describe('findHeader and report titles', () => {
  it('skips a Google Ads title and date-range line before the header', () => {
    const layout = findHeader(
      bytes('Campaign report\n"November 1, 2025 - November 2, 2025"\nDay,Campaign,Cost,Impr.\n2025-11-01,a,1,2\n'),
      true,
    );
    expect(layout).toMatchObject({ header: ['Day', 'Campaign', 'Cost', 'Impr.'], headerLine: 3, commentLines: 2 });
  });

  it('keeps a two-column file’s header as it is', () => {
    expect(findHeader(bytes('order_id,sku\nA,1\n'), true)).toMatchObject({
      header: ['order_id', 'sku'],
      headerLine: 1,
    });
  });

  it('keeps a one-column header followed by one-column rows', () => {
    expect(findHeader(bytes('sku\nA\nB\n'), true)).toMatchObject({ header: ['sku'], headerLine: 1, commentLines: 0 });
  });
});
