import type { HeaderIndex, SourceDefinition, SourcePlan } from './source';

const CHANNEL_COLUMNS = [
  'Session default channel group',
  'Session primary channel group (Default Channel Group)',
  'Default channel group',
  'Primary channel group (Default Channel Group)',
  'First user default channel group',
  'First user primary channel group (Default Channel Group)',
  'Session source / medium',
  'Session medium',
];

const GA4_ONLY = [
  'Total users',
  'Active users',
  'Engaged sessions',
  'New users',
  'Engagement rate',
  ...CHANNEL_COLUMNS,
];

/**
 * A Google Analytics 4 report downloaded as CSV: `#` comment lines before the header (cut
 * off when the header is found, and a second section after a blank line is ignored), dates
 * like `20250107`, default channel groups, `Total users` → visitors (METRICS.md).
 * A totals row (no date, no dimension) is not a day and is skipped.
 */
function plan(h: HeaderIndex): SourcePlan {
  const date = h.text('Date');
  const channel = h.first(...CHANNEL_COLUMNS);
  return {
    source: 'ga4_traffic',
    table: 'traffic',
    where: `NOT (${date} IS NULL AND coalesce(lower(${channel}), 'grand total') IN ('grand total', 'total', 'totals'))`,
    fields: {
      date,
      channel,
      device: h.text('Device category'),
      campaign: h.first('Session campaign', 'Session manual campaign name', 'Campaign'),
      sessions: h.text('Sessions'),
      visitors: h.first('Total users', 'Active users'),
      product_views: h.first('Items viewed', 'Item views', 'Item-list views'),
      add_to_cart: h.first('Add to carts', 'Items added to cart'),
      checkouts: h.text('Checkouts'),
    },
  };
}

export const GA4_TRAFFIC: SourceDefinition = {
  id: 'ga4_traffic',
  table: 'traffic',
  recognises: (h) => h.hasAll(['Date', 'Sessions']) && GA4_ONLY.some((c) => h.has(c)),
  plan,
};
