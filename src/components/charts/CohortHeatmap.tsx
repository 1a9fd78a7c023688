import { scaleBand, scaleLinear } from 'd3-scale';
import { memo, useMemo, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { TableAlternative } from '../ui/TableAlternative';
import { ACCENT, TEXT, TEXT_2 } from './palette';
import { extremes } from './scales';
import { useWidth } from './use-width';

export interface HeatRow {
  key: string;
  label: string;
  /** Second header cell of the row (the cohort's size). */
  sub: string;
  /** null: no value (a month past the end of the data) — drawn blank, never as 0. */
  cells: readonly (number | null)[];
}

export interface CohortHeatmapProps {
  title: string;
  columns: readonly string[];
  rows: readonly HeatRow[];
  rowHeader: string;
  subHeader: string;
  formatCell: (v: number) => string;
  /** 0..1: how dark a cell is. */
  intensity: (v: number) => number;
  tableLabel: string;
  onSelectRow?: (key: string) => void;
  selectRowLabel?: (label: string) => string;
}

const LABEL_W = 76;
const SUB_W = 64;
const MIN_CELL = 58;
const MAX_CELL = 96;
const CELL_H = 26;
const HEAD_H = 26;

/** Light to dark blue (d3 interpolates in RGB); the number is written in each cell, so the colour is never the only carrier. */
export const heatColor = scaleLinear<string>()
  .domain([0, 1])
  .range(['rgb(238, 242, 255)', 'rgb(31, 58, 168)'])
  .clamp(true);

export const CohortHeatmap = memo(function CohortHeatmap({
  title,
  columns,
  rows,
  rowHeader,
  subHeader,
  formatCell,
  intensity,
  tableLabel,
  onSelectRow,
  selectRowLabel,
}: CohortHeatmapProps) {
  const t = useT();
  const [box, available, measured] = useWidth<HTMLDivElement>();
  const CELL_W = Math.max(
    MIN_CELL,
    Math.min(MAX_CELL, Math.floor((available - LABEL_W - SUB_W) / Math.max(1, columns.length))),
  );
  const width = LABEL_W + SUB_W + columns.length * CELL_W;
  const height = HEAD_H + rows.length * CELL_H;
  const column = scaleBand<number>()
    .domain(columns.map((_, j) => j))
    .range([LABEL_W + SUB_W, width]);
  const summary = useMemo(() => {
    const cells = rows.flatMap((r) => r.cells.map((v, j) => ({ v, at: `${r.label} · ${columns[j] ?? ''}` })));
    const ends = extremes(cells, (c) => c.v);
    return ends
      ? t('chart.rangeSummary', {
          title,
          low: formatCell(ends.low.v!),
          lowAt: ends.low.at,
          high: formatCell(ends.high.v!),
          highAt: ends.high.at,
        })
      : title;
  }, [rows, columns, title, formatCell, t]);
  const onKey = (key: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelectRow?.(key);
    }
  };
  return (
    <figure className="chart-figure" data-testid="chart-cohorts" data-state={measured ? 'drawn' : 'measuring'}>
      <div className="heatmap-scroll" ref={box}>
        <svg
          data-export-chart="cohorts"
          width={width}
          height={height}
          role="img"
          aria-label={summary}
          fontFamily="inherit"
          fontSize={12}
        >
          <text x={0} y={HEAD_H / 2} dominantBaseline="central" fill={TEXT_2} fontWeight={600}>
            {rowHeader}
          </text>
          <text
            x={LABEL_W + SUB_W - 8}
            y={HEAD_H / 2}
            dominantBaseline="central"
            textAnchor="end"
            fill={TEXT_2}
            fontWeight={600}
          >
            {subHeader}
          </text>
          {columns.map((c, j) => (
            <text
              key={c}
              x={column(j)! + CELL_W / 2}
              y={HEAD_H / 2}
              dominantBaseline="central"
              textAnchor="middle"
              fill={TEXT_2}
              fontWeight={600}
            >
              {c}
            </text>
          ))}
          {rows.map((r, i) => {
            const y = HEAD_H + i * CELL_H;
            return (
              <g key={r.key} data-cohort={r.key}>
                {onSelectRow ? (
                  <g
                    role="button"
                    tabIndex={0}
                    aria-label={selectRowLabel?.(r.label) ?? r.label}
                    onClick={() => onSelectRow(r.key)}
                    onKeyDown={onKey(r.key)}
                    style={{ cursor: 'pointer' }}
                    className="heat-row-label"
                  >
                    <rect x={0} y={y + 1} width={LABEL_W - 6} height={CELL_H - 2} fill="transparent" />
                    <text x={0} y={y + CELL_H / 2} dominantBaseline="central" fill={ACCENT} textDecoration="underline">
                      {r.label}
                    </text>
                  </g>
                ) : (
                  <text x={0} y={y + CELL_H / 2} dominantBaseline="central" fill={TEXT}>
                    {r.label}
                  </text>
                )}
                <text
                  x={LABEL_W + SUB_W - 8}
                  y={y + CELL_H / 2}
                  dominantBaseline="central"
                  textAnchor="end"
                  fill={TEXT}
                >
                  {r.sub}
                </text>
                {r.cells.map((v, j) => {
                  if (v === null) return null;
                  const k = intensity(v);
                  const x = column(j)!;
                  return (
                    <g key={j} data-k={j}>
                      <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} rx={3} fill={heatColor(k)} />
                      <text
                        x={x + CELL_W / 2}
                        y={y + CELL_H / 2}
                        dominantBaseline="central"
                        textAnchor="middle"
                        fill={k > 0.5 ? '#fff' : TEXT}
                        fontSize={11.5}
                      >
                        {formatCell(v)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <TableAlternative label={tableLabel}>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                <th scope="col" className="n">
                  {subHeader}
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col" className="n">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="n">{r.sub}</td>
                  {r.cells.map((v, j) => (
                    <td key={j} className="n">
                      {v === null ? '' : formatCell(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TableAlternative>
    </figure>
  );
});
