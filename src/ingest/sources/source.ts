import { ident } from '../../engine/sql';
import type { TableName } from '../../model/tables';
import type { SourceId } from '../types';
import { cleanTextSql } from '../values-sql';

/**
 * Looks up the columns of a file by header name. Names are compared trimmed and
 * case-insensitively (METRICS.md "Source statuses": header names are trimmed before
 * matching); raw columns are named c0, c1, … in the raw table, by position.
 */
export class HeaderIndex {
  private readonly byName = new Map<string, number>();

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
    return at === null ? 'NULL' : cleanTextSql(ident(rawColumn(at)));
  }

  /** The first non-empty value among the columns `names` that the file has, row by row. */
  coalesce(...names: string[]): string {
    const present = names.filter((n) => this.has(n)).map((n) => this.text(n));
    if (present.length === 0) return 'NULL';
    return present.length === 1 ? present[0]! : `coalesce(${present.join(', ')})`;
  }

  /** Cleaned text of the first of `names` that the file has (NULL when none). */
  first(...names: string[]): string {
    const found = names.find((n) => this.has(n));
    return found === undefined ? 'NULL' : this.text(found);
  }
}

export function rawColumn(position: number): string {
  return `c${position}`;
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
   * Replaces the raw table as the row source (e.g. one row per line item unnested from an
   * order row); must expose `rowid` (the raw record index) and every raw column.
   */
  from?: string;
  /** Which raw rows are records of this table (SQL over raw columns and `rowid`, the record index); all when absent. */
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
