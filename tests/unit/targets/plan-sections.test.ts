import { describe, expect, it } from 'vitest';
import { parseTargetsText, serializeTargetsFile } from '../../../src/targets/schema';

/** Issues 13 and 14: the targets file carries SKU roles and planned campaigns beside its targets. */
const file = (extra: Record<string, unknown>) => JSON.stringify({ version: 1, targets: [], ...extra });

describe('targets file: sku_roles and campaigns', () => {
  it('reads roles in English or Chinese and campaigns, and writes them back', () => {
    const parsed = parseTargetsText(
      file({
        sku_roles: { ' SKU-2 ': '引流', 'SKU-1': 'star', 'SKU-3': 'unassigned' },
        campaigns: [
          {
            campaign: 'summer',
            name: 'Summer flash',
            type: 'flash_sale',
            starts_on: '2026-07-01',
            ends_on: '2026-07-03',
            budget: 5000,
          },
          { campaign: 'launch', starts_on: '2026-08-10', ends_on: '2026-08-10' },
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.sku_roles).toEqual({ 'SKU-1': 'star', 'SKU-2': 'traffic', 'SKU-3': 'unassigned' });
    expect(parsed.file.campaigns).toEqual([
      {
        campaign: 'summer',
        name: 'Summer flash',
        type: 'flash_sale',
        starts_on: '2026-07-01',
        ends_on: '2026-07-03',
        budget: 5000,
      },
      { campaign: 'launch', name: null, type: null, starts_on: '2026-08-10', ends_on: '2026-08-10', budget: null },
    ]);
    const written = JSON.parse(serializeTargetsFile(parsed.file));
    expect(written).toEqual({
      version: 1,
      targets: [],
      sku_roles: { 'SKU-1': 'star', 'SKU-2': 'traffic', 'SKU-3': 'unassigned' },
      campaigns: [
        {
          campaign: 'summer',
          name: 'Summer flash',
          type: 'flash_sale',
          starts_on: '2026-07-01',
          ends_on: '2026-07-03',
          budget: 5000,
        },
        { campaign: 'launch', starts_on: '2026-08-10', ends_on: '2026-08-10' },
      ],
    });
  });

  it('a file without the sections reads and writes as before (no empty keys)', () => {
    const parsed = parseTargetsText(file({}));
    expect(parsed).toEqual({ ok: true, file: { version: 1, targets: [] } });
    if (parsed.ok) expect(JSON.parse(serializeTargetsFile(parsed.file))).toEqual({ version: 1, targets: [] });
  });

  it('refuses bad entries whole, naming each', () => {
    const parsed = parseTargetsText(
      file({
        sku_roles: { A: 'hero', a: 'star', B: 'profit', b: 'star' },
        campaigns: [
          { campaign: 'x', starts_on: '2026-07-05', ends_on: '2026-07-01' },
          { campaign: 'y', starts_on: '2026-02-30', ends_on: 'soon', type: 'mega', budget: -1 },
          { name: 'no id', starts_on: '2026-01-01', ends_on: '2026-01-02' },
          { campaign: 'z', starts_on: '2026-01-01', ends_on: '2026-01-02' },
          { campaign: 'z', starts_on: '2026-03-01', ends_on: '2026-03-02' },
        ],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'sku_roles.A: unknown role "hero"; use star (明星), traffic (引流), profit (利润), strategic (战略) or unassigned',
      'sku_roles.b: is the same SKU as B (SKUs match trimmed and case-folded)',
      'campaigns.x.ends_on: 2026-07-01 is before starts_on 2026-07-05',
      'campaigns.y.type: unknown type "mega"; use threshold_discount, coupon, bundle, flash_sale, new_product, holiday, other',
      'campaigns.y.starts_on: must be a calendar date written YYYY-MM-DD, found "2026-02-30"',
      'campaigns.y.ends_on: must be a calendar date written YYYY-MM-DD, found "soon"',
      'campaigns.y.budget: must be an amount of 0 or more, found -1',
      'campaigns[2].campaign: every campaign needs an id (the campaign orders and spend carry), found nothing',
      'campaigns.z.campaign: another campaign already has the id z',
    ]);
  });
});
