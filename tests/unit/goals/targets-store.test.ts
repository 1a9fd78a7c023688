import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '../../../src/targets';

/** A localStorage kept in a Map, so the store persists and hydrates in Node as in the browser. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;

/** The store as a fresh page load sees it: a new module reading what is saved. */
async function loadStore() {
  vi.resetModules();
  return (await import('../../../src/stores/targets-store')).useTargetsStore;
}

function saved(): { state: Record<string, unknown>; version: number } {
  return JSON.parse(storage.getItem('yardstick.targets') ?? 'null') as {
    state: Record<string, unknown>;
    version: number;
  };
}

const GMV: Target = {
  id: 'gmv-2026',
  metric: 'gmv',
  period: { from: '2026-01-01', to: '2026-12-31' },
  filters: {},
  ladder: { floor: 23_000_000, target: 25_000_000, stretch: 28_000_000 },
  phasing: 'seasonal',
  milestones: [],
  owner: 'Growth',
  why: 'Keep last year’s growth',
};

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

describe('the targets store', () => {
  it('saves targets and locks under yardstick.targets, at the current store version', async () => {
    const store = await loadStore();
    store.getState().saveTarget(GMV);
    store.getState().setLockedRungs('gmv-2026', ['2026-01-31']);
    expect(saved()).toEqual({
      version: 2,
      state: { file: { version: 1, targets: [GMV] }, lockedRungs: { 'gmv-2026': ['2026-01-31'] }, unreadable: [] },
    });
    const reloaded = await loadStore();
    expect(reloaded.getState().file.targets).toEqual([GMV]);
    expect(reloaded.getState().lockedRungs).toEqual({ 'gmv-2026': ['2026-01-31'] });
  });

  it('renames a target in place and carries its locks along', async () => {
    const store = await loadStore();
    store.getState().saveTarget(GMV);
    store.getState().saveTarget({ ...GMV, id: 'orders-2026', metric: 'orders', ladder: { target: 60_000 } });
    store.getState().setLockedRungs('gmv-2026', ['2026-03-31']);
    store.getState().saveTarget({ ...GMV, id: 'gmv-fy26' }, 'gmv-2026');
    expect(store.getState().file.targets.map((t) => t.id)).toEqual(['gmv-fy26', 'orders-2026']);
    expect(store.getState().lockedRungs).toEqual({ 'gmv-fy26': ['2026-03-31'] });
    store.getState().removeTarget('gmv-fy26');
    expect(store.getState().file.targets.map((t) => t.id)).toEqual(['orders-2026']);
    expect(store.getState().lockedRungs).toEqual({});
  });

  it('brings a version 1 save forward: flat targets of file version 0', async () => {
    storage.setItem(
      'yardstick.targets',
      JSON.stringify({
        version: 1,
        state: {
          targets: [
            {
              id: 'gmv-2026',
              metric: 'gmv',
              start: '2026-01-01',
              end: '2026-12-31',
              value: 25_000_000,
              floor: 23_000_000,
            },
          ],
        },
      }),
    );
    const store = await loadStore();
    expect(store.getState().file.targets).toEqual([
      {
        id: 'gmv-2026',
        metric: 'gmv',
        period: { from: '2026-01-01', to: '2026-12-31' },
        filters: {},
        ladder: { floor: 23_000_000, target: 25_000_000 },
        phasing: 'linear',
        milestones: [],
      },
    ]);
    expect(saved().version).toBe(2);
  });

  it('keeps a saved target that no longer reads aside, and the good ones in use', async () => {
    storage.setItem(
      'yardstick.targets',
      JSON.stringify({
        version: 2,
        state: {
          file: { version: 1, targets: [GMV, { ...GMV, id: 'broken', ladder: { target: -1 } }] },
          lockedRungs: {},
          unreadable: [],
        },
      }),
    );
    const store = await loadStore();
    expect(store.getState().file.targets.map((t) => t.id)).toEqual(['gmv-2026']);
    expect(store.getState().unreadable.map((u) => u.errors.map((e) => [e.target, e.field]))).toEqual([
      [['broken', 'ladder.target']],
    ]);
    store.getState().dismissUnreadable();
    expect(store.getState().unreadable).toEqual([]);
  });

  it('exports the targets file and imports it back after a clear', async () => {
    const store = await loadStore();
    store.getState().saveTarget(GMV);
    const text = store.getState().exportText();
    expect(JSON.parse(text)).toEqual({
      version: 1,
      targets: [
        {
          id: 'gmv-2026',
          metric: 'gmv',
          period: { from: '2026-01-01', to: '2026-12-31' },
          ladder: { floor: 23_000_000, target: 25_000_000, stretch: 28_000_000 },
          phasing: 'seasonal',
          owner: 'Growth',
          why: 'Keep last year’s growth',
        },
      ],
    });
    store.getState().clear();
    expect(store.getState().file.targets).toEqual([]);
    expect(store.getState().importText(text, 'merge')).toEqual({
      ok: true,
      added: ['gmv-2026'],
      replaced: [],
      removed: [],
    });
    expect(store.getState().file.targets).toEqual([GMV]);
  });

  it('refuses a malformed file whole, naming target and field, and changes nothing', async () => {
    const store = await loadStore();
    store.getState().saveTarget(GMV);
    store.getState().setLockedRungs('gmv-2026', ['2026-01-31']);
    const before = saved();
    const file = JSON.stringify({
      version: 1,
      targets: [
        { ...GMV, id: 'ok-one', phasing: 'linear' },
        { id: 'bad-one', metric: 'gmv', period: { from: '2026-01-01', to: '2026-12-31' }, ladder: { target: 'lots' } },
      ],
    });
    const outcome = store.getState().importText(file, 'replace');
    expect(outcome).toEqual({
      ok: false,
      errors: [{ target: 'bad-one', field: 'ladder.target', message: 'must be a number, found "lots"' }],
    });
    expect(store.getState().importText('{ not json', 'merge')).toMatchObject({
      ok: false,
      errors: [{ field: 'file' }],
    });
    expect(saved()).toEqual(before);
    expect(store.getState().file.targets).toEqual([GMV]);
  });

  it('merges by id or replaces the whole, dropping locks of targets that changed', async () => {
    const store = await loadStore();
    store.getState().saveTarget(GMV);
    store.getState().saveTarget({ ...GMV, id: 'orders-2026', metric: 'orders', ladder: { target: 60_000 } });
    store.getState().setLockedRungs('gmv-2026', ['2026-01-31']);
    store.getState().setLockedRungs('orders-2026', ['2026-02-28']);
    const incoming = JSON.stringify({
      version: 1,
      targets: [
        { ...GMV, ladder: { target: 26_000_000 } },
        { ...GMV, id: 'gmv-2027', period: { from: '2027-01-01', to: '2027-12-31' } },
      ],
    });
    expect(store.getState().importText(incoming, 'merge')).toEqual({
      ok: true,
      added: ['gmv-2027'],
      replaced: ['gmv-2026'],
      removed: [],
    });
    expect(store.getState().file.targets.map((t) => [t.id, t.ladder.target])).toEqual([
      ['gmv-2026', 26_000_000],
      ['orders-2026', 60_000],
      ['gmv-2027', 25_000_000],
    ]);
    expect(store.getState().lockedRungs).toEqual({ 'orders-2026': ['2026-02-28'] });
    expect(store.getState().importText(incoming, 'replace')).toEqual({
      ok: true,
      added: [],
      replaced: ['gmv-2026', 'gmv-2027'],
      removed: ['orders-2026'],
    });
    expect(store.getState().file.targets.map((t) => t.id)).toEqual(['gmv-2026', 'gmv-2027']);
    expect(store.getState().lockedRungs).toEqual({});
  });
});
