import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeWasmEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/engine';
import { importFile } from '../../src/ingest/import';
import { fetchRemoteFile, remoteFileName } from '../../src/features/data/remote-file';

const CSV = 'order_id,customer_id,ordered_at,status,order_total\n1,a,2025-01-02 10:00:00,paid,10.50\n2,b,2025-01-03 11:00:00,paid,4.50\n';

// msw stands in for the HTTP server at the boundary; the engine and importer are real.
const server = setupServer(
  http.get('https://shop.example/exports/orders.csv', () => HttpResponse.text(CSV, { headers: { 'content-type': 'text/csv' } })),
  http.get('https://shop.example/download', () =>
    HttpResponse.text(CSV, { headers: { 'content-disposition': 'attachment; filename="march orders.csv"' } }),
  ),
  http.get('https://shop.example/missing.csv', () => new HttpResponse('nope', { status: 404, statusText: 'Not Found' })),
  http.get('https://down.example/orders.csv', () => HttpResponse.error()),
);

let engine: Engine;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  engine = await createNodeWasmEngine();
});
afterAll(async () => {
  server.close();
  await engine.close();
});

describe('loading a file from a URL', () => {
  it('fetches the file and the importer loads it like a dropped one', async () => {
    const file = await fetchRemoteFile('https://shop.example/exports/orders.csv');
    expect(file.name).toBe('orders.csv');
    const report = await importFile(engine, file);
    expect([report.table, report.rowsLoaded]).toEqual(['orders', 2]);
    // 10.50 + 4.50 = 15
    expect(await engine.query('SELECT sum(order_total) AS s FROM orders')).toEqual([{ s: 15 }]);
  });

  it('names the file from Content-Disposition when the server gives one', async () => {
    expect((await fetchRemoteFile('https://shop.example/download')).name).toBe('march orders.csv');
    expect(remoteFileName('https://x.example/a/b/traffic%20jan.csv', null)).toBe('traffic jan.csv');
  });

  it('says what went wrong, naming the address', async () => {
    await expect(fetchRemoteFile('https://shop.example/missing.csv')).rejects.toThrow('https://shop.example/missing.csv: the server answered 404 Not Found');
    await expect(fetchRemoteFile('https://down.example/orders.csv')).rejects.toThrow(/down\.example\/orders\.csv: could not be fetched.*CORS/);
    await expect(fetchRemoteFile('ftp://shop.example/x.csv')).rejects.toThrow(/only http and https/);
    await expect(fetchRemoteFile('not a url')).rejects.toThrow(/not a web address/);
  });
});
