import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createNodeWasmEngine } from '../../../src/engine/node';
import { compileMetricsSql } from '../../../src/metrics/compile';
import { prepareContext, queryMetrics } from '../../../src/metrics/context';
import { rebuildDerived } from '../../../src/metrics/derived';
import { dailyTotalsTable, ROLLUP_TABLE } from '../../../src/metrics/derived-state';
import type { DataDescription } from '../../../src/metrics/describe';
import { dictionary, dictionaryEntry, explainMetric, metricSql } from '../../../src/metrics/dictionary';
import { funnelSteps } from '../../../src/metrics/queries/funnel';
import { KPI_IDS, REGISTRY, type ComponentId } from '../../../src/metrics/registry';
import { OPTIONAL_TRAFFIC_COLUMNS } from '../../../src/metrics/registry/sources';
import type { MetricEntry } from '../../../src/metrics/registry/types';
import { computeReport } from '../../../src/metrics/report';
import { readsRollup, rollupEntries, totalsGrains } from '../../../src/metrics/rollups';
import { sourceOf } from '../../../src/metrics/plan';
import { filterableDimensions, isKpiId, KPI_FACTS } from '../../../src/targets/metric-kinds';
import { METRIC_GROUPS } from '../../../src/features/goals/goal-format';
import { compileOpsSql, computeOpsValue } from '../../../src/metrics/operations';
import { OPS_REGISTRY, OPS_SCOPES, opsDirection, opsParts, opsTables } from '../../../src/metrics/registry/operations';
import { loadTables, MARCH_SHOP } from '../../fixtures/metrics/tables';

/**
 * Every metric is one registry entry, and everything else is derived from it (issue 12, item 1).
 * This walks the registry and fails for any entry that lacks a derived form: SQL that runs,
 * a rollup reading or an explicit reason it has none, a direction, a unit, a label and a
 * description in both languages, a dictionary entry, a place in the report, and, for a KPI, the
 * facts targets pace it by.
 */
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const entries = REGISTRY as readonly MetricEntry<ComponentId>[];
const HAN = /\p{Script=Han}/u;

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeWasmEngine();
  await loadTables(engine, MARCH_SHOP);
  await rebuildDerived(engine);
}, 120_000);
afterAll(async () => {
  await engine?.close();
});

describe.each(entries.map((e) => [e.id, e] as const))('registry entry %s', (id, entry) => {
  it('compiles to SQL that runs, and the page’s lean query gives the same number', async () => {
    const prepared = await prepareContext(engine, MARCH);
    const [standalone] = await engine.query(compileMetricsSql([id], prepared.ctx));
    const [lean] = await queryMetrics(engine, prepared, [id]);
    expect(standalone).toHaveProperty(id);
    expect(lean?.[id]).toEqual(standalone?.[id]);
  });

  it('reads from the daily rollups, or says why not; a ratio from registered parts', async () => {
    if (entry.kind === 'ratio') {
      for (const part of [entry.num, ...entry.den]) expect(entries).toContain(part);
      return;
    }
    if (readsRollup(entry)) {
      expect(rollupEntries(sourceOf(entry))).toContain(entry);
      const [row] = await engine.query(`SELECT sum(${id}) AS v FROM ${ROLLUP_TABLE[sourceOf(entry)]}`);
      expect(row).toHaveProperty('v');
      for (const by of totalsGrains(sourceOf(entry))) {
        const [totals] = await engine.query(`SELECT sum(${id}) AS v FROM ${dailyTotalsTable(sourceOf(entry), by)}`);
        expect(totals?.['v'], by ?? 'totals').toEqual(row?.['v']);
      }
    } else {
      expect(entry.rollup.notFromRollup.length).toBeGreaterThan(10);
    }
  });

  it('has a direction, a unit, and a label and a description in English and Chinese', () => {
    expect(['higher', 'lower']).toContain(entry.direction);
    expect(['money', 'count', 'rate']).toContain(entry.unit);
    expect(entry.label.en.trim()).not.toBe('');
    expect(entry.label.zh).toMatch(HAN);
    expect(entry.description.en.trim().length).toBeGreaterThan(5);
    expect(entry.description.zh).toMatch(HAN);
    if (entry.short) expect([entry.short.en.trim(), entry.short.zh.trim()]).not.toContain('');
    expect(entry.sources.length).toBeGreaterThan(0);
  });

  it('has a dictionary entry', () => {
    const words = dictionaryEntry(id);
    expect(words).toMatchObject({ id, label: entry.label, description: entry.description, unit: entry.unit });
    expect(dictionary().map((d) => d.id)).toContain(id);
  });

  it('has a place in the report', async () => {
    switch (entry.report) {
      case 'kpis': {
        const report = await computeReport(engine, { period: MARCH, compare: 'none' });
        expect(Object.keys(report.kpis)).toContain(id);
        expect(KPI_IDS).toContain(id);
        expect(isKpiId(id)).toBe(true);
        expect(KPI_FACTS[id as keyof typeof KPI_FACTS].direction).toBe(
          entry.direction === 'lower' ? 'lower_is_better' : 'higher_is_better',
        );
        break;
      }
      case 'funnel': {
        const withEveryColumn = {
          traffic: { rows: 1, optionalColumns: [...OPTIONAL_TRAFFIC_COLUMNS] },
        } as unknown as DataDescription;
        expect(funnelSteps(withEveryColumn)).toContain(id);
        break;
      }
      case 'part': {
        const reportedRatios = entries.filter((e) => e.report === 'kpis' && e.kind === 'ratio');
        const usedBy = reportedRatios.filter((e) => e.kind === 'ratio' && [e.num, ...e.den].includes(entry as never));
        expect(usedBy.length, `${id} is part of no reported ratio`).toBeGreaterThan(0);
        break;
      }
    }
  });
});

it('names every metric once', () => {
  const ids = entries.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
});

/**
 * The operations metrics a target can be set on (registry/operations.ts) walk the same way: each
 * compiles to SQL that runs, has a unit, a direction and names in both languages (read from its
 * module's entry), the facts targets pace and judge it by, filters, tables for `as_of`, and a
 * place in the Goals page's metric picker.
 */
describe.each(OPS_REGISTRY.map((e) => [e.id, e] as const))('operations entry %s', (id, entry) => {
  it('compiles to SQL that runs over the loaded tables, each part over a known scope', async () => {
    for (const part of opsParts(entry)) expect(Object.keys(OPS_SCOPES)).toContain(part.scope);
    const sql = compileOpsSql(id, MARCH);
    if (entry.kind === 'churn') {
      expect(sql).toBeNull();
      expect(await computeOpsValue(engine, id, MARCH)).not.toBeUndefined();
      return;
    }
    expect(sql).not.toBeNull();
    const [row] = await engine.query(sql!);
    expect(row).toHaveProperty('value');
  });

  it('has a direction, a unit, and a label and a description in English and Chinese', () => {
    expect(['higher', 'lower']).toContain(entry.entry.direction);
    expect(['money', 'count', 'rate', 'minutes', 'hours', 'per_1000', 'score']).toContain(entry.entry.unit);
    expect(entry.entry.label.en.trim()).not.toBe('');
    expect(entry.entry.label.zh).toMatch(HAN);
    expect(entry.entry.description.en.trim().length).toBeGreaterThan(5);
    expect(entry.entry.description.zh).toMatch(HAN);
  });

  it('has the facts a target needs: pacing, direction, unit, tables for as_of, filters; and sits in the Goals picker', () => {
    expect(isKpiId(id)).toBe(true);
    const facts = KPI_FACTS[id];
    expect(facts.kind).toBe(entry.additive ? 'additive' : 'ratio');
    expect(facts.direction).toBe(entry.entry.direction === 'lower' ? 'lower_is_better' : 'higher_is_better');
    expect(facts.unit).toBe(entry.entry.unit);
    expect(facts.tables).toEqual(opsTables(entry));
    expect(facts.tables.length).toBeGreaterThan(0);
    expect(Array.isArray(filterableDimensions(id))).toBe(true);
    expect((METRIC_GROUPS as Record<string, readonly string[]>)[entry.module]).toContain(id);
  });

  it('has a dictionary entry read from the registry entry, and its SQL over a period runs', async () => {
    const words = dictionaryEntry(id);
    expect(words).toMatchObject({
      id,
      label: entry.entry.label,
      description: entry.entry.description,
      unit: entry.entry.unit,
      direction: opsDirection(entry),
      pacing: entry.additive ? 'additive' : 'ratio',
      sources: opsTables(entry),
      spec: entry.entry.spec,
    });
    expect(dictionary().filter((d) => d.id === id)).toEqual([words]);
    const sql = metricSql(id, MARCH);
    // Churn reads the orders' stage changes and picks the month ends after; every other one names the period.
    if (entry.kind !== 'churn') expect(sql).toContain('2025-03-01');
    await expect(engine.query(sql)).resolves.toBeInstanceOf(Array);
    const explained = await explainMetric(engine, id, MARCH, { channel: ['email'] });
    expect(explained.definition).toEqual(words);
    expect(explained.sql).toMatch(/SELECT/i);
  });
});

it('names every operations metric once, and none as a KPI', () => {
  const ids = OPS_REGISTRY.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(KPI_IDS as readonly string[]).not.toContain(id);
});
