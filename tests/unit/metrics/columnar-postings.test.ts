import { describe, expect, it } from 'vitest';
import { filterTests, rowsToScan } from '../../../src/metrics/columnar/execute';
import { postingsOf, type OrderColumns } from '../../../src/metrics/columnar/store';

/** Eight orders over days 10..13; channel codes 0 = email, 1 = direct, 2 = ads. */
const day = Int32Array.from([10, 10, 11, 11, 12, 12, 13, 13]);
const channel = Int32Array.from([0, 1, 1, 2, 1, 0, 1, 1]);
const orders = {
  rows: 8,
  day,
  codes: { channel },
  dictionaries: { channel: { raw: ['email', 'direct', 'ads'], filterValue: ['email', 'direct', 'ads'], groupKey: ['email', 'direct', 'ads'] } },
  postings: { channel: postingsOf(channel, 3) },
} as unknown as OrderColumns;

describe('postings: the rows a filter reads', () => {
  it('groups row indexes by code, each code in row order', () => {
    const p = postingsOf(channel, 3);
    // email rows 0, 5; direct 1, 2, 4, 6, 7; ads 3.
    expect([...p.start]).toEqual([0, 2, 7, 8]);
    expect([...p.rows]).toEqual([0, 5, 1, 2, 4, 6, 7, 3]);
  });

  it('visits only the kept rows of the days asked for, when a filter keeps under half', () => {
    const tests = filterTests(orders, 'orders', { channel: ['email'] })!;
    expect([...rowsToScan(orders, tests, 10, 13)!]).toEqual([0, 5]);
    // Days 11..12: rows 2..5, of which email is row 5 only.
    expect([...rowsToScan(orders, tests, 11, 12)!]).toEqual([5]);
    // email + ads: 3 of 8 rows, merged back into row order.
    expect([...rowsToScan(orders, filterTests(orders, 'orders', { channel: ['ads', 'email'] })!, 10, 13)!]).toEqual([0, 3, 5]);
  });

  it('scans every row when no filter keeps under half', () => {
    expect(rowsToScan(orders, [], 10, 13)).toBeNull();
    // direct: 5 of 8 rows.
    expect(rowsToScan(orders, filterTests(orders, 'orders', { channel: ['direct'] })!, 10, 13)).toBeNull();
  });
});
