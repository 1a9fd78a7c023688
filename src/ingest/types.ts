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
  | 'google_ads'
  | 'meta_ads'
  | 'cn_ads'
  | 'shopify_products'
  | 'shopify_inventory'
  | 'cn_products'
  | 'cn_inventory'
  | 'zendesk_tickets'
  | 'cn_tickets'
  | 'cn_reviews'
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
  /**
   * Records of `table` read from the file: one per data row (as a person counts them: lines,
   * less the line ends inside quoted fields), except for exports with one row per line item
   * (Shopify), where it is one per order (`items` counts the line rows).
   * Always rowsRead = rowsLoaded + rowsRejected, and the table grows by
   * rowsLoaded - duplicates - (addedUp ?? 0) rows (issue 19, item 4).
   */
  rowsRead: number;
  /**
   * Rows that passed every check and went into the table: including those a later row of this
   * file then replaced (counted in `duplicates`) or that were added into another row (`addedUp`).
   */
  rowsLoaded: number;
  rowsRejected: number;
  /**
   * Rows replaced because a loaded row had their key: an earlier row of this file or a row an
   * earlier file put in the table; the later row wins. Keys: order_id; user_id (trimmed,
   * case-folded); traffic date + channel (as written) + device + campaign; for order_items,
   * an order's items are replaced together and each earlier item row counts.
   */
  duplicates: number;
  /**
   * Traffic rows from GA4 or Chinese exports that differ only by a dimension Yardstick does not
   * keep are added up into one row: the rows added into another (present when any were).
   */
  addedUp?: number;
  /** Rejected rows counted once each, under their first reason. */
  reasons: Record<string, number>;
  dateRange: { from: string; to: string } | null;
  /** The first rejected rows (at most REJECTED_ROWS_KEPT); `rowsRejected` counts them all. */
  rejected: RejectedRow[];
  /**
   * Inventory rows loaded whose SKU is not in products (issue 13 "Bad input": loaded, and
   * counted as "SKU not in products"); present when products holds rows.
   */
  notInProducts?: number;
  /** Things the user should know that did not reject a row (ambiguous dates, guessed decimals). */
  warnings?: string[];
  /** The text encoding the file was read in ('utf-8', 'gb18030', …): a reading decision too. */
  encoding?: string;
  /**
   * Line items that went to `order_items` from an orders export that carries them; items of
   * a rejected order are not loaded and count as rejected. Rejected item rows are listed in
   * `rejected` with reasons prefixed "line item: ".
   */
  items?: { read: number; loaded: number; rejected: number };
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

/** How a day-month-year date written with slashes or dots is read (DATA.md "Values"). */
export type DateOrder = 'dmy' | 'mdy';
/** `dot`: 1,234.50 — `comma`: 1.234,50 (DATA.md "Values"). */
export type DecimalStyle = 'dot' | 'comma';

/**
 * A hand-made mapping for a file no source recognises (issue 3 "Mapping"): canonical field →
 * source column header (as found in the file, trimmed). Options decide what the data cannot.
 */
export interface ColumnMapping {
  table: TableName;
  columns: Partial<Record<string, string>>;
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
}

export type ImportPhase = 'read' | 'decode' | 'parse' | 'validate' | 'merge' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  bytes: number;
  totalBytes: number;
  rows?: number;
}

export interface ImportOptions {
  /** Forces the target table (otherwise detected from the header). */
  table?: TableName;
  /** Maps the columns by hand; wins over detection. */
  mapping?: ColumnMapping;
  /** Reads dd/mm/yyyy-like dates this way; without it the data decides (day-first when it cannot). */
  dateOrder?: DateOrder;
  /** Reads amounts with this decimal separator; without it the data decides (a point when it cannot). */
  decimal?: DecimalStyle;
  /** The day imports count from: a date more than a year after it is implausible (default: now). */
  today?: Date;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * Tables emptied in the merge's transaction, before this file's rows go in: a cancel or a
   * failure then leaves them as they were (the Data page's sample shop, which a first own file replaces).
   */
  emptyFirst?: readonly TableName[];
  /** How far a gzip file may expand before it is refused (DEFAULT_GUNZIP_LIMIT when absent). */
  gunzipLimit?: GunzipLimit;
}

/**
 * How far a gzip file may expand (decode.ts, gunzipCeiling): `ratio` times its compressed size,
 * but always at least `floorBytes`.
 */
export interface GunzipLimit {
  ratio: number;
  floorBytes: number;
}
