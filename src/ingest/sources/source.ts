import { ident } from '../../engine/sql';
import type { TableName } from '../../model/tables';
import { cleanColumn } from '../raw';
import type { SourceId } from '../types';

/** The text of a column the file does not have. */
export const ABSENT = 'NULL::VARCHAR';

/**
 * Looks up the columns of a file by header name. Names are compared trimmed and
 * case-insensitively (METRICS.md "Source statuses": header names are trimmed before
 * matching); raw columns are named c0, c1, … in the raw table, by position.
 */
export class HeaderIndex {
  private readonly byName = new Map<string, number>();
  private readonly used = new Set<number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((n, i) => {
      const key = HeaderIndex.key(n);
      if (key && !this.byName.has(key)) this.byName.set(key, i);
    });
  }

  static key(name: string): string {
    return name.trim().toLowerCase();
  }

  has(name: string): boolean {
    return this.byName.has(HeaderIndex.key(name));
  }

  /** True when every name is present. */
  hasAll(names: readonly string[]): boolean {
    return names.every((n) => this.has(n));
  }

  /** The raw column (c0, c1, …) holding `name`, or null. */
  position(name: string): number | null {
    return this.byName.get(HeaderIndex.key(name)) ?? null;
  }

  /** Cleaned text of column `name` as SQL (NULL when the file lacks it). */
  text(name: string): string {
    const at = this.position(name);
    if (at === null) return ABSENT;
    this.used.add(at);
    return ident(cleanColumn(at));
  }

  /** Positions of the columns a plan asked for, so only those are cleaned. */
  usedPositions(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }

  /** The first non-empty value among the columns `names` that the file has, row by row. */
  coalesce(...names: string[]): string {
    const present = names.filter((n) => this.has(n)).map((n) => this.text(n));
    if (present.length === 0) return ABSENT;
    return present.length === 1 ? present[0]! : `coalesce(${present.join(', ')})`;
  }

  /** Cleaned text of the first of `names` that the file has (NULL when none). */
  first(...names: string[]): string {
    const found = names.find((n) => this.has(n));
    return found === undefined ? ABSENT : this.text(found);
  }
}

/**
 * How one table's records are read from a raw file: for each canonical field, a SQL
 * expression of its text (NULL when absent); parsing by field kind happens afterwards, the
 * same way for every source.
 */
export interface TablePlan {
  table: TableName;
  fields: Partial<Record<string, string>>;
  /**
   * Replaces the cleaned raw table as the row source (e.g. one row per line item unnested
   * from an order row); must expose `_row`, `_line`, `_extra` and the cleaned columns.
   */
  from?: string;
  /** Which rows are records of this table (SQL over cleaned columns and `_row`, the record index); all when absent. */
  where?: string;
}

export interface SourcePlan extends TablePlan {
  source: SourceId;
  /** Line items that an orders export carries on its rows (Shopify, WooCommerce). */
  items?: TablePlan;
}

/** A source recognised from its header (DATA.md "Sources to recognise without help"). */
export interface SourceDefinition {
  id: SourceId;
  table: TableName;
  /** True when the header is this source's. */
  recognises(h: HeaderIndex): boolean;
  plan(h: HeaderIndex): SourcePlan;
}
