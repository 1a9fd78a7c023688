import { isIsoDate, type IsoDate } from './dates';
import { compareCodeUnits } from '../lib/compare-text';

/**
 * The planner's two sections of the targets file beside `targets` (issues 13 and 14): SKU roles
 * set in the Products page and campaigns added in the Marketing page.
 *
 * ```json
 * "sku_roles": { "SKU-001": "star", "SKU-002": "引流" },
 * "campaigns": [ { "campaign": "summer-flash", "name": "Summer flash sale", "type": "flash_sale",
 *                  "starts_on": "2026-07-01", "ends_on": "2026-07-03", "budget": 5000 } ]
 * ```
 *
 * Both are optional, so every version 1 file stays valid and no version bump is needed. A role
 * is one of METRICS.md's four (English id or Chinese name) or `unassigned`, which overrides a
 * role the products file gives. A campaign has the columns of DATA.md's `campaigns` table.
 * Whether a SKU exists is a question about the data, not the file: the report and the Products
 * page say so; the file itself is refused only for what is wrong whatever the data.
 */
export const SKU_ROLES = ['star', 'traffic', 'profit', 'strategic', 'unassigned'] as const;
export type SkuRole = (typeof SKU_ROLES)[number];
export type SkuRoles = Record<string, SkuRole>;

const ROLE_SPELLINGS: Record<string, SkuRole> = {
  star: 'star',
  明星: 'star',
  traffic: 'traffic',
  引流: 'traffic',
  profit: 'profit',
  利润: 'profit',
  strategic: 'strategic',
  战略: 'strategic',
  unassigned: 'unassigned',
  未分配: 'unassigned',
};

/** DATA.md `campaigns.type`. */
export const CAMPAIGN_TYPES = [
  'threshold_discount',
  'coupon',
  'bundle',
  'flash_sale',
  'new_product',
  'holiday',
  'other',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** A campaign of the calendar entered by a planner (DATA.md `campaigns`). */
export interface PlannedCampaign {
  campaign: string;
  name: string | null;
  type: CampaignType | null;
  starts_on: IsoDate;
  ends_on: IsoDate;
  budget: number | null;
}

export interface PlanSections {
  sku_roles: SkuRoles;
  campaigns: PlannedCampaign[];
}

export interface PlanProblem {
  field: string;
  message: string;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** A role as written in a file or a select (English id or Chinese name), or null. */
export function readRole(value: unknown): SkuRole | null {
  return typeof value === 'string' ? (ROLE_SPELLINGS[value.trim().toLowerCase()] ?? null) : null;
}

export function parseSkuRoles(raw: unknown, problems: PlanProblem[]): SkuRoles {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    problems.push({
      field: 'sku_roles',
      message: `needs { "SKU": "star" | "traffic" | "profit" | "strategic" }, found ${show(raw)}`,
    });
    return {};
  }
  const roles: SkuRoles = {};
  const seen = new Map<string, string>();
  for (const [sku, value] of Object.entries(raw)) {
    const field = `sku_roles.${sku}`;
    const key = sku.trim().toLowerCase();
    if (key === '') {
      problems.push({ field: 'sku_roles', message: 'a SKU is empty' });
      continue;
    }
    const role = readRole(value);
    if (role === null) {
      problems.push({
        field,
        message: `unknown role ${show(value)}; use star (明星), traffic (引流), profit (利润), strategic (战略) or unassigned`,
      });
      continue;
    }
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push({ field, message: `is the same SKU as ${before} (SKUs match trimmed and case-folded)` });
      continue;
    }
    seen.set(key, sku);
    roles[sku.trim()] = role;
  }
  return roles;
}

/** One campaign; `where` names it in messages (its id once known). */
export function parseCampaign(raw: unknown, where: string, problems: PlanProblem[]): PlannedCampaign | null {
  if (!isRecord(raw)) {
    problems.push({
      field: where,
      message: `a campaign is { "campaign", "starts_on", "ends_on", … }, found ${show(raw)}`,
    });
    return null;
  }
  const before = problems.length;
  const id = raw['campaign'];
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push({
      field: `${where}.campaign`,
      message: `every campaign needs an id (the campaign orders and spend carry), found ${show(id)}`,
    });
  }
  const text = (key: 'name' | 'type'): string | null => {
    const v = raw[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v !== 'string') {
      problems.push({ field: `${where}.${key}`, message: `must be text, found ${show(v)}` });
      return null;
    }
    return v.trim();
  };
  const name = text('name');
  const type = text('type');
  if (type !== null && !(CAMPAIGN_TYPES as readonly string[]).includes(type)) {
    problems.push({ field: `${where}.type`, message: `unknown type ${show(type)}; use ${CAMPAIGN_TYPES.join(', ')}` });
  }
  const dates: Record<'starts_on' | 'ends_on', IsoDate | null> = { starts_on: null, ends_on: null };
  for (const key of ['starts_on', 'ends_on'] as const) {
    const v = raw[key];
    if (isIsoDate(v)) dates[key] = v;
    else
      problems.push({
        field: `${where}.${key}`,
        message: `must be a calendar date written YYYY-MM-DD, found ${show(v)}`,
      });
  }
  if (dates.starts_on !== null && dates.ends_on !== null && dates.ends_on < dates.starts_on) {
    problems.push({ field: `${where}.ends_on`, message: `${dates.ends_on} is before starts_on ${dates.starts_on}` });
  }
  const budget = raw['budget'];
  if (
    budget !== undefined &&
    budget !== null &&
    !(typeof budget === 'number' && Number.isFinite(budget) && budget >= 0)
  ) {
    problems.push({ field: `${where}.budget`, message: `must be an amount of 0 or more, found ${show(budget)}` });
  }
  if (problems.length > before) return null;
  return {
    campaign: (id as string).trim(),
    name,
    type: type as CampaignType | null,
    starts_on: dates.starts_on!,
    ends_on: dates.ends_on!,
    budget: typeof budget === 'number' ? budget : null,
  };
}

export function parseCampaigns(raw: unknown, problems: PlanProblem[]): PlannedCampaign[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'campaigns', message: `needs a list of campaigns, found ${show(raw)}` });
    return [];
  }
  const campaigns: PlannedCampaign[] = [];
  const ids = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const id = isRecord(item) && typeof item['campaign'] === 'string' ? item['campaign'].trim() : '';
    const where = id === '' ? `campaigns[${i}]` : `campaigns.${id}`;
    const campaign = parseCampaign(item, where, problems);
    if (campaign === null) return;
    if (ids.has(campaign.campaign)) {
      problems.push({
        field: `${where}.campaign`,
        message: `another campaign already has the id ${campaign.campaign}`,
      });
      return;
    }
    ids.add(campaign.campaign);
    campaigns.push(campaign);
  });
  return campaigns;
}

/** The two sections of a raw file body; absent sections are empty. */
export function parsePlanSections(body: Raw): { sections: PlanSections; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const sections = {
    sku_roles: parseSkuRoles(body['sku_roles'], problems),
    campaigns: parseCampaigns(body['campaigns'], problems),
  };
  return { sections, problems };
}

/** The sections as the file writes them: absent when empty, so a file without them stays as it was. */
export function planSectionsJson(file: Partial<PlanSections>): Raw {
  const json: Raw = {};
  const roles = file.sku_roles ?? {};
  if (Object.keys(roles).length > 0) {
    json['sku_roles'] = Object.fromEntries(Object.entries(roles).sort(([a], [b]) => compareCodeUnits(a, b)));
  }
  if ((file.campaigns ?? []).length > 0) {
    json['campaigns'] = file.campaigns!.map((c) => {
      const out: Raw = { campaign: c.campaign };
      if (c.name !== null) out['name'] = c.name;
      if (c.type !== null) out['type'] = c.type;
      out['starts_on'] = c.starts_on;
      out['ends_on'] = c.ends_on;
      if (c.budget !== null) out['budget'] = c.budget;
      return out;
    });
  }
  return json;
}
