import type { Row } from '../../engine/engine';
import type { Grouping, QueryContext } from '../compile';
import type { AggregateDefinition, ComponentId, ScopeId } from '../definitions';
import { SOURCE_DIMENSIONS, type FilterDimension, type Filters, type SourceTable } from '../filters';
import { CANCELLED_FLAG, MONEY_SCALE, PAID_FLAG, type ColumnStore, type TableColumns } from './store';

/**
 * The group key of a Grouping in a form this executor reads (the SQL form is Grouping.key):
 * - `dimension`: the dimension's value as grouping names it (channels normalised, blanks '');
 * - `firstPaidBefore`: orders of customers whose first paid order is before the day, or not.
 */
export type ColumnarKey =
  | { dimension: 'channel' | 'region' | 'device' }
  | { firstPaidBefore: string; before: string; onOrAfter: string };

/** What each aggregate this executor knows reads, per scope. Anything else is left to SQL. */
const KNOWN: Record<ScopeId, readonly ComponentId[]> = {
  paid_orders: ['gmv', 'refunds', 'net_revenue', 'discounts', 'orders'],
  period_buyers: ['buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers'],
  cancelled_orders: ['cancelled_orders'],
  traffic_rows: ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts'],
  registrations: ['registrations', 'activated_30d'],
};

const SCOPE_TABLE: Record<ScopeId, SourceTable> = {
  paid_orders: 'orders',
  period_buyers: 'orders',
  cancelled_orders: 'orders',
  traffic_rows: 'traffic',
  registrations: 'users',
};

const DAY_MS = 86_400_000;
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** First index whose day is ≥ `day` (rows are sorted by day). */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Row test for a table under the filters, as filterSql writes it: each active dimension's codes allowed. */
function rowFilter(table: TableColumns, source: SourceTable, filters: Filters): ((i: number) => boolean) | null {
  const tests: { codes: Int32Array; allowed: Uint8Array }[] = [];
  const dims: FilterDimension[] = source === 'orders' ? [...SOURCE_DIMENSIONS.orders] : [...SOURCE_DIMENSIONS[source]];
  for (const dimension of dims) {
    const wanted = dimension === 'currency' ? (filters.currency ? [filters.currency] : []) : (filters[dimension] ?? []);
    if (!wanted.length) continue;
    const dict = table.dictionaries[dimension];
    const codes = table.codes[dimension];
    if (!dict || !codes) return null; // category: orders that hold an item of it, which the store does not know
    const allowed = new Uint8Array(dict.raw.length);
    dict.filterValue.forEach((v, code) => (allowed[code] = v !== null && wanted.includes(v) ? 1 : 0));
    tests.push({ codes, allowed });
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) {
    const [{ codes, allowed }] = tests as [(typeof tests)[0]];
    return (i) => allowed[codes[i]!] === 1;
  }
  return (i) => tests.every((t) => t.allowed[t.codes[i]!] === 1);
}

/** Groups of a query: their names, and for a table the group index of a row (-1: none). */
interface Groups {
  names: string[];
  /** Fixed groups (date buckets) are all reported; otherwise those some row fell into. */
  fixed: boolean;
  of(table: TableColumns, source: SourceTable): ((i: number) => number) | null;
}

function groupsFor(group: (Grouping & { columnar?: ColumnarKey }) | undefined, fromDay: number, toDay: number): Groups | null {
  if (!group) return { names: ['all'], fixed: true, of: () => () => 0 };
  if (group.rows) {
    // Date buckets: the spans partition the period, so a day's bucket is looked up by offset.
    const byDay = new Int32Array(toDay - fromDay + 1).fill(-1);
    group.rows.forEach((r, g) => byDay.fill(g, dayNumber(r.from) - fromDay, dayNumber(r.to) - fromDay + 1));
    return {
      names: group.rows.map((r) => r.key),
      fixed: true,
      of: (table) => (i) => byDay[table.day[i]! - fromDay]!,
    };
  }
  const key = group.columnar;
  if (!key) return null;
  const names: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (name: string) => {
    let g = index.get(name);
    if (g === undefined) {
      g = names.push(name) - 1;
      index.set(name, g);
    }
    return g;
  };
  if ('dimension' in key) {
    return {
      names,
      fixed: false,
      of: (table) => {
        const codes = table.codes[key.dimension];
        const dict = table.dictionaries[key.dimension];
        if (!codes || !dict) return null;
        const byCode = Int32Array.from(dict.groupKey, indexOf);
        return (i) => byCode[codes[i]!]!;
      },
    };
  }
  const cut = dayNumber(key.firstPaidBefore);
  return {
    names,
    fixed: false,
    of: (table, source) => {
      if (source !== 'orders') return null;
      const firstPaid = (table as ColumnStore['orders']).firstPaid;
      const before = indexOf(key.before);
      const after = indexOf(key.onOrAfter);
      return (i) => (firstPaid[i]! < cut ? before : after);
    },
  };
}

/** Per-store scratch for distinct customers: the last pass that saw each customer, and their order count in it. */
const scratch = new WeakMap<ColumnStore, { seen: Int32Array; count: Int32Array; pass: number }>();

function scratchOf(store: ColumnStore) {
  let s = scratch.get(store);
  if (!s || s.pass > 2 ** 30) {
    s = { seen: new Int32Array(store.orders.customers), count: new Int32Array(store.orders.customers), pass: 0 };
    scratch.set(store, s);
  }
  return s;
}

/**
 * The aggregates of `live` (as compileMetricsQuery keeps them) computed from the store: the rows
 * the lean SQL would return (grp and one column per aggregate), or null when the store cannot
 * answer (an aggregate, filter or grouping it does not know; a table it could not copy).
 */
export function answerFromColumns(
  store: ColumnStore,
  live: readonly AggregateDefinition[],
  ctx: QueryContext,
  group?: Grouping & { columnar?: ColumnarKey },
): Row[] | null {
  if (live.some((d) => !KNOWN[d.scope].includes(d.id))) return null;
  const fromDay = dayNumber(ctx.period.from);
  const toDay = dayNumber(ctx.period.to);
  const groups = groupsFor(group, fromDay, toDay);
  if (!groups) return null;

  const scopes = new Set(live.map((d) => d.scope));
  const tables: Record<SourceTable, TableColumns | null> = { orders: store.orders, traffic: store.traffic, users: store.users };
  // Sums per aggregate, indexed by group; `seen` marks groups some row fell into.
  const acc = new Map<ComponentId, number[]>();
  const sumsOf = (id: ComponentId): number[] => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = []));
    return a;
  };
  const seen: number[] = [];

  for (const source of ['orders', 'traffic', 'users'] as const) {
    const wanted = [...scopes].filter((s) => SCOPE_TABLE[s] === source);
    if (!wanted.length) continue;
    const table = tables[source];
    if (!table) return null;
    const pass = rowFilter(table, source, ctx.filters);
    const groupOf = groups.of(table, source);
    if (!pass || !groupOf) return null;
    const lo = lowerBound(table.day, fromDay);
    const hi = lowerBound(table.day, toDay + 1);
    if (source === 'orders') ordersPass(store, wanted, lo, hi, pass, groupOf, fromDay, sumsOf, seen);
    else if (source === 'traffic') {
      for (const d of live.filter((d) => d.scope === 'traffic_rows')) {
        const values = table.values[d.id]!;
        const sums = sumsOf(d.id);
        for (let i = lo; i < hi; i++) {
          if (!pass(i)) continue;
          const g = groupOf(i);
          seen[g] = 1;
          sums[g] = (sums[g] ?? 0) + values[i]!;
        }
      }
    } else {
      const users = store.users!;
      const count = sumsOf('registrations');
      const activated = sumsOf('activated_30d');
      for (let i = lo; i < hi; i++) {
        if (!pass(i)) continue;
        const g = groupOf(i);
        seen[g] = 1;
        count[g] = (count[g] ?? 0) + 1;
        const gap = users.firstPaid[i]! - users.day[i]!;
        if (gap >= 0 && gap <= 30) activated[g] = (activated[g] ?? 0) + 1;
      }
    }
  }

  const present = seen.flatMap((flag, g) => (flag ? [g] : []));
  const order = groups.fixed ? groups.names.map((_, g) => g) : present.sort((a, b) => compareText(groups.names[a]!, groups.names[b]!));
  return order.map((g) => {
    const row: Row = { grp: groups.names[g]! };
    for (const d of live) {
      const v = acc.get(d.id)?.[g] ?? 0;
      row[d.id] = MONEY_IDS.has(d.id) ? v / MONEY_SCALE : v;
    }
    return row;
  });
}

const MONEY_IDS = new Set<ComponentId>(['gmv', 'refunds', 'net_revenue', 'discounts']);

/** DuckDB orders text by its bytes (UTF-8); comparing code points gives the same order. */
function compareText(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function ordersPass(
  store: ColumnStore,
  scopes: ScopeId[],
  lo: number,
  hi: number,
  pass: (i: number) => boolean,
  groupOf: (i: number) => number,
  fromDay: number,
  sumsOf: (id: ComponentId) => number[],
  seen: number[],
): void {
  const o = store.orders;
  const wantsPaid = scopes.includes('paid_orders') || scopes.includes('period_buyers');
  const wantsCancelled = scopes.includes('cancelled_orders');
  const wantsBuyers = scopes.includes('period_buyers');
  const total = o.values.order_total!;
  const refund = o.values.refund_amount!;
  const discount = o.values.discount_amount!;
  const gmv = sumsOf('gmv');
  const refunds = sumsOf('refunds');
  const discounts = sumsOf('discounts');
  const orders = sumsOf('orders');
  const cancelledOrders = sumsOf('cancelled_orders');
  // Paid rows by group, for the distinct-customer pass below.
  const buyerRows: number[][] = [];
  for (let i = lo; i < hi; i++) {
    const flags = o.flags[i]!;
    const paid = wantsPaid && (flags & PAID_FLAG) !== 0;
    const cancelled = wantsCancelled && (flags & CANCELLED_FLAG) !== 0;
    if ((!paid && !cancelled) || !pass(i)) continue;
    const g = groupOf(i);
    seen[g] = 1;
    if (cancelled) cancelledOrders[g] = (cancelledOrders[g] ?? 0) + 1;
    if (!paid) continue;
    gmv[g] = (gmv[g] ?? 0) + total[i]!;
    refunds[g] = (refunds[g] ?? 0) + refund[i]!;
    discounts[g] = (discounts[g] ?? 0) + discount[i]!;
    orders[g] = (orders[g] ?? 0) + 1;
    if (wantsBuyers) (buyerRows[g] ??= []).push(i);
  }
  // Sums of ten-thousandths are exact integers, so the difference of the sums is the sum of the differences.
  const net = sumsOf('net_revenue');
  gmv.forEach((v, g) => (net[g] = v - (refunds[g] ?? 0)));
  if (!wantsBuyers) return;
  const s = scratchOf(store);
  const buyers = sumsOf('buyers');
  const fresh = sumsOf('new_buyers');
  const returning = sumsOf('returning_buyers');
  const repeat = sumsOf('repeat_buyers');
  buyerRows.forEach((rows, g) => {
    const pass = ++s.pass;
    let b = 0;
    let n = 0;
    let r = 0;
    for (const i of rows) {
      const c = o.cid[i]!;
      if (s.seen[c] !== pass) {
        s.seen[c] = pass;
        s.count[c] = 1;
        b++;
        if (o.firstPaid[i]! >= fromDay) n++;
      } else if ((s.count[c] = s.count[c]! + 1) === 2) r++;
    }
    buyers[g] = b;
    fresh[g] = n;
    returning[g] = b - n;
    repeat[g] = r;
  });
}
