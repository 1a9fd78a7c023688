/**
 * Chart redraw benchmark (issue 12, item 5): how much main-thread time one redraw of each chart
 * costs in headless Chromium, as the app draws it and as recharts would (animation off), so the
 * choice between recharts and our d3 layer rests on a measurement.
 *
 *   npx tsx scripts/bench-charts.ts            # 40 redraws per chart, 2 rounds
 *   npx tsx scripts/bench-charts.ts --redraws 100
 *
 * Main-thread time is Chromium's TaskDuration (script, style, layout, paint) over the redraws,
 * divided by their number: what a view change of a page spends on that chart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/e2e/harness';

const ROOT = path.resolve(import.meta.dirname, 'chart-bench');
const i = process.argv.indexOf('--redraws');
const REDRAWS = i >= 0 ? Number(process.argv[i + 1]) : 40;

type Api = {
  charts: Record<string, Record<string, string>>;
  show(name: string, how: string): Promise<void>;
  redraw(seed: number): Promise<void>;
};

const outDir = mkdtempSync(path.join(os.tmpdir(), 'yardstick-chart-bench-'));
await build({
  root: ROOT,
  configFile: false,
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
const server = await preview({
  root: ROOT,
  configFile: false,
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => 'chartBench' in window);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  const charts = await page.evaluate(() => (window as unknown as { chartBench: Api }).chartBench.charts);
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${REDRAWS} redraws per chart`,
  );
  console.log('chart                          drawn by        main thread per redraw (round 1 / round 2)');
  const results = new Map<string, number[]>();
  for (let round = 0; round < 2; round++) {
    for (const [name, ways] of Object.entries(charts)) {
      for (const [how, label] of Object.entries(ways)) {
        await page.evaluate(
          ([n, h]) => (window as unknown as { chartBench: Api }).chartBench.show(n!, h!),
          [name, how],
        );
        const before = await busy();
        for (let k = 0; k < REDRAWS; k++)
          await page.evaluate((s) => (window as unknown as { chartBench: Api }).chartBench.redraw(s), k);
        const key = `${name.padEnd(31)}${label.padEnd(16)}`;
        results.set(key, [...(results.get(key) ?? []), ((await busy()) - before) / REDRAWS]);
      }
    }
  }
  for (const [key, ms] of results) console.log(`${key}${ms.map((m) => `${m.toFixed(1)} ms`).join(' / ')}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
