import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { createReadStream } from 'node:fs';
import { clickHouseEngine } from './engine';
import type { ClickHouseTarget } from './load';

/** Where the credentials come from: the environment only, never the command line or a log. */
export const USER_VARIABLE = 'CLICKHOUSE_USER';
export const PASSWORD_VARIABLE = 'CLICKHOUSE_PASSWORD';

/** A server that cannot be used, said in one line that names it (and never a password). */
export class ServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The server as a message names it: scheme, host and port, nothing else of the URL. */
export function serverName(url: URL): string {
  return `ClickHouse at ${url.protocol}//${url.host}`;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ServerError(`--url "${text}" is not a URL (e.g. https://host:8443)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ServerError(`${serverName(url)}: the URL must start with http:// or https://`);
  if (url.username || url.password)
    throw new ServerError(
      `${serverName(url)}: put the user and password in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, not in the URL`,
    );
  return url;
}

/** What failed, in words, from the client's error. */
export function describeFailure(url: URL, error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = (e.message ?? String(error)).split('\n')[0] as string;
  const why =
    code === '516' || /AUTHENTICATION_FAILED|Authentication failed/i.test(message)
      ? `wrong user or password (the user from ${USER_VARIABLE}, the password from ${PASSWORD_VARIABLE})`
      : code === 'ECONNREFUSED'
        ? 'connection refused (is the server running, and is this its HTTP port?)'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'host not found'
          : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code + message)
            ? `the TLS certificate is not trusted (${code || message})`
            : /timeout/i.test(code + message)
              ? 'no answer in time'
              : message;
  return `${serverName(url)}: ${why}`;
}

/**
 * A ClickHouse server as an Engine: @clickhouse/client over HTTP, or HTTPS (TLS, certificates
 * verified) when the URL says https. The user and password come from the environment; the
 * connection is tried at once, so a wrong URL or password fails here, in one line.
 */
export async function connectServer(urlText: string, env: NodeJS.ProcessEnv = process.env): Promise<ClickHouseTarget> {
  const url = parseUrl(urlText);
  const client = createClient({
    url: url.toString(),
    username: env[USER_VARIABLE] ?? 'default',
    password: env[PASSWORD_VARIABLE] ?? '',
    request_timeout: 600_000,
    // Failures reach the user as one line of ours (describeFailure); the client logs nothing.
    log: { level: ClickHouseLogLevel.OFF },
  });
  try {
    const answer = await client.query({ query: 'SELECT 1 AS ok', format: 'JSONEachRow' });
    await answer.json();
  } catch (e) {
    await client.close();
    throw new ServerError(describeFailure(url, e));
  }
  return {
    engine: clickHouseEngine(client, 'clickhouse'),
    async insertParquet(table, file) {
      try {
        await client.insert({ table, values: createReadStream(file), format: 'Parquet' });
      } catch (e) {
        throw new ServerError(describeFailure(url, e));
      }
    },
  };
}
