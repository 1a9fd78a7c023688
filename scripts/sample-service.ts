/**
 * The sample shop's service tickets and product reviews (issue 15), drawn from a seeded stream of
 * their own so the orders, items, traffic, users and marketing files keep their bytes. Consistent
 * with the orders: tickets and reviews name real customers, orders and SKUs, and come after the
 * order (pre-sale questions before it). What a demo should show:
 * - more after-sale tickets in the three weeks after Double 11 (Nov 12 – Dec 2);
 * - a slow-response week (2026-03-09 … 2026-03-15: first replies about six times slower, CSAT down);
 * - one SKU with poor reviews (MM-404 "Wall mirror": arrives cracked).
 */
import { addDays, addMinutes, format, parseISO } from 'date-fns';

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

export const POOR_SKU = 'MM-404';
export const SLOW_WEEK = { from: '2026-03-09', to: '2026-03-15' } as const;
const PAID = new Set(['paid', 'partially_refunded', 'refunded']);
const stamp = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm:ss");

/** After Double 11 (each year): the three weeks when parcels and returns arrive. */
function afterDouble11(day: string): boolean {
  const md = day.slice(5);
  return md >= '11-12' && md <= '12-02';
}

/**
 * The two files as CSV rows (header separate). `orderRows` and `itemRows` are the sample's rows in
 * its canonical layouts (orders: order_id, customer_id, ordered_at, paid_at, status …; items:
 * order_id, sku, …).
 */
export function sampleService(
  orderRows: readonly string[],
  itemRows: readonly string[],
  firstDay: string,
  lastDay: string,
) {
  const inData = (d: Date) => {
    const day = format(d, 'yyyy-MM-dd');
    return day >= firstDay && day <= lastDay;
  };
  const rand = rng(20261515);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const skus = new Map<string, string[]>();
  for (const row of itemRows) {
    const [order, sku] = row.split(',');
    if (!order || !sku) continue;
    const list = skus.get(order) ?? [];
    list.push(sku);
    skus.set(order, list);
  }
  const tickets: string[] = [];
  const reviews: string[] = [];
  let ticketNo = 0;
  let reviewNo = 0;

  const ticket = (customer: string, order: string, opened: Date, category: string) => {
    if (!inData(opened)) return;
    const day = format(opened, 'yyyy-MM-dd');
    const slow = day >= SLOW_WEEK.from && day <= SLOW_WEEK.to;
    const channel = rand() < 0.6 ? 'chat' : rand() < 0.6 ? 'email' : 'phone';
    const base = channel === 'chat' ? 8 : channel === 'phone' ? 3 : 95;
    // Log-normal-ish minutes to the first reply; a few tickets never get one.
    const minutes = Math.round(base * Math.exp((rand() + rand() + rand() - 1.5) * 1.4) * (slow ? 6 : 1)) + 1;
    const answered = rand() > 0.03;
    const resolved = answered && rand() < (category === 'complaint' ? 0.78 : 0.9);
    const hours = 0.5 + -Math.log(1 - rand()) * (category === 'pre_sale' ? 2 : 20);
    let csat = '';
    if (resolved && rand() < 0.55) {
      const mood = rand() - (minutes > 60 ? 0.35 : 0) - (category === 'complaint' ? 0.3 : 0);
      csat = String(mood > 0.35 ? 5 : mood > 0.1 ? 4 : mood > -0.05 ? 3 : mood > -0.25 ? 2 : 1);
    }
    ticketNo += 1;
    tickets.push(
      [
        `TK${String(ticketNo).padStart(6, '0')}`,
        customer,
        order,
        stamp(opened),
        answered ? stamp(addMinutes(opened, minutes)) : '',
        resolved ? stamp(addMinutes(opened, Math.max(minutes + 1, Math.round(hours * 60)))) : '',
        channel,
        category,
        csat,
      ].join(','),
    );
  };

  for (const row of orderRows) {
    const f = row.split(',');
    const [order, customer, at, , status] = f;
    if (!order || !customer || !at || !status) continue;
    const placed = parseISO(at);
    const day = at.slice(0, 10);
    if (PAID.has(status)) {
      // A pre-sale question some hours before buying (converted inquiries).
      if (rand() < 0.03) ticket(customer, '', addMinutes(placed, -Math.round(rand() * 60 * 48) - 5), 'pre_sale');
      const busy = afterDouble11(day) || afterDouble11(format(addDays(placed, 5), 'yyyy-MM-dd'));
      const p = status === 'paid' ? 0.03 : 0.25;
      if (rand() < p * (busy ? 3 : 1)) {
        const category =
          status === 'paid' ? (rand() < 0.8 ? 'after_sale' : 'complaint') : pick(['return', 'return', 'complaint']);
        ticket(customer, order, addMinutes(placed, Math.round((1 + rand() * 7) * 24 * 60)), category);
      }
      // Reviews of one item, a few days after delivery.
      const items = skus.get(order) ?? [];
      if (items.length && status !== 'refunded' && rand() < 0.14) {
        const sku = pick(items);
        const created = addMinutes(placed, Math.round((3 + rand() * 11) * 24 * 60));
        const r = rand();
        const rating =
          sku === POOR_SKU
            ? r < 0.45
              ? 1
              : r < 0.7
                ? 2
                : r < 0.85
                  ? 3
                  : 4
            : r < 0.62
              ? 5
              : r < 0.86
                ? 4
                : r < 0.94
                  ? 3
                  : r < 0.97
                    ? 2
                    : 1;
        if (!inData(created)) continue;
        reviewNo += 1;
        reviews.push(
          [`RV${String(reviewNo).padStart(6, '0')}`, order, sku, customer, stamp(created), rating].join(','),
        );
      }
    } else if (status === 'pending' && rand() < 0.08) {
      // Questions that did not lead to a purchase.
      ticket(customer, '', addMinutes(placed, -Math.round(rand() * 600) - 5), 'pre_sale');
    }
  }
  return {
    tickets: {
      header: 'ticket_id,customer_id,order_id,opened_at,first_response_at,resolved_at,channel,category,csat',
      rows: tickets,
    },
    reviews: { header: 'review_id,order_id,sku,customer_id,created_at,rating', rows: reviews },
  };
}
