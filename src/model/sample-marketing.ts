import type { Engine } from '../engine/engine';
import { CANONICAL_DDL } from './tables';

export interface SampleMarketingFiles {
  marketing_spend: Uint8Array;
  campaigns: Uint8Array;
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Replaces the marketing tables with the sample shop's (our own generator's canonical CSV, so
 * it goes straight in with pinned types), in one transaction.
 */
export async function loadSampleMarketing(engine: Engine, files: SampleMarketingFiles): Promise<void> {
  const names = {
    marketing_spend: `sample-marketing_spend.csv${isGzip(files.marketing_spend) ? '.gz' : ''}`,
    campaigns: `sample-campaigns.csv${isGzip(files.campaigns) ? '.gz' : ''}`,
  };
  await engine.registerBytes(names.marketing_spend, files.marketing_spend);
  await engine.registerBytes(names.campaigns, files.campaigns);
  try {
    await engine.run(CANONICAL_DDL);
    await engine.run('BEGIN TRANSACTION');
    try {
      await engine.run('DELETE FROM marketing_spend; DELETE FROM campaigns');
      await engine.run(`INSERT INTO marketing_spend (date, channel, channel_raw, campaign, spend, impressions, clicks, source_file)
        SELECT date, channel, channel, campaign, spend, impressions, clicks, 'sample:marketing_spend.csv.gz'
        FROM read_csv('${engine.fileRef(names.marketing_spend)}', header = true, types = {
          'date': 'DATE', 'channel': 'VARCHAR', 'campaign': 'VARCHAR', 'spend': 'DECIMAL(18,4)',
          'impressions': 'DOUBLE', 'clicks': 'DOUBLE'})`);
      await engine.run(`INSERT INTO campaigns (campaign, name, type, starts_on, ends_on, budget, source_file)
        SELECT campaign, name, type, starts_on, ends_on, budget, 'sample:campaigns.csv.gz'
        FROM read_csv('${engine.fileRef(names.campaigns)}', header = true, types = {
          'campaign': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'starts_on': 'DATE', 'ends_on': 'DATE',
          'budget': 'DECIMAL(18,4)'})`);
      await engine.run('COMMIT');
    } catch (e) {
      await engine.run('ROLLBACK');
      throw e;
    }
  } finally {
    await engine.dropFile(names.marketing_spend);
    await engine.dropFile(names.campaigns);
  }
}
