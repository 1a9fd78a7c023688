import ordersUrl from '../../sample-data/orders.csv.gz?url';
import itemsUrl from '../../sample-data/order_items.csv.gz?url';
import trafficUrl from '../../sample-data/traffic.csv.gz?url';
import usersUrl from '../../sample-data/users.csv.gz?url';
import spendUrl from '../../sample-data/marketing_spend.csv.gz?url';
import campaignsUrl from '../../sample-data/campaigns.csv.gz?url';
import ticketsUrl from '../../sample-data/service_tickets.csv.gz?url';
import reviewsUrl from '../../sample-data/reviews.csv.gz?url';
import productsUrl from '../../sample-data/products.csv.gz?url';
import inventoryUrl from '../../sample-data/inventory.csv.gz?url';
import type { SampleProductFiles } from '../model/sample-products';
import type { SampleMarketingFiles } from '../model/sample-marketing';
import type { SampleServiceFiles } from '../model/sample-service';
import type { SampleFiles } from '../model/sample-shop';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the sample file ${url} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The sample shop's files, bundled by Vite as assets of our own origin. */
export async function fetchSampleFiles(): Promise<SampleFiles> {
  const [orders, order_items, traffic, users] = await Promise.all(
    [ordersUrl, itemsUrl, trafficUrl, usersUrl].map(fetchBytes),
  );
  return { orders: orders!, order_items: order_items!, traffic: traffic!, users: users! };
}

/** The sample shop's marketing files (issue 14): daily spend and the promotion calendar. */
export async function fetchSampleMarketingFiles(): Promise<SampleMarketingFiles> {
  const [marketing_spend, campaigns] = await Promise.all([spendUrl, campaignsUrl].map(fetchBytes));
  return { marketing_spend: marketing_spend!, campaigns: campaigns! };
}

/** The sample shop's service tickets and reviews (issue 15). */
export async function fetchSampleServiceFiles(): Promise<SampleServiceFiles> {
  const [service_tickets, reviews] = await Promise.all([ticketsUrl, reviewsUrl].map(fetchBytes));
  return { service_tickets: service_tickets!, reviews: reviews! };
}

/** The sample shop's product list and weekly stock snapshots (issue 13). */
export async function fetchSampleProductFiles(): Promise<SampleProductFiles> {
  const [products, inventory] = await Promise.all([productsUrl, inventoryUrl].map(fetchBytes));
  return { products: products!, inventory: inventory! };
}
