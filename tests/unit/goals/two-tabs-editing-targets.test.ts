import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '../../../src/targets';

/**
 * Issue 19, item 9: with two tabs open on the Goals page, tab B's import silently overwrote the
 * target tab A had just added. Each "tab" here is its own copy of the store module over one
 * shared localStorage, as two tabs of one browser are.
 */
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

async function openTab() {
  vi.resetModules();
  return (await import('../../../src/stores/targets-store')).useTargetsStore;
}

function target(id: string, amount: number): Target {
  return {
    id,
    metric: 'gmv',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: amount },
    phasing: 'linear',
    milestones: [],
  };
}

const file = (...targets: Target[]) => JSON.stringify({ version: 1, targets });
const saved = (storage: MemoryStorage) =>
  (JSON.parse(storage.getItem('yardstick.targets') ?? 'null') as { state: { file: { targets: Target[] } } }).state.file
    .targets;
const amounts = (targets: readonly Target[]) => targets.map((t) => `${t.id}:${t.ladder.target}`);

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

describe("two tabs editing targets: tab B's import silently overwrites tab A's new target", () => {
  it("keeps tab A's new target when tab B, which has not heard of it, imports a file", async () => {
    const tabA = await openTab();
    const tabB = await openTab();
    tabA.getState().saveTarget(target('gmv-a', 1_000));
    expect(tabB.getState().importText(file(target('gmv-b', 2_000)), 'merge')).toEqual({
      ok: true,
      added: ['gmv-b'],
      replaced: [],
      removed: [],
    });
    expect(amounts(saved(storage))).toEqual(['gmv-a:1000', 'gmv-b:2000']);
    expect(amounts(tabB.getState().file.targets)).toEqual(['gmv-a:1000', 'gmv-b:2000']);
    expect(tabB.getState().conflicts).toEqual([]);
    // Tab A hears of it through the storage event.
    tabA.getState().syncFromStorage();
    expect(amounts(tabA.getState().file.targets)).toEqual(['gmv-a:1000', 'gmv-b:2000']);
  });

  it('a replace in tab B removes only what tab B saw, never what it had not heard of', async () => {
    const tabA = await openTab();
    tabA.getState().saveTarget(target('old', 1));
    const tabB = await openTab();
    tabA.getState().saveTarget(target('gmv-a', 1_000));
    tabB.getState().importText(file(target('gmv-b', 2_000)), 'replace');
    expect(amounts(saved(storage))).toEqual(['gmv-a:1000', 'gmv-b:2000']);
  });

  it('takes in the other tab’s changes as they are saved', async () => {
    const tabA = await openTab();
    const tabB = await openTab();
    tabA.getState().saveTarget(target('gmv-a', 1_000));
    tabA.getState().setLockedRungs('gmv-a', ['2026-01-31']);
    tabB.getState().syncFromStorage();
    expect(amounts(tabB.getState().file.targets)).toEqual(['gmv-a:1000']);
    expect(tabB.getState().lockedRungs).toEqual({ 'gmv-a': ['2026-01-31'] });
    tabA.getState().removeTarget('gmv-a');
    tabB.getState().syncFromStorage();
    expect(tabB.getState().file.targets).toEqual([]);
  });

  it('asks, and keeps both, when tab A saves an edit of a target tab B changed meanwhile', async () => {
    const tabA = await openTab();
    tabA.getState().saveTarget(target('gmv', 1_000));
    const tabB = await openTab();
    // Tab A opens the editor on gmv at 1,000; tab B changes gmv to 2,000 and tab A hears of it.
    const original = tabA.getState().file.targets[0]!;
    tabB.getState().saveTarget(target('gmv', 2_000), 'gmv', tabB.getState().file.targets[0]!);
    tabA.getState().syncFromStorage();
    tabA.getState().saveTarget(target('gmv', 3_000), 'gmv', original);
    expect(tabA.getState().conflicts).toEqual([
      { id: 'gmv', base: target('gmv', 1_000), mine: target('gmv', 3_000), theirs: target('gmv', 2_000) },
    ]);
    // Until the user chooses, tab B's version stands, in both tabs.
    expect(amounts(saved(storage))).toEqual(['gmv:2000']);
    tabA.getState().settleConflicts('both');
    expect(tabA.getState().conflicts).toEqual([]);
    expect(amounts(saved(storage))).toEqual(['gmv:2000', 'gmv-2:3000']);
    tabB.getState().syncFromStorage();
    expect(amounts(tabB.getState().file.targets)).toEqual(['gmv:2000', 'gmv-2:3000']);
  });

  it('asks when the tab that has not heard saves over a changed target, and keep mine wins', async () => {
    const tabA = await openTab();
    tabA.getState().saveTarget(target('gmv', 1_000));
    const tabB = await openTab();
    tabA.getState().saveTarget(target('gmv', 2_000));
    // Tab B never heard of 2,000: its import of 3,000 meets it.
    tabB.getState().importText(file(target('gmv', 3_000)), 'merge');
    expect(tabB.getState().conflicts.map((c) => [c.id, c.mine?.ladder.target, c.theirs?.ladder.target])).toEqual([
      ['gmv', 3_000, 2_000],
    ]);
    tabB.getState().settleConflicts('mine');
    expect(amounts(saved(storage))).toEqual(['gmv:3000']);
  });

  it('asks before bringing back a target the other tab removed while it was being edited', async () => {
    const tabA = await openTab();
    tabA.getState().saveTarget(target('gmv', 1_000));
    const tabB = await openTab();
    const original = tabA.getState().file.targets[0]!;
    tabB.getState().removeTarget('gmv');
    tabA.getState().syncFromStorage();
    tabA.getState().saveTarget(target('gmv', 3_000), 'gmv', original);
    expect(tabA.getState().conflicts).toEqual([
      { id: 'gmv', base: target('gmv', 1_000), mine: target('gmv', 3_000), theirs: null },
    ]);
    expect(saved(storage)).toEqual([]);
    tabA.getState().settleConflicts('mine');
    expect(amounts(saved(storage))).toEqual(['gmv:3000']);
  });

  it('says so, and keeps the targets on the page, when the browser will not save them', async () => {
    const tab = await openTab();
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    tab.getState().saveTarget(target('gmv', 1_000));
    expect(tab.getState().saveError).toBe('QuotaExceededError: The quota has been exceeded.');
    expect(amounts(tab.getState().file.targets)).toEqual(['gmv:1000']);
  });
});
