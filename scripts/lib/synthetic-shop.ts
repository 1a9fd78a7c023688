/**
 * A large synthetic shop in the canonical layout, for benchmarks: N orders spread over two
 * years, daily traffic by channel and device. Deterministic (seeded) and streamed to disk,
 * so a million orders never sit in memory at once.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

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

const CHANNELS = ['organic_search', 'paid_search', 'organic_social', 'paid_social', 'email', 'direct', 'referral', 'affiliate', 'display'];
const DEVICES = ['mobile', 'desktop', 'tablet'];
const REGIONS = ['East China', 'South China', 'North China', 'Central China', 'Southwest', 'Northeast', 'Northwest'];
const STATUSES = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'refunded', 'partially_refunded', 'cancelled', 'pending'];
const FIRST_DAY = Date.UTC(2024, 10, 1);
const DAYS = 730;
const DAY_MS = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export interface SyntheticShop {
  orders: string;
  traffic: string;
  bytes: number;
}

export async function writeSyntheticShop(dir: string, orders: number, seed = 7): Promise<SyntheticShop> {
  await mkdir(dir, { recursive: true });
  const rand = rng(seed);
  const customers = Math.max(10, Math.round(orders * 0.62));
  const ordersPath = path.join(dir, `orders-${orders}.csv`);
  const out = createWriteStream(ordersPath);
  let bytes = 0;
  const header = 'order_id,customer_id,ordered_at,paid_at,status,order_total,discount_amount,shipping_amount,tax_amount,refund_amount,currency,channel,campaign,coupon_code,region,device\n';
  await write(out, header);
  bytes += header.length;
  let chunk = '';
  for (let i = 0; i < orders; i++) {
    // Later days get more orders: the shop grows.
    const day = Math.floor(Math.sqrt(rand()) * DAYS);
    const at = FIRST_DAY + day * DAY_MS + Math.floor(rand() * DAY_MS);
    const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
    const total = Math.round((40 + rand() * rand() * 900) * 100) / 100;
    const refund = status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 30) / 100 : 0;
    const discount = rand() < 0.2 ? Math.round(total * 10) / 100 : 0;
    const paidAt = status === 'pending' || status === 'cancelled' ? '' : iso(at + 60_000);
    const customer = `C${Math.floor(rand() ** 1.6 * customers)}`;
    chunk += `O${i},${customer},${iso(at)},${paidAt},${status},${total.toFixed(2)},${discount.toFixed(2)},0.00,0.00,${refund.toFixed(2)},CNY,${CHANNELS[Math.floor(rand() * CHANNELS.length)]},,${discount ? 'SAVE10' : ''},${REGIONS[Math.floor(rand() * REGIONS.length)]},${DEVICES[Math.floor(rand() * DEVICES.length)]}\n`;
    if (chunk.length > 1 << 20) {
      bytes += chunk.length;
      await write(out, chunk);
      chunk = '';
    }
  }
  bytes += chunk.length;
  await write(out, chunk);
  out.end();
  await once(out, 'finish');

  const trafficPath = path.join(dir, `traffic-${orders}.csv`);
  const t = createWriteStream(trafficPath);
  await write(t, 'date,channel,device,campaign,sessions,visitors,product_views,add_to_cart,checkouts\n');
  const perDay = (orders / DAYS) * 45;
  for (let d = 0; d < DAYS; d++) {
    const date = iso(FIRST_DAY + d * DAY_MS).slice(0, 10);
    let rows = '';
    for (const c of CHANNELS)
      for (const dev of DEVICES) {
        const s = Math.round((perDay / 27) * (0.5 + rand()) * (0.5 + d / DAYS));
        rows += `${date},${c},${dev},,${s},${Math.round(s * 0.8)},${Math.round(s * 0.6)},${Math.round(s * 0.12)},${Math.round(s * 0.05)}\n`;
      }
    await write(t, rows);
  }
  t.end();
  await once(t, 'finish');
  return { orders: ordersPath, traffic: trafficPath, bytes };
}
