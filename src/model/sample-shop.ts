import type { Engine } from '../engine/engine';
import { CANONICAL_DDL, matchKeySql, type CoreTable } from './tables';

/**
 * Loads the bundled sample shop: gzipped CSV already in the canonical layout, written by our own
 * generator, so it skips recognition and validation and goes straight in with pinned types.
 * Files the user loads take the full import path instead.
 */
const SAMPLE_SELECT: Record<CoreTable, (file: string) => string> = {
  orders: (file) => `SELECT order_id, customer_id, ${matchKeySql('customer_id')} AS customer_key, ordered_at,
      ordered_at::DATE AS order_date, paid_at, status, order_total, discount_amount, shipping_amount,
      tax_amount, refund_amount, currency, coalesce(channel, 'unattributed') AS channel, channel AS channel_raw,
      campaign, coupon_code, region, device, 'sample:orders.csv.gz' AS source_file
    FROM read_csv('${file}', header = true, types = {
      'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMP', 'paid_at': 'TIMESTAMP',
      'status': 'VARCHAR', 'order_total': 'DECIMAL(18,4)', 'discount_amount': 'DECIMAL(18,4)',
      'shipping_amount': 'DECIMAL(18,4)', 'tax_amount': 'DECIMAL(18,4)', 'refund_amount': 'DECIMAL(18,4)',
      'currency': 'VARCHAR', 'channel': 'VARCHAR', 'campaign': 'VARCHAR', 'coupon_code': 'VARCHAR',
      'region': 'VARCHAR', 'device': 'VARCHAR'})`,
  order_items: (
    file,
  ) => `SELECT order_id, sku, product_name, category, quantity, unit_price, 'sample:order_items.csv.gz'
    FROM read_csv('${file}', header = true, types = {
      'order_id': 'VARCHAR', 'sku': 'VARCHAR', 'product_name': 'VARCHAR', 'category': 'VARCHAR',
      'quantity': 'DOUBLE', 'unit_price': 'DECIMAL(18,4)'})`,
  traffic: (file) => `SELECT date, channel, channel AS channel_raw, device, campaign, sessions, visitors, product_views,
      add_to_cart, checkouts, 'sample:traffic.csv.gz'
    FROM read_csv('${file}', header = true, types = {
      'date': 'DATE', 'channel': 'VARCHAR', 'device': 'VARCHAR', 'campaign': 'VARCHAR', 'sessions': 'DOUBLE',
      'visitors': 'DOUBLE', 'product_views': 'DOUBLE', 'add_to_cart': 'DOUBLE', 'checkouts': 'DOUBLE'})`,
  users: (
    file,
  ) => `SELECT user_id, ${matchKeySql('user_id')}, registered_at, registered_at::DATE, channel, region, member_tier,
      'sample:users.csv.gz'
    FROM read_csv('${file}', header = true, types = {
      'user_id': 'VARCHAR', 'registered_at': 'TIMESTAMP', 'channel': 'VARCHAR', 'region': 'VARCHAR',
      'member_tier': 'VARCHAR'})`,
};

export type SampleFiles = Record<CoreTable, Uint8Array>;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Replaces whatever is loaded with the sample shop, in one transaction. */
export async function loadSampleShop(engine: Engine, files: SampleFiles): Promise<void> {
  const tables = Object.keys(SAMPLE_SELECT) as CoreTable[];
  // A server may already have undone the gzip (Content-Encoding), so the name follows the bytes.
  const names = Object.fromEntries(tables.map((t) => [t, `sample-${t}.csv${isGzip(files[t]) ? '.gz' : ''}`])) as Record<
    CoreTable,
    string
  >;
  for (const t of tables) await engine.registerBytes(names[t], files[t]);
  try {
    await engine.run(CANONICAL_DDL);
    await engine.run('BEGIN TRANSACTION');
    try {
      for (const t of tables) {
        await engine.run(`DELETE FROM ${t}`);
        await engine.run(`INSERT INTO ${t} ${SAMPLE_SELECT[t](engine.fileRef(names[t]))}`);
      }
      await engine.run('COMMIT');
    } catch (e) {
      await engine.run('ROLLBACK');
      throw e;
    }
  } finally {
    for (const t of tables) await engine.dropFile(names[t]);
  }
}
