import { create } from 'zustand';
import type { PlannedCampaign, PlanSections, SkuRole, SkuRoles } from '../targets/plan-sections';
import { loadPlan, planStorageAvailable, savePlan } from './plan-storage';

export type PlanImportMode = 'merge' | 'replace';

interface PlanActions {
  /** Sets a SKU's role; null takes the app's role away (the products file's role shows again). */
  setRole(sku: string, role: SkuRole | null): void;
  /** Adds a campaign, or replaces the one saved under `previousId` (an edit may rename it). */
  saveCampaign(campaign: PlannedCampaign, previousId?: string): void;
  removeCampaign(id: string): void;
  /**
   * The targets file's sections on import: `merge` sets the file's roles and campaigns over the
   * saved ones (same SKU or id: the file's); `replace` takes each section the file has as the whole of it (a file without one
   * leaves that part of the plan as it was: a targets file from before roles wipes no role).
   */
  importSections(incoming: Partial<PlanSections>, mode: PlanImportMode): void;
}

export interface PlanState extends PlanSections {
  /** False until IndexedDB has been read: queries wait, so a page does not compute twice. */
  loaded: boolean;
  /** Why the last change could not be kept in this browser, if it could not. */
  saveError: string | null;
}

export type PlanStore = PlanState & PlanActions;

const keyOf = (sku: string) => sku.trim().toLowerCase();

function withRole(roles: SkuRoles, sku: string, role: SkuRole | null): SkuRoles {
  // One entry per SKU key, whichever spelling set it before.
  const next = Object.fromEntries(Object.entries(roles).filter(([s]) => keyOf(s) !== keyOf(sku)));
  if (role !== null) next[sku.trim()] = role;
  return next;
}

const byStart = (a: PlannedCampaign, b: PlannedCampaign) =>
  a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : a.campaign < b.campaign ? -1 : 1;

/**
 * SKU roles set in the Products page and campaigns added in the Marketing page (issues 13 and
 * 14, item 3), kept in IndexedDB (plan-storage.ts) and written into the targets file beside the
 * targets (targets-store's export). Writes run one after another, each the whole plan as it
 * then is, so the last change always wins.
 */
export const usePlanStore = create<PlanStore>()((set, get) => {
  let writing: Promise<void> = Promise.resolve();
  const commit = (next: PlanSections) => {
    set({ ...next });
    if (!planStorageAvailable()) return;
    writing = writing
      .then(() => savePlan(next))
      .then(
        () => set({ saveError: null }),
        (e: unknown) => set({ saveError: e instanceof Error ? e.message : String(e) }),
      );
  };
  const plan = (): PlanSections => ({ sku_roles: get().sku_roles, campaigns: get().campaigns });

  if (planStorageAvailable()) {
    loadPlan().then(
      (saved) => set({ ...saved, loaded: true }),
      (e: unknown) => set({ loaded: true, saveError: e instanceof Error ? e.message : String(e) }),
    );
  }

  return {
    sku_roles: {},
    campaigns: [],
    loaded: !planStorageAvailable(),
    saveError: null,
    setRole: (sku, role) => commit({ ...plan(), sku_roles: withRole(get().sku_roles, sku, role) }),
    saveCampaign: (campaign, previousId) => {
      const replacing = previousId ?? campaign.campaign;
      const others = get().campaigns.filter((c) => c.campaign !== replacing && c.campaign !== campaign.campaign);
      commit({ ...plan(), campaigns: [...others, campaign].sort(byStart) });
    },
    removeCampaign: (id) => commit({ ...plan(), campaigns: get().campaigns.filter((c) => c.campaign !== id) }),
    importSections: (incoming, mode) => {
      if (mode === 'replace') {
        commit({
          sku_roles: incoming.sku_roles ? { ...incoming.sku_roles } : get().sku_roles,
          campaigns: incoming.campaigns ? [...incoming.campaigns].sort(byStart) : get().campaigns,
        });
        return;
      }
      let roles = get().sku_roles;
      for (const [sku, role] of Object.entries(incoming.sku_roles ?? {})) roles = withRole(roles, sku, role);
      const ids = new Set((incoming.campaigns ?? []).map((c) => c.campaign));
      const campaigns = [...get().campaigns.filter((c) => !ids.has(c.campaign)), ...(incoming.campaigns ?? [])];
      commit({ sku_roles: roles, campaigns: campaigns.sort(byStart) });
    },
  };
});

/** The plan as the targets file writes it. */
export function planSections(): PlanSections {
  const { sku_roles, campaigns } = usePlanStore.getState();
  return { sku_roles, campaigns };
}
