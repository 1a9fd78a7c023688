/**
 * The sample shop's product list and weekly stock snapshots (issue 13), from a seeded stream of
 * their own so the other sample files keep their bytes. Costs are 35–55 % of the list price,
 * roles are set for a third of the SKUs, and the stock follows the orders: each SKU starts with
 * about six weeks of its sales, paid orders take units out on their day, and a purchase order
 * of about six weeks arrives `lead_time_days` after stock falls under three weeks of cover.
 * Two SKUs miss a reorder for a while (stock-outs, oversold), and one gets a delivery far too
 * big (overstock). A snapshot is taken every Monday, at the day's end.
 */
import { addDays, format, parseISO } from 'date-fns';

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

const PAID = new Set(['paid', 'partially_refunded', 'refunded']);
const ROLES = ['star', 'traffic', 'profit', 'strategic'] as const;

export function sampleProducts(
  orderRows: readonly string[],
  itemRows: readonly string[],
  firstDay: string,
  lastDay: string,
): { products: { header: string; rows: string[] }; inventory: { header: string; rows: string[] } } {
  const rand = rng(20261313);
  const paidDay = new Map<string, string>();
  for (const row of orderRows) {
    const f = row.split(',');
    if (PAID.has(f[4] ?? '')) paidDay.set(f[0]!, (f[2] ?? '').slice(0, 10));
  }
  const catalog = new Map<string, { name: string; category: string; price: number }>();
  const sold = new Map<string, Map<string, number>>(); // sku → day → units
  for (const row of itemRows) {
    const [order, sku, name, category, qty, price] = row.split(',');
    if (!order || !sku) continue;
    if (!catalog.has(sku))
      catalog.set(sku, { name: (name ?? '').replace(/"/g, ''), category: category ?? '', price: Number(price) });
    const day = paidDay.get(order);
    if (!day) continue;
    const byDay = sold.get(sku) ?? new Map<string, number>();
    byDay.set(day, (byDay.get(day) ?? 0) + Number(qty));
    sold.set(sku, byDay);
  }
  const skus = [...catalog.keys()].sort();
  const products: string[] = [];
  const lead = new Map<string, number>();
  skus.forEach((sku, i) => {
    const p = catalog.get(sku)!;
    const cost = Math.round(p.price * (0.35 + rand() * 0.2) * 100) / 100;
    const role = i % 3 === 0 ? ROLES[(i / 3) % ROLES.length]! : '';
    const days = [7, 10, 14, 21][Math.floor(rand() * 4)]!;
    lead.set(sku, days);
    products.push(
      [sku, `"${p.name}"`, p.category, cost.toFixed(2), p.price.toFixed(2), role, days, 'active'].join(','),
    );
  });

  // Stock, day by day.
  const first = parseISO(firstDay);
  const last = parseISO(lastDay);
  const totalDays = Math.round((last.getTime() - first.getTime()) / 86_400_000) + 1;
  const meanDaily = (sku: string) => {
    let units = 0;
    for (const n of sold.get(sku)?.values() ?? []) units += n;
    return units / totalDays;
  };
  const stockOut = new Set([skus[2], skus[9]]); // they miss reorders for a while
  const overstocked = skus[5]; // one far-too-big delivery
  const inventory: string[] = [];
  for (const sku of skus) {
    const daily = Math.max(meanDaily(sku), 0.2);
    let onHand = Math.round(daily * 42);
    const arrivals = new Map<string, number>();
    let onOrder = 0;
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const day = format(d, 'yyyy-MM-dd');
      const arriving = arrivals.get(day) ?? 0;
      onHand += arriving;
      onOrder -= arriving;
      onHand -= sold.get(sku)?.get(day) ?? 0;
      const month = day.slice(0, 7);
      const skipping = stockOut.has(sku) && (month === '2025-07' || month === '2025-08' || month === '2026-05');
      if (!skipping && onOrder === 0 && onHand < daily * 21) {
        let size = Math.round(daily * 42 * (0.9 + rand() * 0.2));
        if (sku === overstocked && day >= '2026-03-01' && day < '2026-04-01') size *= 12;
        const at = format(addDays(d, lead.get(sku)!), 'yyyy-MM-dd');
        arrivals.set(at, (arrivals.get(at) ?? 0) + size);
        onOrder += size;
      }
      if (d.getDay() === 1) inventory.push([day, sku, onHand, onOrder, 'Main warehouse'].join(','));
    }
  }
  return {
    products: { header: 'sku,product_name,category,unit_cost,list_price,role,lead_time_days,status', rows: products },
    inventory: { header: 'date,sku,on_hand,on_order,location', rows: inventory },
  };
}
