import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Issues 13 and 14, item 3: the planner's roles and campaigns go out and come in with the targets file. */
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

async function stores() {
  vi.resetModules();
  const targets = (await import('../../../src/stores/targets-store')).useTargetsStore;
  const plan = (await import('../../../src/stores/plan-store')).usePlanStore;
  return { targets, plan };
}

const SUMMER = {
  campaign: 'summer',
  name: 'Summer flash',
  type: 'flash_sale' as const,
  starts_on: '2026-07-01',
  ends_on: '2026-07-03',
  budget: null,
};

describe('plan store and the targets file', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));

  it('exports roles and campaigns set in the pages beside the targets', async () => {
    const { targets, plan } = await stores();
    plan.getState().setRole('SKU-1', 'star');
    plan.getState().setRole('sku-1 ', 'profit'); // the same SKU: one entry, the last role
    plan.getState().setRole('SKU-2', 'traffic');
    plan.getState().setRole('SKU-2', null);
    plan.getState().saveCampaign(SUMMER);
    expect(JSON.parse(targets.getState().exportText())).toEqual({
      version: 1,
      targets: [],
      sku_roles: { 'sku-1': 'profit' },
      campaigns: [
        {
          campaign: 'summer',
          name: 'Summer flash',
          type: 'flash_sale',
          starts_on: '2026-07-01',
          ends_on: '2026-07-03',
        },
      ],
    });
  });

  it('an import merges the sections by SKU and id; replace keeps a section the file lacks', async () => {
    const { targets, plan } = await stores();
    plan.getState().setRole('A', 'star');
    plan.getState().setRole('B', 'profit');
    plan.getState().saveCampaign(SUMMER);
    const file = JSON.stringify({
      version: 1,
      targets: [],
      sku_roles: { b: '战略', C: 'traffic' },
      campaigns: [{ campaign: 'summer', starts_on: '2026-07-02', ends_on: '2026-07-02' }],
    });
    expect(targets.getState().importText(file, 'merge')).toMatchObject({ ok: true });
    expect(plan.getState().sku_roles).toEqual({ A: 'star', b: 'strategic', C: 'traffic' });
    expect(plan.getState().campaigns.map((c) => [c.campaign, c.starts_on, c.name])).toEqual([
      ['summer', '2026-07-02', null],
    ]);
    // The targets kept in localStorage do not carry the sections twice.
    expect(targets.getState().file).toEqual({ version: 1, targets: [] });

    const rolesOnly = JSON.stringify({ version: 1, targets: [], sku_roles: { Z: 'star' } });
    targets.getState().importText(rolesOnly, 'replace');
    expect(plan.getState().sku_roles).toEqual({ Z: 'star' });
    expect(plan.getState().campaigns).toHaveLength(1);
  });

  it('a file with a bad entry changes neither targets nor plan', async () => {
    const { targets, plan } = await stores();
    plan.getState().setRole('A', 'star');
    const bad = JSON.stringify({ version: 1, targets: [], sku_roles: { A: 'hero' } });
    expect(targets.getState().importText(bad, 'replace')).toMatchObject({ ok: false });
    expect(plan.getState().sku_roles).toEqual({ A: 'star' });
  });
});
