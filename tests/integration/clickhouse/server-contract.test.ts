import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectServer, ServerError } from '../../../packages/clickhouse/src/server';

/**
 * Issue 20, item 3: the network path (@clickhouse/client over HTTP/HTTPS) against a stand-in
 * server that answers as ClickHouse's HTTP interface does. The SQL and the settings a real
 * server would run are checked here; what they compute is checked on a real engine (chdb) in
 * parity.test.ts through the same client.
 */
const USER = 'ys';
const PASSWORD = 'pa55-secret';
const env = { CLICKHOUSE_USER: USER, CLICKHOUSE_PASSWORD: PASSWORD };
const seen: { url: URL; sql: string; auth: string | null }[] = [];
/**
 * An answer with its length that closes its connection: the client's keep-alive pool waits for
 * either, and msw's stand-in sockets give neither by themselves.
 */
function answer(body: string, init: { status?: number; headers?: Record<string, string> } = {}): HttpResponse<string> {
  const headers = { ...init.headers, Connection: 'close', 'Content-Length': String(Buffer.byteLength(body)) };
  return new HttpResponse(body, { status: init.status ?? 200, headers });
}

function clickhouse(origin: string) {
  return http.post(`${origin}/`, async ({ request }) => {
    const url = new URL(request.url);
    const sql = await request.text();
    seen.push({ url, sql, auth: request.headers.get('authorization') });
    const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    if (request.headers.get('authorization') !== expected) {
      return answer(
        `Code: 516. DB::Exception: ${USER}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 26.7.2.1)\n`,
        { status: 516, headers: { 'X-ClickHouse-Exception-Code': '516' } },
      );
    }
    if (/SELECT 1 AS ok/.test(sql)) return answer('{"ok":1}\n');
    return answer(
      JSON.stringify({
        meta: [
          { name: 'day', type: 'Date' },
          { name: 'at', type: 'DateTime' },
          { name: 'gmv', type: 'Decimal(38, 4)' },
          { name: 'orders', type: 'Int64' },
          { name: 'paid', type: 'UInt8' },
          { name: 'median', type: 'Nullable(Float64)' },
        ],
        data: [['2026-10-01', '2026-10-01 09:30:00', 1234.5, 3, 1, null]],
        rows: 1,
      }),
      { headers: { 'Content-Type': 'application/json' } },
    );
  });
}

const server = setupServer(clickhouse('http://ch.test:8123'), clickhouse('https://ch.test:8443'));
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

describe('yardstick against a ClickHouse server (HTTP contract)', () => {
  it('sends the user and password from the environment, the dialect and its settings; reads values as DuckDB gives them', async () => {
    const { engine } = await connectServer('http://ch.test:8123', env);
    const rows = await engine.query(
      'SELECT order_date AS day, ordered_at AS at, sum(order_total) AS gmv, count(*) AS orders, bool_or(paid) AS paid, median(x) AS median FROM orders GROUP BY ALL',
    );
    await engine.close();
    expect(rows).toEqual([
      { day: '2026-10-01', at: '2026-10-01T09:30:00', gmv: 1234.5, orders: 3, paid: true, median: null },
    ]);
    const last = seen.at(-1)!;
    expect(last.sql).toContain('quantileExactInclusive(0.5)(x)');
    expect(last.sql).toContain('toInt64(count(*))');
    expect(last.url.searchParams.get('join_use_nulls')).toBe('1');
    expect(last.url.searchParams.get('aggregate_functions_null_for_empty')).toBe('1');
    expect(seen.every((s) => !s.url.toString().includes(PASSWORD))).toBe(true);
  });

  it('speaks TLS when the URL is https', async () => {
    const { engine } = await connectServer('https://ch.test:8443', env);
    await engine.close();
    expect(seen.map((s) => s.url.protocol)).toEqual(['https:']);
  });

  it('a wrong password: one line naming the server and what failed, without the password', async () => {
    const failure = await connectServer('http://ch.test:8123', { ...env, CLICKHOUSE_PASSWORD: 'nope-Zq9' }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ServerError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^ClickHouse at http:\/\/ch\.test:8123: wrong user or password/);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('nope-Zq9');
  });

  it('a wrong URL: nothing listening, or not a URL, or credentials in it', async () => {
    await expect(connectServer('http://127.0.0.1:9', env)).rejects.toThrow(
      /^ClickHouse at http:\/\/127\.0\.0\.1:9: connection refused/,
    );
    await expect(connectServer('not a url', env)).rejects.toThrow(/is not a URL/);
    await expect(connectServer('ch.test:8123', env)).rejects.toThrow(/must start with http:\/\/ or https:\/\//);
    await expect(connectServer(`https://${USER}:${PASSWORD}@ch.test:8443`, env)).rejects.toThrow(
      /put the user and password in CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, not in the URL/,
    );
  });
});
