import { useRef, useState, type ReactNode } from 'react';
import type { CsvColumn } from '../../lib/csv';
import { findChartSvg, svgToPng } from '../../lib/export-png';
import { useT } from '../../i18n/use-t';
import { downloadBlob, downloadCsv } from './download';
import { DIM_AFTER_MS, useDelayedFlag } from './use-delayed-flag';

export interface CsvExport {
  rows: readonly object[];
  columns: readonly CsvColumn[];
}

export interface PanelProps {
  title: string;
  subtitle?: ReactNode;
  /** File name without extension for CSV and PNG downloads. */
  exportName: string;
  /** What the numbers are (period, filters): written under the title of an exported PNG. */
  caption?: string;
  /**
   * The table behind the panel; null while it is not known or empty (the button is then
   * disabled). A function is called only when the CSV is asked for: a table of thousands of
   * rows is not turned into CSV on every view change.
   */
  csv?: CsvExport | (() => CsvExport) | null;
  /** Offer a PNG of the chart drawn inside the panel. */
  png?: boolean;
  /** The chart's legend, drawn into the PNG (the on-screen legend is HTML, outside the SVG). */
  pngLegend?: readonly { label: string; color: string }[];
  controls?: ReactNode;
  footnote?: ReactNode;
  children: ReactNode;
  className?: string;
  /** The chart is the previous view's while the new view's query runs: dimmed and busy. */
  busy?: boolean;
  /** Used by tests and links: `data-panel`. */
  name: string;
}

/** A card holding one chart or table, with its controls and its CSV / PNG downloads. */
export function Panel({
  title,
  subtitle,
  exportName,
  caption,
  csv,
  png,
  pngLegend,
  controls,
  footnote,
  children,
  className,
  busy = false,
  name,
}: PanelProps) {
  const t = useT();
  const body = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dimmed = useDelayedFlag(busy, DIM_AFTER_MS);

  const savePng = async () => {
    setFailure(null);
    const svg = body.current ? findChartSvg(body.current) : null;
    if (!svg) {
      setFailure(t('export.noChart'));
      return;
    }
    try {
      downloadBlob(
        `${exportName}.png`,
        await svgToPng(svg, { title, ...(caption ? { caption } : {}), ...(pngLegend ? { legend: pngLegend } : {}) }),
      );
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section
      className={`card panel ${dimmed ? 'dimmed' : ''} ${className ?? ''}`}
      aria-label={title}
      aria-busy={busy || undefined}
      data-panel={name}
    >
      <div className="panel-head">
        <div className="panel-title">
          <h2>{title}</h2>
          {subtitle && <div className="panel-sub">{subtitle}</div>}
        </div>
        <div className="panel-actions">
          {controls}
          {csv !== undefined && (
            <button
              type="button"
              className="btn btn-sm"
              data-export="csv"
              disabled={!csv || (typeof csv !== 'function' && csv.rows.length === 0)}
              aria-label={t('export.csvOf', { title })}
              title={t('export.csvOf', { title })}
              onClick={() => {
                const table = typeof csv === 'function' ? csv() : csv;
                if (table) downloadCsv(exportName, table.rows, table.columns);
              }}
            >
              CSV
            </button>
          )}
          {png && (
            <button
              type="button"
              className="btn btn-sm"
              data-export="png"
              aria-label={t('export.pngOf', { title })}
              title={t('export.pngOf', { title })}
              onClick={() => void savePng()}
            >
              PNG
            </button>
          )}
        </div>
      </div>
      {failure && (
        <div className="panel-failure" role="alert">
          {failure}
        </div>
      )}
      <div ref={body} className="panel-body">
        {children}
      </div>
      {footnote && <div className="panel-foot">{footnote}</div>}
    </section>
  );
}
