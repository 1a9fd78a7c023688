import type { PlannedCampaign, PlanSections, SkuRole } from '../targets/plan-sections';

/**
 * The planner's SKU roles and campaigns (issues 13 and 14, item 3), kept in IndexedDB so they
 * survive a reload. A database of its own (not the data files' `yardstick` one, not the alerts'),
 * so none has to bump another's version.
 */
const DB_NAME = 'yardstick-plan';
const ROLES = 'sku_roles';
const CAMPAIGNS = 'campaigns';

interface RoleRecord {
  sku: string;
  role: SkuRole;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(ROLES)) db.createObjectStore(ROLES, { keyPath: 'sku' });
      if (!db.objectStoreNames.contains(CAMPAIGNS)) db.createObjectStore(CAMPAIGNS, { keyPath: 'campaign' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

/** One transaction over both stores; resolves when it has committed. */
async function transact(
  mode: IDBTransactionMode,
  work: (roles: IDBObjectStore, campaigns: IDBObjectStore) => void,
): Promise<void> {
  const db = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([ROLES, CAMPAIGNS], mode);
      work(tx.objectStore(ROLES), tx.objectStore(CAMPAIGNS));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export const planStorageAvailable = (): boolean => typeof indexedDB !== 'undefined';

export async function loadPlan(): Promise<PlanSections> {
  let roles: RoleRecord[] = [];
  let campaigns: PlannedCampaign[] = [];
  await transact('readonly', (r, c) => {
    const a = r.getAll();
    a.onsuccess = () => (roles = a.result as RoleRecord[]);
    const b = c.getAll();
    b.onsuccess = () => (campaigns = b.result as PlannedCampaign[]);
  });
  return {
    sku_roles: Object.fromEntries(roles.map((x) => [x.sku, x.role])),
    campaigns: [...campaigns].sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : 0)),
  };
}

/** Writes the whole plan as it now is (a handful to a few thousand records: one small transaction). */
export async function savePlan(plan: PlanSections): Promise<void> {
  await transact('readwrite', (r, c) => {
    r.clear();
    c.clear();
    for (const [sku, role] of Object.entries(plan.sku_roles)) r.put({ sku, role } satisfies RoleRecord);
    for (const campaign of plan.campaigns) c.put(campaign);
  });
}
