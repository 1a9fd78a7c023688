import type { Row } from '../../engine/engine';
import { SCOPE_SOURCE, type Grouping, type QueryContext } from '../compile';
import type { AggregateDefinition, ComponentId, ScopeId } from '../definitions';
import { SOURCE_DIMENSIONS, type FilterDimension, type Filters, type SourceTable } from '../filters';
import { countBuyers, returningOrders } from './buyer-counts';
import { addSpan, DAY_FIELDS } from './days';
import { MONTH_FIELDS, wholeMonth } from './months';
import { dayNumber, lowerBound } from './day-numbers';
import { CANCELLED_FLAG, MONEY_SCALE, PAID_FLAG, type ColumnStore, type OrderColumns, type TableColumns, type UserColumns } from './store';

/**
 * The group key of a Grouping in a form this executor reads (the SQL form is Grouping.key):
 * - `dimension`: the dimension's value as grouping names it (channels normalised, blanks '');
 * - `firstPaidBefore`: orders of customers whose first paid order is before the day, or not.
 */
export type ColumnarKey =
  | { dimension: 'channel' | 'region' | 'device' }
  | { firstPaidBefore: string; before: string; onOrAfter: string };

/** What each aggregate this executor knows reads, per scope. Anything else is left to SQL. */
export const KNOWN: Record<ScopeId, readonly ComponentId[]> = {
  paid_orders: ['gmv', 'refunds', 'net_revenue', 'discounts', 'orders'],
  period_buyers: ['buyers', 'new_buyers', 'returning_buyers', 'repeat_buyers'],
  cancelled_orders: ['cancelled_orders'],
  traffic_rows: ['sessions', 'visitors', 'product_views', 'add_to_cart', 'checkouts'],
  registrations: ['registrations', 'activated_30d'],
};

/** One active filter of a table: the rows whose code is allowed pass. */
export interface FilterTest {
  dimension: FilterDimension;
  codes: Int32Array;
  allowed: Uint8Array;
}

/** Whether row i passes every filter test. */
export function passes(tests: readonly FilterTest[], i: number): boolean {
  for (let t = 0; t < tests.length; t++) if (tests[t]!.allowed[tests[t]!.codes[i]!] === 0) return false;
  return true;
}

/** The filters of a table as filterSql writes them; null when one reads something the store does not hold. */
export function filterTests(table: TableColumns, source: SourceTable, filters: Filters): FilterTest[] | null {
  const tests: FilterTest[] = [];
  for (const dimension of SOURCE_DIMENSIONS[source]) {
    const wanted = dimension === 'currency' ? (filters.currency ? [filters.currency] : []) : (filters[dimension] ?? []);
    if (!wanted.length) continue;
    const dict = table.dictionaries[dimension];
    const codes = table.codes[dimension];
    if (!dict || !codes) return null; // category: orders that hold an item of it, which the store does not know
    tests.push({ dimension, codes, allowed: Uint8Array.from(dict.filterValue, (v) => (v !== null && wanted.includes(v) ? 1 : 0)) });
  }
  return tests;
}

/** First k in [lo, hi) whose row's day is ≥ `day` (rows ascending, so their days are too). */
function lowerBoundVia(rows: Int32Array, lo: number, hi: number, days: Int32Array, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[rows[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The orders of days [fromDay, toDay] to visit, in row (so day) order: all of them (null), or,
 * when a filter keeps under half, only the rows of that filter's values, read from the postings.
 * The other filters still have to be tested on each row.
 */
export function rowsToScan(orders: OrderColumns, tests: readonly FilterTest[], fromDay: number, toDay: number): Int32Array | null {
  const all = lowerBound(orders.day, toDay + 1) - lowerBound(orders.day, fromDay);
  let best: Int32Array[] | null = null;
  let bestCount = all / 2;
  for (const test of tests) {
    const postings = orders.postings[test.dimension];
    if (!postings) continue;
    const runs: Int32Array[] = [];
    let count = 0;
    for (let code = 0; code < test.allowed.length; code++) {
      if (test.allowed[code] === 0) continue;
      const a = postings.start[code]!;
      const b = postings.start[code + 1]!;
      const lo = lowerBoundVia(postings.rows, a, b, orders.day, fromDay);
      const hi = lowerBoundVia(postings.rows, lo, b, orders.day, toDay + 1);
      runs.push(postings.rows.subarray(lo, hi));
      count += hi - lo;
    }
    if (count < bestCount) {
      best = runs;
      bestCount = count;
    }
  }
  if (best === null) return null;
  if (best.length === 1) return best[0]!;
  const merged = new Int32Array(bestCount);
  let at = 0;
  for (const run of best) {
    merged.set(run, at);
    at += run.length;
  }
  return merged.sort();
}

/**
 * How a table's rows find their group: `lookup[column[i] - offset]`, or for new vs returning the
 * first paid day against a cut.
 */
type RowKey =
  | { column: Int32Array; offset: number; lookup: Int32Array }
  | { firstPaid: Int32Array; cut: number; before: number; after: number };

/** The groups of a query: their names, and each table's row key. */
class Groups {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    /** Fixed groups (date buckets, or the one group of an ungrouped query) are all reported. */
    readonly fixed: boolean,
  ) {}
  indexOf(name: string): number {
    let g = this.index.get(name);
    if (g === undefined) {
      g = this.names.push(name) - 1;
      this.index.set(name, g);
    }
    return g;
  }
}

function rowKey(
  group: Grouping | undefined,
  groups: Groups,
  table: TableColumns,
  source: SourceTable,
  fromDay: number,
  toDay: number,
): RowKey | null {
  if (!group || group.rows) {
    // One group, or date buckets: the spans partition the period, so a day's group is found by offset.
    const lookup = new Int32Array(toDay - fromDay + 1);
    if (group?.rows) for (const r of group.rows) lookup.fill(groups.indexOf(r.key), dayNumber(r.from) - fromDay, dayNumber(r.to) - fromDay + 1);
    else groups.indexOf('all');
    return { column: table.day, offset: fromDay, lookup };
  }
  const key = group.columnar;
  if (!key) return null;
  if ('dimension' in key) {
    const column = table.codes[key.dimension];
    const dict = table.dictionaries[key.dimension];
    if (!column || !dict) return null;
    return { column, offset: 0, lookup: Int32Array.from(dict.groupKey, (k) => groups.indexOf(k)) };
  }
  if (source !== 'orders') return null;
  return {
    firstPaid: (table as OrderColumns).firstPaid,
    cut: dayNumber(key.firstPaidBefore),
    before: groups.indexOf(key.before),
    after: groups.indexOf(key.onOrAfter),
  };
}

/**
 * Per-store scratch for distinct customers: the pass that last saw each customer, and the
 * customer's paid orders in it (capped at 2: only "two or more" matters).
 */
const scratch = new WeakMap<ColumnStore, { seen: Int32Array; count: Uint8Array; pass: number }>();

function scratchOf(store: ColumnStore, passes: number) {
  let s = scratch.get(store);
  if (!s || s.pass + passes > 2 ** 30) {
    s = { seen: new Int32Array(store.orders.customers), count: new Uint8Array(store.orders.customers), pass: 0 };
    scratch.set(store, s);
  }
  const base = s.pass + 1;
  s.pass += passes;
  return { ...s, base };
}

/**
 * The rows of [lo, hi) that pass the filters, each with its group (traffic and users; orders
 * have their own loop, aggregateOrders).
 */
function matchingRows(
  table: TableColumns,
  lo: number,
  hi: number,
  tests: readonly FilterTest[],
  key: RowKey,
): { rows: Int32Array; groups: Int32Array; count: number } {
  const rows = new Int32Array(hi - lo);
  const groups = new Int32Array(hi - lo);
  let n = 0;
  const byFirstPaid = 'firstPaid' in key;
  const column = byFirstPaid ? key.firstPaid : key.column;
  const offset = byFirstPaid ? 0 : key.offset;
  const lookup = byFirstPaid ? null : key.lookup;
  const cut = byFirstPaid ? key.cut : 0;
  const before = byFirstPaid ? key.before : 0;
  const after = byFirstPaid ? key.after : 0;
  for (let i = lo; i < hi; i++) {
    if (!passes(tests, i)) continue;
    rows[n] = i;
    groups[n] = lookup === null ? (column[i]! < cut ? before : after) : lookup[column[i]! - offset]!;
    n++;
  }
  return { rows, groups, count: n };
}

/**
 * The aggregates of `live` (as compileMetricsQuery keeps them) computed from the store: the rows
 * the lean SQL would return (grp and one column per aggregate), or null when the store cannot
 * answer (an aggregate, filter or grouping it does not know; a table it could not copy).
 * `newInEachGroup`: new buyers of a date group are those whose first paid order is in the group's
 * own span (the customers page's monthly buyer mix), not in the period's.
 */
export function answerFromColumns(
  store: ColumnStore,
  live: readonly AggregateDefinition[],
  ctx: QueryContext,
  group?: Grouping,
  options: { newInEachGroup?: boolean } = {},
): Row[] | null {
  if (live.some((d) => !KNOWN[d.scope].includes(d.id))) return null;
  const fromDay = dayNumber(ctx.period.from);
  const toDay = dayNumber(ctx.period.to);
  const groups = new Groups(!group || group.rows !== undefined);
  const scopes = new Set(live.map((d) => d.scope));
  const tables: Record<SourceTable, TableColumns | null> = { orders: store.orders, traffic: store.traffic, users: store.users };

  // Each table's matching rows first: the group names are all known once every key is made.
  const scans: Partial<Record<'traffic' | 'users', Scan>> = {};
  let orders: { tests: FilterTest[]; key: RowKey } | null = null;
  for (const source of ['orders', 'traffic', 'users'] as const) {
    const wanted = [...scopes].filter((s) => SCOPE_SOURCE[s] === source);
    if (!wanted.length) continue;
    const table = tables[source];
    if (!table) return null;
    const tests = filterTests(table, source, ctx.filters);
    const key = rowKey(group, groups, table, source, fromDay, toDay);
    if (!tests || !key) return null;
    if (source === 'orders') orders = { tests, key };
    else scans[source] = matchingRows(table, lowerBound(table.day, fromDay), lowerBound(table.day, toDay + 1), tests, key);
  }

  const size = groups.names.length;
  const sums = new Map<ComponentId, Float64Array>();
  const sumsOf = (id: ComponentId) => {
    let a = sums.get(id);
    if (!a) sums.set(id, (a = new Float64Array(size)));
    return a;
  };
  const seen = new Uint8Array(size);
  if (orders) {
    const spans = group?.rows ? group.rows.map((r) => [dayNumber(r.from), dayNumber(r.to)] as const) : [[fromDay, toDay] as const];
    // New buyers are new to the period; with `newInEachGroup` (date groups only) new to their group's span.
    const newFrom = Int32Array.from({ length: size }, (_, g) => (options.newInEachGroup && group?.rows ? spans[g]![0] : fromDay));
    const q: OrdersQuery = { store, live, scopes, group, ...orders, newFrom, spans, bucketed: groups.fixed, sumsOf, seen };
    if (!fromDayCube(q) && !fromBuyerCounts(q) && !newVsReturningFromCounts(q)) {
      const rolled = groups.fixed ? fromMonthCube(q) : null;
      // The rest is counted from the orders, a run of consecutive groups (so of days) at a time.
      for (let g = 0; g < spans.length; g++) {
        if (rolled?.[g]) continue;
        const first = g;
        while (g + 1 < spans.length && !rolled?.[g + 1]) g++;
        aggregateOrders(q, spans[first]![0], spans[g]![1]);
      }
    }
    // Sums of ten-thousandths are exact integers, so the difference of the sums is the sum of the differences.
    const [gmv, refunds, net, buyers, fresh, returning] = (['gmv', 'refunds', 'net_revenue', 'buyers', 'new_buyers', 'returning_buyers'] as const).map(sumsOf);
    for (let g = 0; g < size; g++) {
      net![g] = gmv![g]! - refunds![g]!;
      returning![g] = buyers![g]! - fresh![g]!;
    }
  }
  for (const [source, scan] of Object.entries(scans) as ['traffic' | 'users', Scan][]) {
    for (let k = 0; k < scan.count; k++) seen[scan.groups[k]!] = 1;
    if (source === 'traffic') {
      for (const d of live.filter((d) => d.scope === 'traffic_rows')) addValues(scan, store.traffic!.values[d.id]!, sumsOf(d.id));
    } else aggregateUsers(store.users!, scan, sumsOf('registrations'), sumsOf('activated_30d'));
  }

  const order = groups.names.map((_, g) => g).filter((g) => groups.fixed || seen[g] === 1);
  if (!groups.fixed) order.sort((a, b) => compareText(groups.names[a]!, groups.names[b]!));
  return order.map((g) => {
    const row: Row = { grp: groups.names[g]! };
    for (const d of live) {
      const v = sums.get(d.id)?.[g] ?? 0;
      row[d.id] = d.unit === 'money' ? v / MONEY_SCALE : v;
    }
    return row;
  });
}

/** DuckDB orders text by its bytes (UTF-8); comparing code points gives the same order. */
function compareText(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

type Scan = ReturnType<typeof matchingRows>;

function addValues(scan: Scan, values: Float64Array, into: Float64Array): void {
  for (let k = 0; k < scan.count; k++) into[scan.groups[k]!]! += values[scan.rows[k]!]!;
}

function aggregateUsers(users: UserColumns, scan: Scan, count: Float64Array, activated: Float64Array): void {
  for (let k = 0; k < scan.count; k++) {
    const i = scan.rows[k]!;
    const g = scan.groups[k]!;
    count[g]! += 1;
    const gap = users.firstPaid[i]! - users.day[i]!;
    if (gap >= 0 && gap <= 30) activated[g]! += 1;
  }
}

/**
 * Answers a query that asks for order sums only (no buyers) from the running totals by day, when
 * its filters name values of at most one dimension and its groups are date spans, or the values
 * of that same dimension. False when it cannot: the orders are then visited.
 */
function fromDayCube({ store, scopes, group, tests, spans, key, sumsOf, seen }: OrdersQuery): boolean {
  const cube = store.days;
  if (!cube || scopes.has('period_buyers') || tests.length > 1 || 'firstPaid' in key) return false;
  const test = tests[0];
  const grouping = group?.columnar && 'dimension' in group.columnar ? group.columnar.dimension : null;
  if (grouping && test && test.dimension !== grouping) return false;
  const slices = grouping ? cube.byCode[grouping] : test ? cube.byCode[test.dimension] : [cube.all];
  if (!slices) return false;
  const sums = DAY_FIELDS.map(sumsOf);
  for (let g = 0; g < spans.length; g++) {
    for (let c = 0; c < slices.length; c++) {
      if (test && test.allowed[c] === 0) continue;
      // Grouped by a dimension: one span (the period), and each value adds to its own group.
      addSpan(cube, slices[c]!, spans[g]![0], spans[g]![1], sums, grouping ? key.lookup[c]! : g);
    }
  }
  // A group is there when it has an order of a kind asked for, as when the orders are visited.
  const orders = sums[DAY_FIELDS.indexOf('orders')]!;
  const cancelled = sums[DAY_FIELDS.indexOf('cancelled_orders')]!;
  const paid = scopes.has('paid_orders');
  const cancellations = scopes.has('cancelled_orders');
  for (let g = 0; g < seen.length; g++) if ((paid && orders[g]! > 0) || (cancellations && cancelled[g]! > 0)) seen[g] = 1;
  return true;
}

/**
 * Answers an unfiltered query over date groups (or the one period), buyers included, from the
 * running sums by day and the buyer counts, visiting at most a block of orders at each end of
 * each group. New buyers this way are new to their group's own span, so a query whose new buyers
 * are new to an earlier day (date groups after the first) is left to the orders.
 */
function fromBuyerCounts({ store, live, tests, spans, newFrom, bucketed, sumsOf, seen }: OrdersQuery): boolean {
  const { days, counts } = store;
  if (!days || !counts || tests.length > 0 || !bucketed) return false;
  const asksNew = live.some((d) => d.id === 'new_buyers' || d.id === 'returning_buyers');
  if (asksNew && spans.some(([from], g) => newFrom[g] !== from)) return false;
  const sums = DAY_FIELDS.map(sumsOf);
  const [buyers, fresh, repeat] = (['buyers', 'new_buyers', 'repeat_buyers'] as const).map(sumsOf);
  for (let g = 0; g < spans.length; g++) {
    const [from, to] = spans[g]!;
    addSpan(days, days.all, from, to, sums, g);
    const counted = countBuyers(counts, lowerBound(store.orders.day, from), lowerBound(store.orders.day, to + 1), from);
    buyers![g] = counted.buyers;
    fresh![g] = counted.fresh;
    repeat![g] = counted.repeat;
    seen[g] = 1;
  }
  return true;
}

/**
 * New vs returning (orders split by whether the customer's first paid order is before the
 * period), unfiltered, for GMV, orders and buyers: the running sums less the returning
 * customers' share, counted by first paid day; new buyers are the period's first-ever orders.
 */
function newVsReturningFromCounts({ store, live, tests, spans, key, sumsOf, seen }: OrdersQuery): boolean {
  const { days, counts } = store;
  if (!days || !counts || tests.length > 0 || !('firstPaid' in key)) return false;
  const [from, to] = spans[0]!;
  if (key.cut !== from || live.some((d) => d.id !== 'gmv' && d.id !== 'orders' && d.id !== 'buyers')) return false;
  const lo = lowerBound(store.orders.day, from);
  const hi = lowerBound(store.orders.day, to + 1);
  const total = DAY_FIELDS.map(() => new Float64Array(1));
  addSpan(days, days.all, from, to, total, 0);
  const returning = returningOrders(counts, lo, hi, key.cut);
  const { buyers, fresh } = countBuyers(counts, lo, hi, from);
  const [gmv, orders, buyersOf] = (['gmv', 'orders', 'buyers'] as const).map(sumsOf);
  gmv![key.before] = returning.gmv;
  gmv![key.after] = total[DAY_FIELDS.indexOf('gmv')]![0]! - returning.gmv;
  orders![key.before] = returning.orders;
  orders![key.after] = total[DAY_FIELDS.indexOf('orders')]![0]! - returning.orders;
  buyersOf![key.before] = buyers - fresh;
  buyersOf![key.after] = fresh;
  for (const g of [key.before, key.after]) if (orders![g]! > 0) seen[g] = 1;
  return true;
}

/**
 * Fills the groups that are whole calendar months from the store's month cube, when the filters
 * are none or one value of one dimension; returns which groups it filled (null: none could be).
 * A group's new buyers come from the cube only when they are new to that month.
 */
function fromMonthCube({ store, scopes, tests, spans, newFrom, sumsOf, seen }: OrdersQuery): Uint8Array | null {
  const cube = store.months;
  if (!cube) return null;
  let slice = cube.all;
  if (tests.length > 1) return null;
  if (tests.length === 1) {
    const test = tests[0]!;
    const code = test.allowed.indexOf(1);
    if (code < 0 || test.allowed.indexOf(1, code + 1) >= 0) return null;
    const byCode = cube.byCode[test.dimension]?.[code];
    if (!byCode) return null;
    slice = byCode;
  }
  const rolled = new Uint8Array(spans.length);
  const sums = MONTH_FIELDS.map(sumsOf);
  const wantsBuyers = scopes.has('period_buyers');
  let any = false;
  for (let g = 0; g < spans.length; g++) {
    const [from, to] = spans[g]!;
    const m = wholeMonth(cube, from, to);
    if (m < 0 || (wantsBuyers && newFrom[g] !== from)) continue;
    for (let f = 0; f < sums.length; f++) sums[f]![g] = slice[m * sums.length + f]!;
    if (slice[m * sums.length + 3]! + slice[m * sums.length + 4]! > 0) seen[g] = 1;
    rolled[g] = 1;
    any = true;
  }
  return any ? rolled : null;
}

/** One query's orders side: what the indexes and the pass over the orders both read and fill. */
interface OrdersQuery {
  store: ColumnStore;
  live: readonly AggregateDefinition[];
  scopes: ReadonlySet<ScopeId>;
  group: Grouping | undefined;
  tests: readonly FilterTest[];
  key: RowKey;
  /** A buyer is new in group g when their first paid day is on or after newFrom[g]. */
  newFrom: Int32Array;
  /** Each group's first and last day (the period for groups that are not date buckets). */
  spans: readonly (readonly [number, number])[];
  /** Groups are date spans (or the one period): a customer's rows of a group come together. */
  bucketed: boolean;
  sumsOf: (id: ComponentId) => Float64Array;
  seen: Uint8Array;
}

/**
 * Paid-order sums, cancelled orders and buyers in one pass over the orders of days [from, to]
 * (the rows of the most selective filter's values, when it keeps few: rowsToScan).
 * Buyers are counted the cheapest way the query allows:
 * - `sequence` (no filter, date groups): a buyer's first paid order in a span is the one whose
 *   previous paid order is before the span, and they bought again if their next one is within it;
 * - `stamp` (date groups): rows of a group come together in date order, so marking each customer
 *   with the group's pass finds distinct customers;
 * - `sorted` (other groups): rows are sorted by group first, then marked as above.
 */
function aggregateOrders(q: OrdersQuery, from: number, to: number): void {
  const { store, scopes, tests, key, newFrom, sumsOf, seen } = q;
  const o = store.orders;
  const wantsPaid = scopes.has('paid_orders') || scopes.has('period_buyers');
  const wantsCancelled = scopes.has('cancelled_orders');
  const mask = (wantsPaid ? PAID_FLAG : 0) | (wantsCancelled ? CANCELLED_FLAG : 0);
  const mode = !scopes.has('period_buyers') ? 'none' : tests.length === 0 && q.bucketed ? 'sequence' : q.bucketed ? 'stamp' : 'sorted';
  const lo = lowerBound(o.day, from);
  const hi = lowerBound(o.day, to + 1);
  const byFirstPaid = 'firstPaid' in key;
  const column = byFirstPaid ? key.firstPaid : key.column;
  const offset = byFirstPaid ? 0 : key.offset;
  const lookup = byFirstPaid ? null : key.lookup;
  const cut = byFirstPaid ? key.cut : 0;
  const before = byFirstPaid ? key.before : 0;
  const after = byFirstPaid ? key.after : 0;

  const flags = o.flags;
  const total = o.values.order_total!;
  const refund = o.values.refund_amount!;
  const discount = o.values.discount_amount!;
  const { cid, firstPaid, prevPaid, nextPaid } = o;
  const gmv = sumsOf('gmv');
  const refunds = sumsOf('refunds');
  const discounts = sumsOf('discounts');
  const orders = sumsOf('orders');
  const cancelled = sumsOf('cancelled_orders');
  const buyers = sumsOf('buyers');
  const fresh = sumsOf('new_buyers');
  const repeat = sumsOf('repeat_buyers');
  const spanFrom = Int32Array.from(q.spans, (s) => s[0]);
  const spanTo = Int32Array.from(q.spans, (s) => s[1]);
  const stamps = mode === 'stamp' || mode === 'sorted' ? scratchOf(store, gmv.length) : null;
  const stamp = stamps?.seen ?? new Int32Array(0);
  const count = stamps?.count ?? new Uint8Array(0);
  const base = stamps?.base ?? 0;
  // `sorted`: the paid rows and their groups, for the pass after this one.
  const paidRows = mode === 'sorted' ? new Int32Array(hi - lo) : null;
  const paidGroups = mode === 'sorted' ? new Int32Array(hi - lo) : null;
  let paidCount = 0;
  /** Paid row i of group g, where a group's rows come together: the customer counts once per group. */
  const stampBuyer = (i: number, g: number) => {
    const c = cid[i]!;
    if (stamp[c] !== base + g) {
      stamp[c] = base + g;
      count[c] = 1;
      buyers[g]! += 1;
      if (firstPaid[i]! >= newFrom[g]!) fresh[g]! += 1;
    } else if (count[c] === 1) {
      count[c] = 2;
      repeat[g]! += 1;
    }
  };

  const visit = rowsToScan(o, tests, from, to);
  const first = visit === null ? lo : 0;
  const last = visit === null ? hi : visit.length;
  for (let k = first; k < last; k++) {
    const i = visit === null ? k : visit[k]!;
    const f = flags[i]!;
    if ((f & mask) === 0 || !passes(tests, i)) continue;
    const g = lookup === null ? (column[i]! < cut ? before : after) : lookup[column[i]! - offset]!;
    seen[g] = 1;
    if ((f & PAID_FLAG) === 0) {
      cancelled[g]! += 1;
      continue;
    }
    gmv[g]! += total[i]!;
    refunds[g]! += refund[i]!;
    discounts[g]! += discount[i]!;
    orders[g]! += 1;
    if (mode === 'sequence') {
      if (prevPaid[i]! < spanFrom[g]!) {
        buyers[g]! += 1;
        if (firstPaid[i]! >= newFrom[g]!) fresh[g]! += 1;
        if (nextPaid[i]! <= spanTo[g]!) repeat[g]! += 1;
      }
    } else if (mode === 'stamp') {
      stampBuyer(i, g);
    } else if (paidRows !== null && paidGroups !== null) {
      paidRows[paidCount] = i;
      paidGroups[paidCount] = g;
      paidCount++;
    }
  }
  if (paidRows !== null && paidGroups !== null) {
    // Counting sort of the paid rows by group: each group's rows together, so stamping works as above.
    const size = gmv.length;
    const start = new Int32Array(size + 1);
    for (let k = 0; k < paidCount; k++) start[paidGroups[k]! + 1]! += 1;
    for (let g = 0; g < size; g++) start[g + 1]! += start[g]!;
    const next = start.slice(0, size);
    const byGroup = new Int32Array(paidCount);
    for (let k = 0; k < paidCount; k++) byGroup[next[paidGroups[k]!]!++] = paidRows[k]!;
    for (let g = 0; g < size; g++) {
      for (let k = start[g]!; k < start[g + 1]!; k++) stampBuyer(byGroup[k]!, g);
    }
  }
}
