import type { Engine, Row } from '../../engine/engine';
import { CHANNELS } from '../../model/tables';
import { compileMetricsSql, type Grouping, type QueryContext } from '../compile';
import { prepareContext, queryMetrics } from '../context';
import type { DataDescription } from '../describe';
import { channelSql, type Filters } from '../filters';
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

/** One row per channel with a paid order or a traffic row in the period; blank channels are `unattributed`. */
const byChannel: Grouping = { key: (_source, alias) => channelSql(`${alias}.channel`), columnar: { dimension: 'channel' } };

export function byChannelSql(ctx: QueryContext): string {
  return compileMetricsSql(CHANNEL_METRICS, ctx, byChannel);
}

const ORDER: readonly string[] = [...CHANNELS, 'unattributed'];
const rank = (channel: string) => {
  const i = ORDER.indexOf(channel);
  return i === -1 ? ORDER.length : i;
};

/** Rows in the order of the channel taxonomy (DATA.md "Values"), `unattributed` last, anything else after. */
export function parseByChannel(rows: Row[]): ChannelRow[] {
  return rows
    .map((r) => ({
      channel: String(r.grp),
      gmv: toNumberOrNull(r.gmv),
      orders: toNumberOrNull(r.orders),
      sessions: toNumberOrNull(r.sessions),
      conversion_rate: toNumberOrNull(r.conversion_rate),
    }))
    .sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel));
}

/** GMV, orders, sessions and conversion per channel (METRICS.md "By channel"). */
export async function computeByChannel(
  engine: Engine,
  period: Period,
  filters: Filters = {},
  description?: DataDescription,
): Promise<ChannelRow[]> {
  const prepared = await prepareContext(engine, period, filters, description);
  if (prepared.ctx.blocked.includes('orders') && prepared.ctx.blocked.includes('traffic')) return [];
  return parseByChannel(await queryMetrics(engine, prepared, CHANNEL_METRICS, byChannel));
}
