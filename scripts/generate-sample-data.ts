/**
 * Writes the sample shop ("Maple & Moss", a home-goods shop selling in CNY) into sample-data/:
 * two years of orders with line items, daily traffic by channel and device with funnel counts,
 * and users, in the canonical layout of DATA.md. Deterministic: the same seed gives the same bytes.
 *
 * Each day's totals are decided first (orders, conversion, basket size, cancellations, refunds,
 * each with bounded noise: sample-anomalies.ts) and then spread over channels, devices and
 * customers, so ordinary days raise no anomaly alert while the planted outage and refund wave,
 * the promotion calendar's days and the dip after Double 11 do. Festival orders that use the
 * festival's coupon carry its campaign id.
 *
 *   npm run sample-data
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays, differenceInCalendarDays, format, getDay, parseISO } from 'date-fns';
import {
  AFTER_DOUBLE11_LIFT,
  afterDouble11,
  OUTAGE_DAY,
  OUTAGE_KEPT,
  REFUND_WAVE,
  REFUND_WAVE_DAY,
  noiseLevels,
} from './sample-anomalies';
import { SAMPLE_CAMPAIGNS, sampleMarketing } from './sample-marketing';
import { sampleProducts } from './sample-products';
import { sampleService } from './sample-service';

const FIRST_DAY = '2024-11-01';
const LAST_DAY = '2026-10-31';
const OUT = path.resolve(import.meta.dirname, '..', 'sample-data');

/** mulberry32: a tiny seeded PRNG, enough for believable, repeatable data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
function weighted<T>(items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1]![0];
}
function poisson(mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}
const money = (n: number) => n.toFixed(2);

// ---- the shop -------------------------------------------------------------------------------
const CHANNELS = [
  // channel, daily sessions at launch, conversion, campaign names
  ['organic_search', 1350, 0.022, []],
  ['paid_search', 700, 0.03, ['brand_search', 'generic_search']],
  ['organic_social', 520, 0.011, []],
  ['paid_social', 620, 0.016, ['spring_lookbook', 'retargeting']],
  ['email', 260, 0.045, ['newsletter', 'winback']],
  ['direct', 560, 0.034, []],
  ['referral', 170, 0.02, []],
  ['affiliate', 120, 0.026, ['partner_blogs']],
  ['display', 210, 0.007, ['prospecting']],
] as const;
const DEVICES = [
  ['mobile', 0.62, 0.8],
  ['desktop', 0.31, 1.45],
  ['tablet', 0.07, 1.0],
] as const;
const REGIONS = [
  ['East China', 0.34],
  ['South China', 0.22],
  ['North China', 0.18],
  ['Central China', 0.1],
  ['Southwest', 0.09],
  ['Northeast', 0.04],
  ['Northwest', 0.03],
] as const;
const CATEGORIES = {
  Bedding: [
    ['Linen duvet cover', 459],
    ['Cotton sheet set', 329],
    ['Down pillow', 189],
    ['Wool throw', 269],
  ],
  Kitchen: [
    ['Ceramic pour-over set', 159],
    ['Cast-iron skillet', 239],
    ['Bamboo cutting board', 89],
    ['Glass storage jars (6)', 119],
  ],
  Bath: [
    ['Turkish towel set', 199],
    ['Bath mat', 99],
    ['Soap dish', 39],
  ],
  Decor: [
    ['Stoneware vase', 149],
    ['Scented candle', 79],
    ['Linen cushion', 119],
    ['Wall mirror', 389],
  ],
  Lighting: [
    ['Rattan pendant lamp', 429],
    ['Brass desk lamp', 349],
  ],
} as const;
const PRODUCTS = Object.entries(CATEGORIES).flatMap(([category, items], ci) =>
  items.map(([name, price], i) => ({ sku: `MM-${ci + 1}${String(i + 1).padStart(2, '0')}`, name, category, price })),
);

/**
 * The promotion calendar's days (SAMPLE_CAMPAIGNS) lift sales, and the two weeks after Double 11
 * dip (the pull-forward after a big sale). Every other day is ordinary: trend, weekday and the
 * bounded noise below, nothing else.
 */
function eventOf(day: Date): { lift: number; discount: number; campaign: string } {
  const iso = format(day, 'yyyy-MM-dd');
  const d = day.getDate();
  const c = SAMPLE_CAMPAIGNS.find(([, , , s, e]) => s <= iso && iso <= e);
  if (c) {
    const [campaign, , , starts] = c;
    const since = differenceInCalendarDays(day, parseISO(starts));
    if (campaign.startsWith('f618')) return { lift: d === 18 ? 3.2 : d >= 15 ? 1.9 : 1.35, discount: 0.15, campaign };
    if (campaign.startsWith('double11')) return { lift: d === 11 ? 4.2 : d >= 9 ? 2.2 : 1.45, discount: 0.2, campaign };
    if (campaign.startsWith('black_friday'))
      return { lift: since === 0 ? 2.6 : since === 3 ? 2.0 : 1.6, discount: 0.25, campaign };
    if (campaign.startsWith('d1212')) return { lift: d === 12 ? 1.9 : 1.35, discount: 0.1, campaign };
    if (campaign.startsWith('spring_refresh')) return { lift: 1.3, discount: 0.1, campaign };
    return { lift: 1.3, discount: 0.05, campaign }; // a new-product launch
  }
  if (afterDouble11(iso)) return { lift: AFTER_DOUBLE11_LIFT, discount: 0, campaign: '' };
  return { lift: 1, discount: 0, campaign: '' };
}
const WEEKDAY = [1.12, 0.96, 0.93, 0.95, 0.98, 1.03, 1.14]; // Sunday first

// ---- generate -------------------------------------------------------------------------------
interface Customer {
  id: string;
  registeredAt: Date;
  region: string;
  loyalty: number;
  orders: number;
}
const customers: Customer[] = [];
const returningPool: Customer[] = [];
const orderRows: string[] = [];
const itemRows: string[] = [];
const trafficRows: string[] = [];
const userRows: string[] = [];
let orderSeq = 100000;

const first = parseISO(FIRST_DAY);
const days = differenceInCalendarDays(parseISO(LAST_DAY), first) + 1;

function timeOfDay(day: Date): Date {
  const hour = weighted([
    [0, 2],
    [1, 1],
    [7, 2],
    [9, 4],
    [10, 5],
    [12, 6],
    [13, 5],
    [15, 4],
    [19, 6],
    [20, 8],
    [21, 9],
    [22, 7],
    [23, 4],
  ] as const);
  const t = new Date(day);
  t.setHours(hour, Math.floor(rand() * 60), Math.floor(rand() * 60));
  return t;
}
const ts = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm:ss");

function newCustomer(day: Date, channel: string): Customer {
  const id = `C${String(customers.length + 1).padStart(6, '0')}`;
  const registered = addDays(day, -Math.floor(rand() < 0.6 ? rand() * 3 : rand() * 60));
  const c: Customer = {
    id,
    registeredAt: timeOfDay(registered < first ? first : registered),
    region: weighted(REGIONS),
    loyalty: rand(),
    orders: 0,
  };
  customers.push(c);
  userRows.push([id, ts(c.registeredAt), channel, c.region, 'member'].join(','));
  return c;
}

/** Splits `total` over the weights by largest remainder (the parts add up to it exactly). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const byRemainder = exact.map((x, k) => [x - Math.floor(x), k] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); left > 0; k++, left--) out[byRemainder[k]![1]]!++;
  return out;
}
function shuffle<T>(xs: T[]): T[] {
  for (let k = xs.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [xs[k], xs[j]] = [xs[j]!, xs[k]!];
  }
  return xs;
}
const level = noiseLevels(rand);
const CELLS = CHANNELS.flatMap(([channel, base, cr, campaigns]) =>
  DEVICES.map(([device, share, crFactor]) => ({ channel, device, campaigns, base: base * share, cr: cr * crFactor })),
);

interface Order {
  fields: string[];
  total: number;
  status: string;
}

for (let i = 0; i < days; i++) {
  const day = addDays(first, i);
  const dayIso = format(day, 'yyyy-MM-dd');
  const growth = 1 + 0.28 * (i / 365); // ~28 % a year
  const { lift, discount: promo, campaign: festival } = eventOf(day);
  const weekday = WEEKDAY[getDay(day)] ?? 1;

  // The day's totals first, each with its own bounded noise; then they are spread over channels and devices.
  const mean = CELLS.map((c) => {
    const channelLift =
      c.channel === 'paid_social' || c.channel === 'display'
        ? lift * 1.15
        : c.channel === 'email'
          ? Math.sqrt(lift) * 1.2
          : lift;
    return c.base * growth * channelLift * weekday;
  });
  const plannedSessions = mean.reduce((a, b) => a + b, 0);
  const conv0 = mean.reduce((a, m, k) => a + m * CELLS[k]!.cr, 0) / plannedSessions;
  const planned = Math.round(plannedSessions * conv0 * (1 + level('orders', i)));
  // A little unbounded jitter (±0.6 %) on top, so no two days' conversion rates read the same.
  const sessionsTotal = Math.round((planned / (conv0 * (1 + level('conversion', i)))) * (1 + (rand() - 0.5) * 0.012));
  const outage = dayIso === OUTAGE_DAY;
  const paid = outage ? Math.round(planned * OUTAGE_KEPT) : planned;
  const cancelled =
    Math.round(planned * 0.032 * (1 + level('cancellations', i))) + (outage ? Math.round((planned - paid) * 0.3) : 0);
  const pending = Math.round(planned * 0.012);

  const sessions = allocate(
    sessionsTotal,
    mean.map((m) => m * (0.93 + rand() * 0.14)),
  );
  const orderWeights = sessions.map((s, k) => s * CELLS[k]!.cr * (0.9 + rand() * 0.2));
  // Baskets: the line count carries the AOV noise. SKUs come off shuffled decks (one for single
  // lines, one for the 15 % of lines bought twice), so the day's item revenue follows the line
  // count closely; paid orders draw apart from the others, as only they make GMV and AOV.
  const basketsOf = (n: number, lineCount: number): (readonly [(typeof PRODUCTS)[number], number])[][] => {
    const linesOf = new Array<number>(n).fill(1);
    for (let extra = Math.min(lineCount, n * 4) - n; extra > 0;) {
      const k = Math.floor(rand() * n);
      if (linesOf[k]! < 4) {
        linesOf[k]!++;
        extra--;
      }
    }
    const doubles = new Set(
      shuffle(Array.from({ length: lineCount }, (_, k) => k)).slice(0, Math.round(lineCount * 0.15)),
    );
    const decks: (typeof PRODUCTS)[number][][] = [[], []];
    const draw = (d: 0 | 1) => {
      if (!decks[d]!.length) decks[d] = shuffle([...PRODUCTS]);
      return decks[d]!.pop()!;
    };
    let line = 0;
    return linesOf.map((count) =>
      Array.from({ length: count }, () => (doubles.has(line++) ? ([draw(1), 2] as const) : ([draw(0), 1] as const))),
    );
  };
  // Festival shoppers fill bigger baskets to reach the discount thresholds (满减): AOV stays as usual.
  const basketLines = (1.67 * (1 + level('aov', i))) / (1 - 0.7 * promo);
  const dayOrderPlan = shuffle([
    ...basketsOf(paid, Math.round(paid * basketLines)).map((basket) => ({ status: 'paid', basket })),
    ...basketsOf(cancelled + pending, Math.round((cancelled + pending) * 1.67)).map((basket, k) => ({
      status: k < cancelled ? 'cancelled' : 'pending',
      basket,
    })),
  ]);
  const ordersPerCell = new Array<number>(CELLS.length).fill(0);
  for (let o = 0; o < dayOrderPlan.length; o++) ordersPerCell[weighted(orderWeights.map((w, k) => [k, w] as const))]!++;

  const dayOrders: Order[] = [];
  let next = 0;
  CELLS.forEach((cell, k) => {
    const { channel, device, campaigns } = cell;
    const cellSessions = Math.max(1, sessions[k]!);
    const orders = ordersPerCell[k]!;
    const conv = orders / cellSessions;
    const expectedConv = cell.cr;
    const checkouts = Math.max(orders, Math.round(cellSessions * expectedConv * 1.9 * (0.92 + rand() * 0.16)));
    const carts = Math.max(
      checkouts,
      Math.round(cellSessions * Math.max(conv, expectedConv) * 4.4 * (0.9 + rand() * 0.2)),
    );
    const views = Math.max(carts, Math.round(cellSessions * (0.55 + rand() * 0.1)));
    const visitors = Math.round(cellSessions * (0.78 + rand() * 0.06));
    const campaign = campaigns.length ? pick(campaigns) : '';
    trafficRows.push([dayIso, channel, device, campaign, cellSessions, visitors, views, carts, checkouts].join(','));

    for (let o = 0; o < orders; o++) {
      const { status, basket } = dayOrderPlan[next++]!;
      // About a third of customers come back; recent buyers are likelier to, and festivals pull them in.
      const returning = returningPool.length > 50 && rand() < 0.34 + (lift > 1.3 ? 0.05 : 0);
      const customer = returning
        ? (returningPool[returningPool.length - 1 - Math.floor(returningPool.length * rand() ** 2.2)] as Customer)
        : newCustomer(day, channel);
      customer.orders++;
      if (customer.orders === 1 && rand() < 0.52 + customer.loyalty * 0.1) returningPool.push(customer);

      const orderedAt = timeOfDay(day);
      let subtotal = 0;
      const orderId = `MM${++orderSeq}`;
      for (const [p, qty] of basket) {
        subtotal += p.price * qty;
        itemRows.push([orderId, p.sku, `"${p.name}"`, p.category, qty, money(p.price)].join(','));
      }
      const coupon = promo > 0 && rand() < 0.7 ? (lift > 2 ? 'FESTIVAL' : 'SEASON') : rand() < 0.06 ? 'WELCOME10' : '';
      const discount = coupon === 'WELCOME10' ? subtotal * 0.1 : coupon ? subtotal * promo : 0;
      const shipping = subtotal - discount >= 199 ? 0 : 12;
      const tax = 0; // prices include VAT in China
      const total = Math.round((subtotal - discount + shipping + tax) * 100) / 100;
      const paidAt =
        status === 'pending' || status === 'cancelled'
          ? ''
          : ts(new Date(orderedAt.getTime() + (30 + rand() * 600) * 1000));
      // A festival's coupon orders count for the festival; the rest for the ad campaign they came from.
      const tag = festival && (coupon === 'FESTIVAL' || coupon === 'SEASON') ? festival : campaign;
      dayOrders.push({
        total,
        status,
        fields: [
          orderId,
          customer.id,
          ts(orderedAt),
          paidAt,
          status,
          money(total),
          money(discount),
          money(shipping),
          money(tax),
          '',
          'CNY',
          channel,
          tag,
          coupon,
          customer.region,
          device,
        ],
      });
    }
  });

  // Refunds: the day's refunds are its GMV times a noisy refund rate, spread over some of its
  // paid orders (some refunded whole, most in part) to the cent.
  // The rate applies to the GMV without its own noise, so refunds move by their noise alone.
  const gmv = dayOrders.reduce((a, o) => a + (o.status === 'paid' ? o.total : 0), 0);
  const usualGmv = gmv / ((1 + level('orders', i)) * (1 + level('aov', i)));
  let left = Math.round(
    usualGmv * 0.058 * (1 + level('refunds', i)) * (dayIso === REFUND_WAVE_DAY ? REFUND_WAVE : 1) * 100,
  );
  for (const order of shuffle(dayOrders.filter((o) => o.status === 'paid'))) {
    if (left <= 0) break;
    const cents = Math.round(order.total * 100);
    const amount = rand() < 0.45 && cents <= left ? cents : Math.min(left, Math.round(cents * (0.15 + rand() * 0.5)));
    left -= amount;
    order.status = amount === cents ? 'refunded' : 'partially_refunded';
    order.fields[4] = order.status;
    order.fields[9] = money(amount / 100);
  }
  for (const order of dayOrders) {
    order.fields[9] ||= money(0);
    orderRows.push(order.fields.join(','));
  }
  // People who register and never buy.
  const signups = poisson(28 * growth * lift);
  for (let s = 0; s < signups; s++) {
    const id = `U${String(userRows.length + 1).padStart(6, '0')}`;
    userRows.push([id, ts(timeOfDay(day)), pick(CHANNELS)[0], weighted(REGIONS), 'visitor'].join(','));
  }
}

// Members who ordered three or more times become gold.
const gold = new Set(customers.filter((c) => c.orders >= 3).map((c) => c.id));
const users = userRows.map((row) => {
  const id = row.slice(0, row.indexOf(','));
  return gold.has(id) ? row.replace(/,member$/, ',gold') : row;
});

const files: Record<string, { header: string; rows: string[] }> = {
  'orders.csv.gz': {
    header:
      'order_id,customer_id,ordered_at,paid_at,status,order_total,discount_amount,shipping_amount,tax_amount,refund_amount,currency,channel,campaign,coupon_code,region,device',
    rows: orderRows,
  },
  'order_items.csv.gz': { header: 'order_id,sku,product_name,category,quantity,unit_price', rows: itemRows },
  'traffic.csv.gz': {
    header: 'date,channel,device,campaign,sessions,visitors,product_views,add_to_cart,checkouts',
    rows: trafficRows,
  },
  'users.csv.gz': { header: 'user_id,registered_at,channel,region,member_tier', rows: users },
};
// Marketing (issue 14) from a stream of its own: the files above keep their bytes.
const marketing = sampleMarketing(orderRows, FIRST_DAY, LAST_DAY);
files['marketing_spend.csv.gz'] = marketing.spend;
files['campaigns.csv.gz'] = marketing.campaigns;
// Service tickets and reviews (issue 15), from a stream of their own as well.
const service = sampleService(orderRows, itemRows, FIRST_DAY, LAST_DAY);
files['service_tickets.csv.gz'] = service.tickets;
files['reviews.csv.gz'] = service.reviews;

// Products and weekly stock (issue 13), from a stream of their own too.
const stock = sampleProducts(orderRows, itemRows, FIRST_DAY, LAST_DAY);
files['products.csv.gz'] = stock.products;
files['inventory.csv.gz'] = stock.inventory;

mkdirSync(OUT, { recursive: true });
for (const [name, { header, rows }] of Object.entries(files)) {
  const bytes = gzipSync(`${header}\n${rows.join('\n')}\n`, { level: 9 });
  writeFileSync(path.join(OUT, name), bytes);
  console.log(`${name}: ${rows.length} rows, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
