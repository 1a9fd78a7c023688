import type { TableName } from '../model/tables';

/** One file the user (or the CLI) hands us. `data` is a Blob in the browser, bytes on Node. */
export interface InputFile {
  name: string;
  data: Blob | Uint8Array;
}

export type SourceId =
  | 'canonical'
  | 'shopify_orders'
  | 'woocommerce_orders'
  | 'taobao_orders'
  | 'ga4_traffic'
  | 'cn_traffic'
  | 'custom';

export interface Detection {
  table: TableName;
  source: SourceId;
  /** Header names as found in the file, trimmed. */
  header: string[];
}

export interface RejectedRow {
  /** 1-based line number in the file as the user sees it. */
  line: number;
  reason: string;
  raw: string;
}

/** What happened to one file (DATA.md "Bad input", issue 3 "Load report"). */
export interface LoadReport {
  file: string;
  table: TableName;
  source: SourceId;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Rows whose id was already loaded (earlier file or earlier in this file); the later row wins. */
  duplicates: number;
  /** Rejected rows counted once each, under their first reason. */
  reasons: Record<string, number>;
  dateRange: { from: string; to: string } | null;
  rejected: RejectedRow[];
}

/** Thrown when a file cannot be used at all; names the file and what was expected. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ImportError';
  }
}
