/**
 * `npx tsx scripts/profile-import.ts [rows] [native|wasm]`: where `importFile` spends its time (issue 17).
 * Times every statement the import sends to the engine and the JS time between them, on
 * DuckDB-WASM (Node) and native DuckDB, beside a plain typed `read_csv` of the same file.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import { createNativeEngine } from '../src/engine/native';
import { createNodeWasmEngine } from '../src/engine/node';
import { ensureTables, importFile } from '../src/ingest/import';
import { readCsvTyped, writeOrders } from './bench';

interface Step {
  label: string;
  ms: number;
}

/** The engine with every call timed; the gap before a call is the JS work of the import. */
function timedEngine(engine: Engine, steps: Step[]): Engine {
  let last = performance.now();
  const wrap =
    <A extends unknown[], R>(kind: string, fn: (...a: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      if (start - last > 5) steps.push({ label: '(js between statements)', ms: start - last });
      try {
        return await fn(...args);
      } finally {
        last = performance.now();
        const head = typeof args[0] === 'string' ? args[0].replace(/\s+/g, ' ').trim().slice(0, 110) : '';
        steps.push({ label: `${kind} ${head}`, ms: last - start });
      }
    };
  return {
    ...engine,
    kind: engine.kind,
    query: wrap('query', engine.query.bind(engine)),
    run: wrap('run', engine.run.bind(engine)),
    registerBytes: wrap('registerBytes', engine.registerBytes.bind(engine)),
    dropFile: wrap('dropFile', engine.dropFile.bind(engine)),
    fileRef: engine.fileRef.bind(engine),
  } as Engine;
}

async function profile(name: string, create: () => Promise<Engine>, file: string): Promise<void> {
  const engine = await create();
  try {
    const bytes = new Uint8Array(await readFile(file));
    await ensureTables(engine);
    const t0 = performance.now();
    await readCsvTyped(engine, file, bytes);
    const plain = (performance.now() - t0) / 1000;
    const steps: Step[] = [];
    const t1 = performance.now();
    const report = await importFile(timedEngine(engine, steps), { name: 'orders.csv', data: bytes }, { table: 'orders' });
    const total = (performance.now() - t1) / 1000;
    console.log(`\n== ${name}: read_csv ${plain.toFixed(2)} s, importFile ${total.toFixed(2)} s, ratio ${(total / plain).toFixed(2)}× (rows ${report.rowsLoaded}), load ${os.loadavg()[0]!.toFixed(1)}`);
    for (const s of steps.filter((s) => s.ms >= 100)) console.log(`${(s.ms / 1000).toFixed(2).padStart(7)} s  ${s.label}`);
    const small = steps.filter((s) => s.ms < 100).reduce((a, s) => a + s.ms, 0);
    console.log(`${(small / 1000).toFixed(2).padStart(7)} s  (${steps.filter((s) => s.ms < 100).length} steps under 0.1 s)`);
  } finally {
    await engine.close();
  }
}

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = path.join(os.tmpdir(), 'yardstick-profile');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `orders-${rows}.csv`);
await writeOrders(file, rows);
console.log(`${rows} orders, ${((await stat(file)).size / 1_048_576).toFixed(0)} MB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const only = process.argv[3]; // 'native' or 'wasm' to profile one engine
if (only !== 'wasm') await profile('native', createNativeEngine, file);
if (only !== 'native') await profile('wasm', createNodeWasmEngine, file);
await rm(dir, { recursive: true, force: true });
