import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStartupSnapshot } from '../../scripts/build-startup-snapshot';

describe('the start-up snapshot of the sample shop', () => {
  it('is what the metric code computes now (run `npm run sample-data` after changing metrics or the sample)', async () => {
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../src/app/startup-snapshot.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(await computeStartupSnapshot()))).toEqual(committed);
  });

  it('opens on October 2026, the latest full month of the sample', async () => {
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../src/app/startup-snapshot.json'), 'utf8')) as { key: unknown[] }[];
    expect(committed.map((e) => e.key)).toContainEqual(['kpis', { from: '2026-10-01', to: '2026-10-31' }, {}]);
  });
});
