import { SCOPE_SOURCE, type Grouping, type QueryContext } from '../compile';
import { DEFINITIONS, type AggregateDefinition, type ScopeId } from '../definitions';
import type { Filters } from '../filters';
import { periodBuckets, shiftDay } from '../periods';
import { cohortsFromColumns, rfmSegmentsFromColumns } from './customers';
import { DAY_MS } from './day-numbers';
import { answerFromColumns, KNOWN } from './execute';
import type { ColumnStore } from './store';

/**
 * Runs each kind of pass a few times over the last 90 days of the store, so the browser has
 * compiled the loops before the first view change instead of during it (the first runs of a
 * loop over a million rows are several times slower than later ones).
 */
export function warmUp(store: ColumnStore): void {
  const days = store.orders.day;
  if (days.length === 0) return;
  const to = new Date(days[days.length - 1]! * DAY_MS).toISOString().slice(0, 10);
  const period = { from: shiftDay(to, -89), to };
  const live = (Object.keys(KNOWN) as ScopeId[])
    .flatMap((scope) => KNOWN[scope].map((id) => DEFINITIONS[id] as AggregateDefinition))
    .filter(({ scope }) => (scope !== 'traffic_rows' || store.traffic) && (scope !== 'registrations' || store.users));
  const firstChannel = store.orders.dictionaries.channel?.filterValue.find((v) => v !== null);
  const filterSets: Filters[] = [{}, firstChannel ? { channel: [firstChannel] } : {}];
  const weeks: Grouping = { key: () => '', rows: periodBuckets(period, 'week').map((b) => ({ key: b.label, from: b.from, to: b.to })) };
  const byChannel: Grouping = { key: () => '', columnar: { dimension: 'channel' } };
  const newOrNot: Grouping = { key: () => '', columnar: { firstPaidBefore: period.from, before: 'r', onOrAfter: 'n' } };
  for (let round = 0; round < 4; round++) {
    for (const filters of filterSets) {
      const ctx: QueryContext = { period, filters, blocked: [], derived: true };
      answerFromColumns(store, live, ctx);
      answerFromColumns(store, live, ctx, weeks);
      answerFromColumns(store, live, ctx, byChannel);
      answerFromColumns(store, live.filter((d) => SCOPE_SOURCE[d.scope] === 'orders'), ctx, newOrNot);
      cohortsFromColumns(store, ctx);
      rfmSegmentsFromColumns(store, ctx, period.to);
    }
  }
}
