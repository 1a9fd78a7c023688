/**
 * Writes the sample shop ("Maple & Moss", a home-goods shop selling in CNY) into sample-data/:
 * two years of orders with line items, daily traffic by channel and device with funnel counts,
 * and users, in the canonical layout of DATA.md. Deterministic: the same seed gives the same bytes.
 *
 *   npm run sample-data
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays, differenceInCalendarDays, format, getDay, parseISO } from 'date-fns';
import { sampleMarketing } from './sample-marketing';
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

/** Multiplier for shopping festivals and holidays: 618, Double 11, Black Friday–Cyber Monday, December. */
function eventLift(day: Date): { lift: number; discount: number } {
  const m = day.getMonth() + 1;
  const d = day.getDate();
  if (m === 6 && d >= 1 && d <= 18) return { lift: d === 18 ? 3.2 : d >= 15 ? 1.9 : 1.35, discount: 0.15 };
  if (m === 11 && d >= 1 && d <= 11) return { lift: d === 11 ? 4.2 : d >= 9 ? 2.2 : 1.45, discount: 0.2 };
  const bf = blackFriday(day.getFullYear());
  const sinceBf = differenceInCalendarDays(day, bf);
  if (sinceBf >= 0 && sinceBf <= 3) return { lift: sinceBf === 0 ? 2.6 : sinceBf === 3 ? 2.0 : 1.6, discount: 0.25 };
  if (m === 12 && d <= 20) return { lift: 1.3 + d * 0.015, discount: 0.05 };
  if (m === 12 && d >= 26) return { lift: 0.8, discount: 0.1 };
  if (m === 2 && d <= 14) return { lift: 0.75, discount: 0 };
  return { lift: 1, discount: 0 };
}
function blackFriday(year: number): Date {
  const nov1 = new Date(year, 10, 1);
  const firstFriday = 1 + ((5 - getDay(nov1) + 7) % 7);
  return new Date(year, 10, firstFriday + 21);
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
const lastDay = parseISO(LAST_DAY);

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

for (let i = 0; i < days; i++) {
  const day = addDays(first, i);
  const dayIso = format(day, 'yyyy-MM-dd');
  const growth = 1 + 0.28 * (i / 365); // ~28 % a year
  const { lift, discount: promo } = eventLift(day);
  const weekday = WEEKDAY[getDay(day)] ?? 1;
  const recent = differenceInCalendarDays(lastDay, day);

  for (const [channel, base, cr, campaigns] of CHANNELS) {
    const channelLift =
      channel === 'paid_social' || channel === 'display'
        ? lift * 1.15
        : channel === 'email'
          ? Math.sqrt(lift) * 1.2
          : lift;
    for (const [device, share, crFactor] of DEVICES) {
      const mean = base * share * growth * channelLift * weekday * (0.93 + rand() * 0.14);
      const sessions = Math.max(1, poisson(mean));
      const conv = cr * crFactor * (lift > 1 ? 1 + (lift - 1) * 0.18 : 1) * (0.9 + rand() * 0.2);
      const orders = poisson(sessions * conv);
      const checkouts = Math.max(orders, Math.round(sessions * conv * 1.9 * (0.92 + rand() * 0.16)));
      const carts = Math.max(checkouts, Math.round(sessions * conv * 4.4 * (0.9 + rand() * 0.2)));
      const views = Math.max(carts, Math.round(sessions * (0.55 + rand() * 0.1)));
      const visitors = Math.round(sessions * (0.78 + rand() * 0.06));
      const campaign = campaigns.length ? pick(campaigns) : '';
      trafficRows.push([dayIso, channel, device, campaign, sessions, visitors, views, carts, checkouts].join(','));

      for (let o = 0; o < orders; o++) {
        // About a third of customers come back; recent buyers are likelier to, and festivals pull them in.
        const returning = returningPool.length > 50 && rand() < 0.34 + (lift > 1.3 ? 0.05 : 0);
        const customer = returning
          ? (returningPool[returningPool.length - 1 - Math.floor(returningPool.length * rand() ** 2.2)] as Customer)
          : newCustomer(day, channel);
        customer.orders++;
        if (customer.orders === 1 && rand() < 0.52 + customer.loyalty * 0.1) returningPool.push(customer);

        const orderedAt = timeOfDay(day);
        const lines = weighted([
          [1, 55],
          [2, 28],
          [3, 12],
          [4, 5],
        ] as const);
        let subtotal = 0;
        const orderId = `MM${++orderSeq}`;
        for (let l = 0; l < lines; l++) {
          const p = pick(PRODUCTS);
          const qty = rand() < 0.85 ? 1 : 2;
          subtotal += p.price * qty;
          itemRows.push([orderId, p.sku, `"${p.name}"`, p.category, qty, money(p.price)].join(','));
        }
        const coupon =
          promo > 0 && rand() < 0.7 ? (lift > 2 ? 'FESTIVAL' : 'SEASON') : rand() < 0.06 ? 'WELCOME10' : '';
        const discount = coupon === 'WELCOME10' ? subtotal * 0.1 : coupon ? subtotal * promo : 0;
        const shipping = subtotal - discount >= 199 ? 0 : 12;
        const tax = 0; // prices include VAT in China
        const total = subtotal - discount + shipping + tax;

        let status = 'paid';
        let refund = 0;
        const r = rand();
        if (recent < 3 && r < 0.25) status = 'pending';
        else if (r < 0.012) status = 'pending';
        else if (r < 0.042) status = 'cancelled';
        else if (r < 0.082) {
          status = 'refunded';
          refund = total;
        } else if (r < 0.112) {
          status = 'partially_refunded';
          refund = Math.round(total * (0.15 + rand() * 0.5) * 100) / 100;
        }
        const paidAt =
          status === 'pending' || status === 'cancelled'
            ? ''
            : ts(new Date(orderedAt.getTime() + (30 + rand() * 600) * 1000));
        orderRows.push(
          [
            orderId,
            customer.id,
            ts(orderedAt),
            paidAt,
            status,
            money(total),
            money(discount),
            money(shipping),
            money(tax),
            money(refund),
            'CNY',
            channel,
            campaign,
            coupon,
            customer.region,
            device,
          ].join(','),
        );
      }
    }
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
