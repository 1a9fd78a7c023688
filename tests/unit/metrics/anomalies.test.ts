import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { computeAnomalies, detectAnomalies, median, robustZ } from '../../../src/metrics/queries/anomalies';
import { computeReport } from '../../../src/metrics/report';
import { renderMarkdown } from '../../../src/cli/format';
import { ENGINES, loadTables, type OrderFixture } from '../../fixtures/metrics/tables';

/**
 * METRICS.md "Alerts": a day is anomalous when |0.6745 × (x − m) ÷ MAD| > 3.5 against the same
 * weekday of the 8 weeks before it (at least 6 present, MAD > 0); critical above 5.
 */

// Eight Tuesdays' GMV. Sorted 80 90 95 100 100 105 110 120: median 100. Absolute deviations
// sorted 0 0 5 5 10 10 20 20: MAD (5 + 10) / 2 = 7.5.
const TUESDAYS = [100, 110, 90, 105, 95, 100, 120, 80];

describe('the robust z-score, by hand', () => {
  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('scores an outlier against the weekday median and MAD', () => {
    // 0.6745 × (20 − 100) / 7.5 = −7.19466…; 0.6745 × (140 − 100) / 7.5 = 3.59733…
    expect(robustZ(20, TUESDAYS)).toEqual({ z: expect.closeTo(-7.194667, 6), median: 100 });
    expect(robustZ(140, TUESDAYS)!.z).toBeCloseTo(3.597333, 6);
  });

  it('says nothing with MAD = 0 or fewer than 6 days present', () => {
    expect(robustZ(500, [100, 100, 100, 100, 100, 100, 100, 90])).toBeNull(); // deviations 0×7, 10: MAD 0
    expect(robustZ(500, [100, 110, 90, 105, 95, null, null, null])).toBeNull(); // 5 present
    expect(robustZ(500, [100, 110, 90, 105, 95, 100, null, null])).not.toBeNull(); // 6 present
  });

  it('does not flag |z| of exactly 3.5, flags just above, and marks |z| > 5 critical', () => {
    // History −a −a 0 0 a a: median 0, deviations 0 0 a a a a, MAD a. With a = 0.6745, x = 3.5 gives z = 3.5.
    const a = 0.6745;
    const history = [-a, -a, 0, 0, a, a]; // the same weekday 1 … 6 weeks before; weeks 7 and 8 absent
    // 57 consecutive days, the judged one last: its weeks before sit at 49, 42, …; every other day holds 999, which no
    // comparison may read.
    const at = (x: number) =>
      detectAnomalies(
        'gmv',
        Array.from({ length: 57 }, (_, i) => {
          const weeksBefore = (56 - i) / 7;
          const value = i === 56 ? x : Number.isInteger(weeksBefore) ? (history[weeksBefore - 1] ?? null) : 999;
          return { day: i === 56 ? '2025-03-04' : `day ${i}`, value };
        }),
        56,
      );
    expect(robustZ(3.5, history)!.z).toBe(3.5);
    expect(at(3.5)).toEqual([]);
    expect(at(3.6)).toEqual([
      { metric: 'gmv', date: '2025-03-04', value: 3.6, expected: 0, z: expect.closeTo(3.6, 9), severity: 'warning' },
    ]);
    expect(at(5.01)[0]?.severity).toBe('critical');
    expect(at(-5.01)[0]?.severity).toBe('critical');
  });
});

// A shop with one order on each of eight Tuesdays (2025-01-07 … 2025-02-25), totals as TUESDAYS,
// and on Tuesday 2025-03-04 a single order of 20: GMV and AOV are anomalous that day (z −7.19,
// critical); orders (1 every Tuesday), refunds and cancellations (0) have MAD 0; no traffic, so
// conversion is never present.
const TUESDAY_DATES = ['2025-01-07', '2025-01-14', '2025-01-21', '2025-01-28', '2025-02-04', '2025-02-11', '2025-02-18', '2025-02-25'];
const ORDERS: OrderFixture[] = [
  ...TUESDAY_DATES.map((at, i) => ({ id: `t${i}`, customer: `c${i}`, at, status: 'paid' as const, total: TUESDAYS[i]! })),
  { id: 'odd', customer: 'z', at: '2025-03-04T10:00:00', status: 'paid', total: 20 },
];

describe.each(ENGINES)('computeAnomalies on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders: ORDERS });
  });
  afterAll(async () => {
    await engine.close();
  });

  const expected = [
    { metric: 'gmv', date: '2025-03-04', value: 20, expected: 100, z: expect.closeTo(-7.194667, 6), severity: 'critical' },
    { metric: 'aov', date: '2025-03-04', value: 20, expected: 100, z: expect.closeTo(-7.194667, 6), severity: 'critical' },
  ];

  it('finds the odd Tuesday and nothing on the other days (fewer than 6 weeks before, or MAD 0)', async () => {
    await dropDerived(engine);
    expect(await computeAnomalies(engine, { from: '2025-01-07', to: '2025-03-06' })).toEqual(expected);
  });

  it('gives the same from the derived tables', async () => {
    await rebuildDerived(engine);
    expect(await computeAnomalies(engine, { from: '2025-01-07', to: '2025-03-06' })).toEqual(expected);
    await dropDerived(engine);
  });

  it('judges the same days when the period reaches before or after the data', async () => {
    expect(await computeAnomalies(engine, { from: '2024-11-01', to: '2025-03-06' })).toEqual(expected);
    expect(await computeAnomalies(engine, { from: '2025-03-01', to: '2025-05-31' })).toEqual(expected);
    expect(await computeAnomalies(engine, { from: '2025-03-05', to: '2025-05-31' })).toEqual([]);
  });

  it('asks one statement for every period inside the data: a second period is read from the result cache', async () => {
    await rebuildDerived(engine);
    await computeAnomalies(engine, { from: '2025-02-01', to: '2025-02-28' });
    const query = vi.spyOn(engine, 'query');
    try {
      expect(await computeAnomalies(engine, { from: '2025-03-01', to: '2025-03-04' })).toEqual(expected);
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
      await dropDerived(engine);
    }
  });

  it("puts them in the report's alerts, newest first, critical first, then by kind and metric", async () => {
    const report = await computeReport(engine, { period: { from: '2025-03-01', to: '2025-03-04' } });
    const alert = { kind: 'anomaly', sku: null, date: '2025-03-04', value: 20, expected: 100, severity: 'critical' };
    expect(report.alerts).toEqual([
      { ...alert, metric: 'aov' },
      { ...alert, metric: 'gmv' },
    ]);
    // The digest says each in a sentence: 20 against 100 is 80.0 % below.
    expect(renderMarkdown(report)).toContain(
      '## Alerts\n\n- **Critical**: Average order value on Tuesday 2025-03-04 was $20.00, 80.0% below a typical Tuesday ($100.00).\n' +
        '- **Critical**: GMV on Tuesday 2025-03-04 was $20.00, 80.0% below a typical Tuesday ($100.00).',
    );
  });

  it('counts a week before the first order as not present: 2025-02-11 has only 5 Tuesdays before it', async () => {
    await engine.run("UPDATE orders SET order_total = 1 WHERE order_id = 't5'"); // 2025-02-11, far below its weeks
    expect(await computeAnomalies(engine, { from: '2025-02-11', to: '2025-02-11' })).toEqual([]);
    await engine.run("UPDATE orders SET order_total = 100 WHERE order_id = 't5'");
  });
});
