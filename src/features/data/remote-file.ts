import type { InputFile } from '../../ingest/types';

/** The file name a download should get: Content-Disposition first, else the last path segment. */
export function remoteFileName(url: string, contentDisposition: string | null): string {
  const fromHeader = contentDisposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
  if (fromHeader) return decodeURIComponent(fromHeader.trim());
  const path = new URL(url).pathname.split('/').filter(Boolean).pop();
  return path ? decodeURIComponent(path) : 'download.csv';
}

/**
 * Fetches a CSV or Parquet file served over HTTP (same origin, or a server that allows CORS).
 * The user typed the address, so this is the one request that may go to another host.
 */
export async function fetchRemoteFile(url: string, signal?: AbortSignal): Promise<InputFile & { data: Blob }> {
  let parsed: URL;
  try {
    parsed = new URL(url, typeof location === 'undefined' ? undefined : location.href);
  } catch (e) {
    throw new Error(`${url}: not a web address (expected http:// or https://…)`, { cause: e });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: only http and https addresses can be loaded`);
  let res: Response;
  try {
    res = await fetch(parsed, signal ? { signal } : {});
  } catch (e) {
    throw new Error(`${parsed.href}: could not be fetched (${e instanceof Error ? e.message : String(e)}). Is the server reachable, and does it allow cross-origin requests (CORS)?`, { cause: e });
  }
  if (!res.ok) throw new Error(`${parsed.href}: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  return { name: remoteFileName(parsed.href, res.headers.get('content-disposition')), data: await res.blob() };
}
