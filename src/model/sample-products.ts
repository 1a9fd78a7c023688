import type { Engine } from '../engine/engine';
import { matchKeySql } from './tables';

export interface SampleProductFiles {
  products: Uint8Array;
  inventory: Uint8Array;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Replaces products and inventory with the sample shop's (issue 13; our own generator's
 * canonical CSV, so it goes straight in with pinned types and the keys an import derives), in
 * one transaction. The canonical DDL has created both tables.
 */
export async function loadSampleProducts(engine: Engine, files: SampleProductFiles): Promise<void> {
  const names = {
    products: `sample-products.csv${isGzip(files.products) ? '.gz' : ''}`,
    inventory: `sample-inventory.csv${isGzip(files.inventory) ? '.gz' : ''}`,
  };
  await engine.registerBytes(names.products, files.products);
  await engine.registerBytes(names.inventory, files.inventory);
  try {
    await engine.run('BEGIN TRANSACTION');
    try {
      await engine.run('DELETE FROM products; DELETE FROM inventory');
      await engine.run(`INSERT INTO products (sku, sku_key, product_name, category, unit_cost, list_price, role, lead_time_days,
          status, source_file)
        SELECT sku, ${matchKeySql('sku')}, product_name, category, unit_cost, list_price, nullif(role, ''), lead_time_days,
          status, 'sample:products.csv.gz'
        FROM read_csv('${engine.fileRef(names.products)}', header = true, types = {
          'sku': 'VARCHAR', 'product_name': 'VARCHAR', 'category': 'VARCHAR', 'unit_cost': 'DECIMAL(18,4)',
          'list_price': 'DECIMAL(18,4)', 'role': 'VARCHAR', 'lead_time_days': 'DOUBLE', 'status': 'VARCHAR'})`);
      await engine.run(`INSERT INTO inventory (date, sku, sku_key, on_hand, on_order, location, source_file)
        SELECT date, sku, ${matchKeySql('sku')}, on_hand, on_order, location, 'sample:inventory.csv.gz'
        FROM read_csv('${engine.fileRef(names.inventory)}', header = true, types = {
          'date': 'DATE', 'sku': 'VARCHAR', 'on_hand': 'DOUBLE', 'on_order': 'DOUBLE', 'location': 'VARCHAR'})`);
      await engine.run('COMMIT');
    } catch (e) {
      await engine.run('ROLLBACK');
      throw e;
    }
  } finally {
    await engine.dropFile(names.products);
    await engine.dropFile(names.inventory);
  }
}
