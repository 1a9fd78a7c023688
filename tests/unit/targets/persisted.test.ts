import { describe, expect, it } from 'vitest';
import { importTargets, migrateTargetsStore, TARGETS_STORE_VERSION } from '../../../src/targets/persisted';
import type { Target, TargetsFile } from '../../../src/targets/schema';

const gmv: Target = {
  id: 'gmv-2026',
  metric: 'gmv',
  period: { from: '2026-01-01', to: '2026-12-31' },
  filters: {},
  ladder: { target: 1_000_000 },
  phasing: 'linear',
  milestones: [],
};
const saved: TargetsFile = { version: 1, targets: [gmv] };

describe('persisted state across a schema version bump', () => {
  it('is at version 2', () => {
    expect(TARGETS_STORE_VERSION).toBe(2);
  });

  it('migrates a version 1 save (file version 0 targets) and keeps what no longer reads', () => {
    const state = migrateTargetsStore(
      {
        targets: [
          { id: 'gmv-2026', metric: 'gmv', start: '2026-01-01', end: '2026-12-31', value: 1_000_000 },
          { id: 'old', metric: 'page_views', start: '2026-01-01', end: '2026-12-31', value: 5 },
        ],
      },
      1,
    );
    expect(state.file).toEqual(saved);
    expect(state.lockedRungs).toEqual({});
    expect(state.unreadable).toHaveLength(1);
    expect(state.unreadable[0]?.raw).toMatchObject({ id: 'old', metric: 'page_views' });
    expect(state.unreadable[0]?.errors[0]).toMatchObject({ target: 'old', field: 'metric' });
  });

  it('re-reads a current save and keeps its locks', () => {
    const state = migrateTargetsStore({ file: saved, lockedRungs: { 'gmv-2026': ['2026-03-31'] }, unreadable: [] }, 2);
    expect(state).toEqual({ file: saved, lockedRungs: { 'gmv-2026': ['2026-03-31'] }, unreadable: [] });
  });

  it('keeps a save from a newer version aside instead of dropping it', () => {
    const future = { file: saved, somethingNew: true };
    const state = migrateTargetsStore(future, 3);
    expect(state.file.targets).toEqual([]);
    expect(state.unreadable[0]?.raw).toBe(future);
  });
});

describe('import', () => {
  const incoming = {
    version: 1,
    targets: [
      {
        id: 'gmv-2026',
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-12-31' },
        ladder: { target: 2_000_000 },
      },
      {
        id: 'orders-2026',
        metric: 'orders',
        period: { from: '2026-01-01', to: '2026-12-31' },
        ladder: { target: 10_000 },
      },
    ],
  };

  it('merges by id', () => {
    const result = importTargets(saved, incoming, 'merge');
    expect(result.ok && result.file.targets.map((t) => [t.id, t.ladder.target])).toEqual([
      ['gmv-2026', 2_000_000],
      ['orders-2026', 10_000],
    ]);
    expect(result.ok && { added: result.added, replaced: result.replaced }).toEqual({
      added: ['orders-2026'],
      replaced: ['gmv-2026'],
    });
  });

  it('replaces the whole set and says what went', () => {
    const result = importTargets({ version: 1, targets: [{ ...gmv, id: 'other' }] }, incoming, 'replace');
    expect(result.ok && result.removed).toEqual(['other']);
  });

  it('refuses a malformed file and leaves the saved targets untouched', () => {
    const before = JSON.stringify(saved);
    const result = importTargets(
      saved,
      { version: 1, targets: [{ ...incoming.targets[0], ladder: { target: -1 } }] },
      'replace',
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ target: 'gmv-2026', field: 'ladder.target', message: 'must be above 0, found -1' }],
    });
    expect(JSON.stringify(saved)).toBe(before);
  });
});
