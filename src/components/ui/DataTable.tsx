import { useState, type ReactNode } from 'react';
import { csvKindOfText, roundForCsv, type CsvNumberKind } from '../../lib/csv';
import { compareText } from '../../lib/compare-text';
import { formatCount, MISSING } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useT } from '../../i18n/use-t';
import type { CsvExport } from './Panel';

export interface Column<R> {
  key: string;
  label: string;
  numeric?: boolean;
  /** What the cell shows; by default the raw value as text, null as "—". */
  render?: (row: R) => ReactNode;
  /** The raw value for sorting and CSV; by default `row[key]`. */
  value?: (row: R) => unknown;
}

function rawValue<R>(row: R, column: Column<R>): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

/** What a column shows for a row, when it is plain text (an element tells nothing about units). */
function shownText<R>(row: R, column: Column<R>): string | null {
  if (!column.render) return null;
  const shown = column.render(row);
  return typeof shown === 'string' || typeof shown === 'number' ? String(shown) : null;
}

/** A text column whose cells show a name for an id (`paid_social` → "Paid social"). */
function namesIds<R>(rows: readonly R[], column: Column<R>): boolean {
  return rows.some((r) => {
    const raw = rawValue(r, column);
    const shown = shownText(r, column);
    return typeof raw === 'string' && shown !== null && shown !== raw;
  });
}

/** Money, rate or plain number, from the first cell that shows a known value. */
function numberKind<R>(rows: readonly R[], column: Column<R>): CsvNumberKind {
  for (const r of rows) {
    const raw = rawValue(r, column);
    const shown = typeof raw === 'number' && Number.isFinite(raw) ? shownText(r, column) : null;
    if (shown !== null) return csvKindOfText(shown);
  }
  return 'number';
}

/**
 * The table as CSV (issue 18, item 14a): machine-readable values under the column labels,
 * rates as fractions. A column showing names for ids keeps the ids in a column "<label> (id)"
 * and adds the names under its label; numbers are rounded as `roundForCsv` says (money 2
 * decimal places, rates and other fractions 6), the kind read from the cell's own text.
 */
export function tableCsv<R>(rows: readonly R[], columns: readonly Column<R>[]): CsvExport {
  const plan = columns.map((c) => ({ column: c, named: namesIds(rows, c), kind: numberKind(rows, c) }));
  return {
    columns: plan.flatMap(({ column: c, named }) =>
      named
        ? [
            { key: `${c.key}#id`, label: `${c.label} (id)` },
            { key: c.key, label: c.label },
          ]
        : [{ key: c.key, label: c.label }],
    ),
    rows: rows.map((r) =>
      Object.fromEntries(
        plan.flatMap(({ column: c, named, kind }) => {
          const raw = rawValue(r, c);
          if (named)
            return [
              [`${c.key}#id`, raw],
              [c.key, raw === null || raw === undefined ? raw : (shownText(r, c) ?? raw)],
            ];
          return [[c.key, typeof raw === 'number' ? roundForCsv(raw, kind) : raw]];
        }),
      ),
    ),
  };
}

/**
 * The table as CSV for a Panel, made when its button is pressed: a long table is not turned into
 * CSV on every render (at 5,000 SKUs that cost the Products page a pass over every cell per view
 * change). Null when there are no rows (the button is then disabled).
 */
export function tableCsvOnDemand<R>(rows: readonly R[], columns: readonly Column<R>[]): (() => CsvExport) | null {
  return rows.length === 0 ? null : () => tableCsv(rows, columns);
}

export type SortDirection = 'asc' | 'desc';

/** Nulls last whichever the direction; numbers by value, the rest as text in the locale's order. */
export function sortRows<R>(rows: readonly R[], column: Column<R>, direction: SortDirection): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = rawValue(a, column);
    const y = rawValue(b, column);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return compareText(String(x), String(y)) * sign;
  });
}

export interface DataTableProps<R> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  caption: string;
  /** Drill-down: the first cell becomes a button that selects the row. */
  onSelect?: (row: R) => void;
  isSelected?: (row: R) => boolean;
  /** Rows that cannot be selected (an unknown value, a total). */
  canSelect?: (row: R) => boolean;
  /** Rows shown at a time; longer tables get a pager (the CSV holds every row). */
  pageSize?: number;
  sortable?: boolean;
  name?: string;
}

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  onSelect,
  isSelected,
  canSelect,
  pageSize,
  sortable = false,
  name,
}: DataTableProps<R>) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const sortColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const ordered = sort && sortColumn ? sortRows(rows, sortColumn, sort.direction) : rows;
  // The page belongs to the rows and order it was chosen on: new rows (another view, a search)
  // or another order start again at the first page.
  const [paging, setPaging] = useState({ page: 0, rows, sort });
  const page = paging.rows === rows && paging.sort === sort ? paging.page : 0;
  const setPage = (next: number) => setPaging({ page: next, rows, sort });
  const size = pageSize ?? Math.max(1, ordered.length);
  const lastPage = Math.max(0, Math.ceil(ordered.length / size) - 1);
  const current = Math.min(page, lastPage);
  const shown = ordered.slice(current * size, (current + 1) * size);

  const cell = (row: R, column: Column<R>): ReactNode => {
    if (column.render) return column.render(row);
    const v = rawValue(row, column);
    return v === null || v === undefined ? MISSING : String(v);
  };
  const toggleSort = (key: string) =>
    setSort((s) =>
      s?.key === key ? { key, direction: s.direction === 'desc' ? 'asc' : 'desc' } : { key, direction: 'desc' },
    );

  return (
    <div className="table-wrap" data-table={name}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'n' : undefined} aria-sort={ariaSort}>
                  {sortable ? (
                    <button type="button" className="th-sort" onClick={() => toggleSort(c.key)}>
                      {c.label}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const selected = isSelected?.(row) ?? false;
            const selectable = onSelect !== undefined && (canSelect?.(row) ?? true);
            return (
              <tr key={rowKey(row)} className={selected ? 'selected' : undefined} data-row={rowKey(row)}>
                {columns.map((c, i) => (
                  <td key={c.key} className={c.numeric ? 'n' : undefined}>
                    {i === 0 && selectable ? (
                      <button
                        type="button"
                        className="link-btn"
                        aria-pressed={selected}
                        title={selected ? t('drill.clear') : t('drill.filterTo')}
                        onClick={() => onSelect(row)}
                      >
                        {selected && <span aria-hidden="true">✓ </span>}
                        {cell(row, c)}
                      </button>
                    ) : (
                      cell(row, c)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {lastPage > 0 && (
        <div className="table-pager" data-pager={name}>
          <span className="table-note">
            {t('table.range', {
              first: formatCount(current * size + 1, locale, false),
              last: formatCount(current * size + shown.length, locale, false),
              total: formatCount(ordered.length, locale, false),
            })}
          </span>
          <button type="button" className="btn btn-sm" disabled={current === 0} onClick={() => setPage(current - 1)}>
            ‹ {t('table.previous')}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            disabled={current === lastPage}
            onClick={() => setPage(current + 1)}
          >
            {t('table.next')} ›
          </button>
        </div>
      )}
    </div>
  );
}
