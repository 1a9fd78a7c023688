import type { Engine, Row } from '../../engine/engine';
import { prepareContext, queryMetrics } from '../context';
import type { DataDescription } from '../describe';
import type { Filters } from '../filters';
import { compareChannels, dimensionGrouping } from '../groupings';
import type { Period } from '../periods';
import { toNumberOrNull } from './kpis';

export interface ChannelRow {
  channel: string;
  gmv: number | null;
  orders: number | null;
  sessions: number | null;
  conversion_rate: number | null;
}

const CHANNEL_METRICS = ['gmv', 'orders', 'sessions', 'conversion_rate'] as const;

/** Rows in the order of the channel taxonomy (DATA.md "Values"), `unattributed` last, anything else after. */
export function parseByChannel(rows: readonly Row[]): ChannelRow[] {
  return rows
    .map((r) => ({
      channel: String(r.grp),
      gmv: toNumberOrNull(r.gmv),
      orders: toNumberOrNull(r.orders),
      sessions: toNumberOrNull(r.sessions),
      conversion_rate: toNumberOrNull(r.conversion_rate),
    }))
    .sort((a, b) => compareChannels(a.channel, b.channel));
}

/**
 * GMV, orders, sessions and conversion per channel (METRICS.md "By channel"): one row per channel
 * with a paid order or a traffic row in the period; blank channels are `unattributed`.
 */
export async function computeByChannel(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<ChannelRow[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (prepared.ctx.blocked.includes('orders') && prepared.ctx.blocked.includes('traffic')) return [];
  const rows = parseByChannel(await queryMetrics(engine, prepared, CHANNEL_METRICS, dimensionGrouping('channel')));
  // When no order carries a channel (Taobao orders with GA4 traffic), no order can be put on a
  // channel: each channel's conversion is not known (null), not 0 orders ÷ its sessions.
  if (!prepared.description.orders.dimensions.includes('channel'))
    return rows.map((r) => ({ ...r, conversion_rate: null }));
  return rows;
}
