import type { Engine } from '../engine/engine';
import { matchKeySql } from './tables';

export interface SampleServiceFiles {
  service_tickets: Uint8Array;
  reviews: Uint8Array;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Replaces service_tickets and reviews with the sample shop's (issue 15; our own generator's
 * canonical CSV, so it goes straight in with pinned types, keys and dates derived as an import
 * derives them), in one transaction. The canonical DDL has created both tables.
 */
export async function loadSampleService(engine: Engine, files: SampleServiceFiles): Promise<void> {
  const names = {
    service_tickets: `sample-service_tickets.csv${isGzip(files.service_tickets) ? '.gz' : ''}`,
    reviews: `sample-reviews.csv${isGzip(files.reviews) ? '.gz' : ''}`,
  };
  await engine.registerBytes(names.service_tickets, files.service_tickets);
  await engine.registerBytes(names.reviews, files.reviews);
  try {
    await engine.run('BEGIN TRANSACTION');
    try {
      await engine.run('DELETE FROM service_tickets; DELETE FROM reviews');
      await engine.run(`INSERT INTO service_tickets (ticket_id, customer_id, customer_key, order_id, opened_at, opened_date,
          first_response_at, resolved_at, channel, category, csat, source_file)
        SELECT ticket_id, customer_id, ${matchKeySql('customer_id')}, nullif(order_id, ''), opened_at, CAST(opened_at AS DATE),
          first_response_at, resolved_at, channel, category, csat, 'sample:service_tickets.csv.gz'
        FROM read_csv('${engine.fileRef(names.service_tickets)}', header = true, types = {
          'ticket_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_id': 'VARCHAR', 'opened_at': 'TIMESTAMP',
          'first_response_at': 'TIMESTAMP', 'resolved_at': 'TIMESTAMP', 'channel': 'VARCHAR', 'category': 'VARCHAR',
          'csat': 'DOUBLE'})`);
      await engine.run(`INSERT INTO reviews (review_id, order_id, sku, sku_key, customer_id, customer_key, created_at, created_date,
          rating, source_file)
        SELECT review_id, order_id, sku, ${matchKeySql('sku')}, customer_id, ${matchKeySql('customer_id')}, created_at,
          CAST(created_at AS DATE), rating, 'sample:reviews.csv.gz'
        FROM read_csv('${engine.fileRef(names.reviews)}', header = true, types = {
          'review_id': 'VARCHAR', 'order_id': 'VARCHAR', 'sku': 'VARCHAR', 'customer_id': 'VARCHAR',
          'created_at': 'TIMESTAMP', 'rating': 'DOUBLE'})`);
      await engine.run('COMMIT');
    } catch (e) {
      await engine.run('ROLLBACK');
      throw e;
    }
  } finally {
    await engine.dropFile(names.service_tickets);
    await engine.dropFile(names.reviews);
  }
}
