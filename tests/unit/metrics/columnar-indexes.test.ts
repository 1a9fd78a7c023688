import { describe, expect, it } from 'vitest';
import { buildBuyerCounts, countBuyers, returningOrders } from '../../../src/metrics/columnar/buyer-counts';
import { lowerBound } from '../../../src/metrics/columnar/day-numbers';
import { filterTests, rowsToScan } from '../../../src/metrics/columnar/execute';
import { addSpan, buildDayCube, DAY_FIELDS } from '../../../src/metrics/columnar/days';
import { buildMonthCube, MONTH_FIELDS, wholeMonth } from '../../../src/metrics/columnar/months';
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

/*
 * Five orders. Days: 2025-01-30 = 20118, 2025-01-31 = 20119, 2025-02-01 = 20120, 2025-02-02 = 20121.
 * Rows (day, customer, flag, total / refund / discount in ten-thousandths, channel code, first paid day):
 *   0: Jan 30, c0, paid, 100 / 0 / 0, email, Jan 30
 *   1: Jan 31, c0, paid, 200 / 0 / 10, direct, Jan 30
 *   2: Jan 31, c1, cancelled, 50 / 0 / 0, email, none
 *   3: Feb 1, c0, paid, 300 / 30 / 0, email, Jan 30
 *   4: Feb 2, c2, paid, 400 / 0 / 0, email, Feb 2
 */
const fiveCodes = Int32Array.from([0, 1, 0, 0, 0]);
const fiveOrders = {
  rows: 5,
  day: Int32Array.from([20118, 20119, 20119, 20120, 20121]),
  flags: Int32Array.from([1, 1, 2, 1, 1]),
  cid: Int32Array.from([0, 0, 1, 0, 2]),
  firstPaid: Int32Array.from([20118, 20118, 2932896, 20118, 20121]),
  values: { order_total: Float64Array.from([100, 200, 50, 300, 400]), refund_amount: Float64Array.from([0, 0, 0, 30, 0]), discount_amount: Float64Array.from([0, 10, 0, 0, 0]) },
  codes: { channel: fiveCodes },
  dictionaries: { channel: { raw: ['email', 'direct'], filterValue: ['email', 'direct'], groupKey: ['email', 'direct'] } },
  postings: { channel: postingsOf(fiveCodes, 2) },
  customers: 3,
} as unknown as OrderColumns;

describe('the month cube: order aggregates per calendar month', () => {
  const cube = buildMonthCube(fiveOrders)!;
  const month = (slice: Float64Array, m: number) =>
    Object.fromEntries(MONTH_FIELDS.map((f, i) => [f, slice[m * MONTH_FIELDS.length + i]]));

  it('starts at the first month and ends one past the last', () => {
    expect([...cube.starts]).toEqual([20089, 20120, 20148]); // Jan 1, Feb 1, Mar 1
    expect(wholeMonth(cube, 20120, 20147)).toBe(1);
    expect(wholeMonth(cube, 20120, 20146)).toBe(-1); // Feb 1..27 is not the whole month
    expect(wholeMonth(cube, 20148, 20178)).toBe(-1); // March: past the data
  });

  it('counts all orders: January has c0 twice (a repeat buyer) and a cancelled order', () => {
    expect(month(cube.all, 0)).toEqual({ gmv: 300, refunds: 0, discounts: 10, orders: 2, cancelled_orders: 1, buyers: 1, new_buyers: 1, repeat_buyers: 1 });
    // February: c0 (first paid in January: not new) and c2 (new).
    expect(month(cube.all, 1)).toEqual({ gmv: 700, refunds: 30, discounts: 0, orders: 2, cancelled_orders: 0, buyers: 2, new_buyers: 1, repeat_buyers: 0 });
  });

  it('counts the orders of one channel alone', () => {
    const email = cube.byCode.channel![0]!;
    // January, email: c0's Jan 30 order only, and the cancelled one.
    expect(month(email, 0)).toEqual({ gmv: 100, refunds: 0, discounts: 0, orders: 1, cancelled_orders: 1, buyers: 1, new_buyers: 1, repeat_buyers: 0 });
    expect(month(cube.byCode.channel![1]!, 0)).toEqual({ gmv: 200, refunds: 0, discounts: 10, orders: 1, cancelled_orders: 0, buyers: 1, new_buyers: 1, repeat_buyers: 0 });
  });
});

describe('the day cube: running sums by day', () => {
  // Day 0 is Jan 30, day 3 Feb 2.
  const cube = buildDayCube(fiveOrders)!;
  const span = (slice: Float64Array, from: number, to: number) => {
    const into = DAY_FIELDS.map(() => new Float64Array(1));
    addSpan(cube, slice, from, to, into, 0);
    return Object.fromEntries(DAY_FIELDS.map((f, i) => [f, into[i]![0]]));
  };

  it('gives any span of days by one subtraction', () => {
    expect(cube.days).toBe(4);
    // Jan 31 .. Feb 1: orders 1 and 3 paid (200 + 300, refund 30, discount 10), order 2 cancelled.
    expect(span(cube.all, 20119, 20120)).toEqual({ gmv: 500, refunds: 30, discounts: 10, orders: 2, cancelled_orders: 1 });
    // A span reaching past both ends of the data holds all of it.
    expect(span(cube.all, 20000, 20500)).toEqual({ gmv: 1000, refunds: 30, discounts: 10, orders: 4, cancelled_orders: 1 });
    expect(span(cube.all, 20200, 20300)).toEqual({ gmv: 0, refunds: 0, discounts: 0, orders: 0, cancelled_orders: 0 });
  });

  it('keeps one slice per dimension value', () => {
    // email, Jan 30 .. Jan 31: order 0 paid (100) and order 2 cancelled.
    expect(span(cube.byCode.channel![0]!, 20118, 20119)).toEqual({ gmv: 100, refunds: 0, discounts: 0, orders: 1, cancelled_orders: 1 });
    expect(span(cube.byCode.channel![1]!, 20118, 20121)).toEqual({ gmv: 200, refunds: 0, discounts: 10, orders: 1, cancelled_orders: 0 });
  });
});

describe('buyer counts of any span without visiting its orders', () => {
  // 20,000 orders (ten blocks of counts) over 400 days by 3,000 customers, one in ten cancelled,
  // several orders of one customer on one day now and then; checked against plain counting.
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const n = 20_000;
  const day = Int32Array.from({ length: n }, () => 20000 + Math.floor(rand() * 400)).sort();
  const cid = Int32Array.from({ length: n }, () => Math.floor(rand() ** 2 * 3000));
  for (let i = 1; i < n; i += 97) cid[i] = cid[i - 1]!; // same customer, often the same day
  const flags = Int32Array.from({ length: n }, () => (rand() < 0.1 ? 2 : 1));
  const total = Float64Array.from({ length: n }, () => Math.floor(rand() * 1e6));
  const firstPaidOf = new Map<number, number>();
  for (let i = 0; i < n; i++) if (flags[i] === 1 && !firstPaidOf.has(cid[i]!)) firstPaidOf.set(cid[i]!, day[i]!);
  const firstPaid = Int32Array.from(cid, (c) => firstPaidOf.get(c) ?? 2932896);
  const shop = { rows: n, day, cid, flags, firstPaid, values: { order_total: total }, customers: 3000 } as unknown as OrderColumns;
  const counts = buildBuyerCounts(shop)!;

  function plainCount(from: number, to: number) {
    const inSpan = new Map<number, number>();
    const firstPaid = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (flags[i] !== 1) continue;
      if (!firstPaid.has(cid[i]!)) firstPaid.set(cid[i]!, day[i]!);
      if (day[i]! >= from && day[i]! <= to) inSpan.set(cid[i]!, (inSpan.get(cid[i]!) ?? 0) + 1);
    }
    return {
      buyers: inSpan.size,
      fresh: [...inSpan.keys()].filter((c) => firstPaid.get(c)! >= from).length,
      repeat: [...inSpan.values()].filter((k) => k >= 2).length,
    };
  }

  it.each([
    [20000, 20399], // everything
    [20000, 20000],
    [20123, 20123],
    [20050, 20250],
    [20201, 20399],
    [19900, 20010], // from before the first order
    [20390, 20600], // past the last
    [20500, 20600], // nothing
  ])('days %i to %i', (from, to) => {
    const lo = lowerBound(day, from);
    const hi = lowerBound(day, to + 1);
    const expected = plainCount(from, to);
    expect(expected.repeat).toBeGreaterThanOrEqual(0);
    expect(countBuyers(counts, lo, hi, from)).toEqual(expected);
  });

  it('for spans starting or ending in each block of counts', () => {
    for (let d = 20000; d < 20400; d += 20) {
      for (const [from, to] of [[d, 20399], [20000, d], [d, d + 45]] as const) {
        expect(countBuyers(counts, lowerBound(day, from), lowerBound(day, to + 1), from), `${from}..${to}`).toEqual(plainCount(from, to));
      }
    }
  });

  it('splits the paid orders of a span by whether their customer first paid before a day', () => {
    for (let d = 20000; d < 20400; d += 20) {
      for (const [from, to, cut] of [[d, 20399, d], [20000, d, d], [d, d + 45, d + 10]] as const) {
        let orders = 0;
        let gmv = 0;
        for (let i = 0; i < n; i++) {
          if (flags[i] === 1 && day[i]! >= from && day[i]! <= to && firstPaid[i]! < cut) {
            orders += 1;
            gmv += total[i]!;
          }
        }
        expect(returningOrders(counts, lowerBound(day, from), lowerBound(day, to + 1), cut), `${from}..${to} before ${cut}`).toEqual({ orders, gmv });
      }
    }
  });

  it('has spans with many buyers, repeat buyers and returning ones', () => {
    const c = plainCount(20050, 20250);
    expect(c.buyers).toBeGreaterThan(1000);
    expect(c.repeat).toBeGreaterThan(100);
    expect(c.buyers - c.fresh).toBeGreaterThan(100);
  });
});
