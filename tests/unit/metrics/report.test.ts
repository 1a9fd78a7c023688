import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import type { LoadReport } from '../../../src/ingest/types';
import { dataQualityFrom } from '../../../src/metrics/data-quality';
import { HELPER_IDS, KPI_IDS, type ComponentId } from '../../../src/metrics/registry';
import { dropDerived, rebuildDerived } from '../../../src/metrics/derived';
import { dictionaryEntry, explainMetric, metricSql } from '../../../src/metrics/dictionary';
import { engineMetricSource } from '../../../src/metrics/metric-source';
import { computeReport } from '../../../src/metrics/report';
import { ENGINES, loadTables, MARCH_KPIS, MARCH_SHOP, type OrderFixture } from '../../fixtures/metrics/tables';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe.each(ENGINES)('report and dictionary on $name', ({ create }) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, MARCH_SHOP);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('runs the dictionary SQL of every metric and helper, and each KPI gives its hand-worked March value', async () => {
    // Helpers by hand: repeat buyers 1 (alice); activated 2 (Bob, frank); product views etc. absent from the export.
    const helpers: Record<string, number | null> = {
      repeat_buyers: 1,
      activated_30d: 2,
      product_views: null,
      add_to_cart: null,
      checkouts: null,
    };
    for (const id of [...KPI_IDS, ...HELPER_IDS] as ComponentId[]) {
      const rows = await engine.query(metricSql(id, MARCH));
      expect(rows, id).toHaveLength(1);
      const expected = id in MARCH_KPIS ? MARCH_KPIS[id as keyof typeof MARCH_KPIS] : helpers[id];
      if (expected === null || expected === undefined) expect(rows[0]?.[id], id).toBeNull();
      else expect(rows[0]?.[id], id).toBeCloseTo(expected, 10);
    }
  });

  it('explains a number with its words and the SQL the engine runs', async () => {
    const entry = await explainMetric(engine, 'aov', MARCH, { region: ['North'] });
    expect(entry.definition).toEqual(dictionaryEntry('aov'));
    expect(entry.definition.description.en).toBe('GMV ÷ orders.');
    expect(entry.sql).toContain('NULLIF(orders, 0) AS aov');
    expect(entry.unsupported).toEqual({ traffic: ['region'], users: ['region'] });
    expect(await engine.query(entry.sql)).toEqual([{ grp: 'all', aov: 60 }]); // o2 alone: 60 / 1
  });

  it('gives the same report with and without the derived tables', async () => {
    const options = { period: MARCH, grain: 'week' as const };
    const plain = await computeReport(engine, options);
    await rebuildDerived(engine);
    try {
      expect(await computeReport(engine, options)).toEqual(plain);
    } finally {
      await dropDerived(engine);
    }
    expect(plain.kpis.gmv).toBe(205);
    expect(plain.series.rows.map((r) => r.period)).toEqual([
      '2025-W09',
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
      '2025-W14',
    ]);
  });

  it('tells about filters a source cannot honour and plugs targets in through the hook', async () => {
    const notices: string[] = [];
    const report = await computeReport(engine, {
      period: MARCH,
      compare: 'none',
      filters: { region: ['South'] },
      onNotice: (m) => notices.push(m),
      targets: async ({ currency }) => [
        {
          id: currency ?? 'none',
          metric: 'gmv',
          as_of: null,
          share: null,
          target: 1,
          actual_to_date: null,
          expected_to_date: null,
          projected: null,
          attainment: null,
          status: 'no_data',
        },
      ],
    });
    expect(notices).toEqual([
      'traffic cannot be filtered by region: its metrics are null',
      'users cannot be filtered by region: its metrics are null',
    ]);
    expect(report.comparison).toBeNull();
    expect(report.kpis).toMatchObject({ gmv: 80, orders: 1, sessions: null }); // o4 only
    expect(report.funnel).toEqual([
      { step: 'sessions', count: null, rate_from_previous: null, rate_from_sessions: null },
      { step: 'orders', count: 1, rate_from_previous: null, rate_from_sessions: null },
    ]);
    expect(report.targets.map((t) => t.id)).toEqual(['USD']);
  });

  it('answers the targets port: values, first and last dates of the whole tables', async () => {
    const source = engineMetricSource(engine);
    expect(await source.value('gmv', MARCH, { channel: ['email'] })).toBe(100); // o2 + o3
    expect(await source.value('conversion_rate', MARCH, {})).toBe(0.008);
    expect(await source.value('no_such_metric', MARCH, {})).toBeNull();
    expect([await source.firstDate('orders'), await source.lastDate('orders')]).toEqual(['2025-02-10', '2025-04-12']);
    expect(await source.lastDate('users')).toBe('2025-03-31');
  });
});

describe.each(ENGINES)('year-over-year comparison across a leap day on $name', ({ create }) => {
  let engine: Engine;
  const orders: OrderFixture[] = [
    { id: '1', customer: 'a', at: '2023-02-01', status: 'paid', total: 10 },
    { id: '2', customer: 'b', at: '2023-02-28T23:59:00', status: 'paid', total: 20 },
    { id: '3', customer: 'c', at: '2023-03-01', status: 'paid', total: 40 }, // the day after Feb 28, 2023: outside
    { id: '4', customer: 'a', at: '2024-02-29', status: 'paid', total: 80 },
  ];
  beforeAll(async () => {
    engine = await create();
    await loadTables(engine, { orders });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('compares February 2024 (29 days) with Feb 1..28, 2023', async () => {
    const report = await computeReport(engine, { period: { from: '2024-02-01', to: '2024-02-29' }, compare: 'yoy' });
    expect(report.comparison).toMatchObject({ from: '2023-02-01', to: '2023-02-28' });
    expect(report.comparison?.kpis).toMatchObject({ gmv: 30, orders: 2 }); // 10 + 20
    expect(report.kpis).toMatchObject({ gmv: 80, orders: 1, returning_buyers: 1 }); // a bought in 2023
  });

  it('compares a leap day alone with Feb 28 of the year before', async () => {
    const report = await computeReport(engine, {
      period: { from: '2024-02-29', to: '2024-02-29' },
      compare: 'yoy',
      grain: 'day',
    });
    expect(report.comparison).toMatchObject({ from: '2023-02-28', to: '2023-02-28', kpis: { gmv: 20 } });
    expect(report.series.rows).toEqual([
      { period: '2024-02-29', gmv: 80, refunds: 0, net_revenue: 80, orders: 1, buyers: 1, aov: 80 },
    ]);
  });
});

describe.each(ENGINES)('a report with nothing loaded on $name', ({ create }) => {
  it('keeps every key, with nulls and empty lists', async () => {
    const engine = await create();
    try {
      await loadTables(engine, {});
      const report = await computeReport(engine, { period: MARCH, grain: 'month' });
      expect(report.currency).toBeNull();
      expect(Object.values(report.kpis).every((v) => v === null)).toBe(true);
      expect(Object.keys(report.kpis)).toEqual([...KPI_IDS]);
      expect(Object.values(report.comparison?.kpis ?? {}).every((v) => v === null)).toBe(true);
      // no traffic loaded: the series rows carry no traffic keys
      expect(report.series.rows).toEqual([
        { period: '2025-03', gmv: null, refunds: null, net_revenue: null, orders: null, buyers: null, aov: null },
      ]);
      expect([report.cohorts, report.funnel, report.by_channel, report.targets]).toEqual([[], [], [], []]);
      expect(report.data_quality).toEqual({});
    } finally {
      await engine.close();
    }
  });
});

describe('data quality from load reports', () => {
  const report = (
    table: LoadReport['table'],
    read: number,
    loaded: number,
    dup: number,
    reasons: Record<string, number>,
  ): LoadReport => ({
    file: `${table}.csv`,
    table,
    source: 'canonical',
    rowsRead: read,
    rowsLoaded: loaded,
    rowsRejected: read - loaded,
    duplicates: dup,
    reasons,
    dateRange: null,
    rejected: [],
  });

  it('sums per table over files and merges reasons', () => {
    expect(
      dataQualityFrom([
        report('orders', 10, 8, 1, { 'unparseable ordered_at': 2 }),
        report('orders', 5, 4, 2, { 'unparseable ordered_at': 1 }),
        report('traffic', 3, 2, 0, { 'missing date': 1 }),
      ]),
    ).toEqual({
      orders: {
        rows_read: 15,
        rows_loaded: 12,
        rows_rejected: 3,
        duplicates: 3,
        reasons: { 'unparseable ordered_at': 3 },
        warnings: [],
      },
      traffic: {
        rows_read: 3,
        rows_loaded: 2,
        rows_rejected: 1,
        duplicates: 0,
        reasons: { 'missing date': 1 },
        warnings: [],
      },
    });
  });

  it("lists every file's reading decisions and warnings, named by file (issue 19, item 3)", () => {
    const quality = dataQualityFrom([
      { ...report('orders', 2, 2, 0, {}), file: 'a.csv', encoding: 'utf-8', warnings: ['Dates read day-first.'] },
      { ...report('orders', 1, 1, 0, {}), file: 'b.csv', encoding: 'gb18030', warnings: [] },
    ]);
    expect(quality.orders?.warnings).toEqual([
      'a.csv: Dates read day-first.',
      'b.csv: Read as GB18030 (GBK) text (not UTF-8).',
    ]);
  });
});
