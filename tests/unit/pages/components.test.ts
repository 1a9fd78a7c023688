import { describe, expect, it } from 'vitest';
import { estimateLabelWidth } from '../../../src/components/charts/BarList';
import { heatColor } from '../../../src/components/charts/CohortHeatmap';
import { sortRows, tableCsv, type Column } from '../../../src/components/ui/DataTable';
import { exportName } from '../../../src/components/ui/download';
import { channelLabel, valueLabel } from '../../../src/components/ui/labels';

interface Row {
  name: string;
  gmv: number | null;
}
const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', render: (r) => r.name.toUpperCase() },
  { key: 'gmv', label: 'GMV', numeric: true },
  { key: 'double', label: 'Twice', value: (r) => (r.gmv === null ? null : r.gmv * 2) },
];
const rows: Row[] = [
  { name: 'b', gmv: 2 },
  { name: 'a', gmv: null },
  { name: 'c', gmv: 10 },
];

describe('table CSV', () => {
  it('takes raw values under the column labels, and the shown name beside an id', () => {
    expect(tableCsv(rows, columns)).toEqual({
      columns: [
        { key: 'name#id', label: 'Name (id)' },
        { key: 'name', label: 'Name' },
        { key: 'gmv', label: 'GMV' },
        { key: 'double', label: 'Twice' },
      ],
      rows: [
        { 'name#id': 'b', name: 'B', gmv: 2, double: 4 },
        { 'name#id': 'a', name: 'A', gmv: null, double: null },
        { 'name#id': 'c', name: 'C', gmv: 10, double: 20 },
      ],
    });
  });

  it('issue 18, item 14a: channel ids with their names, money to the cent, rates as fractions to 6 places', () => {
    interface ChannelRow {
      channel: string;
      aov: number | null;
      conversion: number | null;
      roas: number;
    }
    const channelColumns: Column<ChannelRow>[] = [
      { key: 'channel', label: 'Channel', render: (r) => channelLabel(r.channel, 'en') },
      { key: 'aov', label: 'AOV', numeric: true, render: (r) => (r.aov === null ? '—' : `CN¥${r.aov.toFixed(2)}`) },
      {
        key: 'conversion',
        label: 'Conversion',
        numeric: true,
        render: (r) => (r.conversion === null ? '—' : `${(r.conversion * 100).toFixed(1)}%`),
      },
      { key: 'roas', label: 'ROAS', numeric: true, render: (r) => `${r.roas.toFixed(1)}×` },
    ];
    const csv = tableCsv(
      [
        // 1 234.5678 ÷ 3 = 411.5226; 7 ÷ 221 = 0.0316742081…; 10 ÷ 3 = 3.3333333…
        { channel: 'paid_social', aov: 1_234.5678 / 3, conversion: 7 / 221, roas: 10 / 3 },
        { channel: 'email', aov: null, conversion: null, roas: 2 },
      ],
      channelColumns,
    );
    expect(csv.columns.map((c) => c.label)).toEqual(['Channel (id)', 'Channel', 'AOV', 'Conversion', 'ROAS']);
    expect(csv.rows).toEqual([
      { 'channel#id': 'paid_social', channel: 'Paid social', aov: 411.52, conversion: 0.031674, roas: 3.333333 },
      { 'channel#id': 'email', channel: 'Email', aov: null, conversion: null, roas: 2 },
    ]);
  });
});

describe('table sorting', () => {
  it('sorts numbers either way with unknown values last', () => {
    expect(sortRows(rows, columns[1]!, 'desc').map((r) => r.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, columns[1]!, 'asc').map((r) => r.name)).toEqual(['b', 'c', 'a']);
  });

  it('sorts text in order and leaves the input alone', () => {
    expect(sortRows(rows, columns[0]!, 'asc').map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.name)).toEqual(['b', 'a', 'c']);
  });
});

describe('chart helpers', () => {
  it('gives CJK labels about twice the room of Latin ones, within bounds', () => {
    expect(estimateLabelWidth(['Email'])).toBeLessThan(estimateLabelWidth(['电子邮件邮件']));
    expect(estimateLabelWidth([])).toBe(56);
    expect(estimateLabelWidth(['x'.repeat(200)])).toBe(170);
  });

  it('colours heatmap cells from light to dark, clamped', () => {
    expect(heatColor(0)).toBe('rgb(238, 242, 255)');
    expect(heatColor(1)).toBe('rgb(31, 58, 168)');
    expect(heatColor(2)).toBe(heatColor(1));
    expect(heatColor(-1)).toBe(heatColor(0));
  });
});

describe('names', () => {
  it('names files after what they hold and the dates', () => {
    expect(exportName('sales-by-channel', { from: '2026-10-01', to: '2026-10-31' })).toBe(
      'yardstick-sales-by-channel-2026-10-01_2026-10-31',
    );
    expect(exportName('query', null)).toBe('yardstick-query');
  });

  it('names channels and devices in both languages, other values as they are', () => {
    expect(channelLabel('paid_search', 'en')).toBe('Paid search');
    expect(channelLabel('paid_search', 'zh-CN')).toBe('付费搜索');
    expect(channelLabel('tiktok_shop', 'en')).toBe('tiktok_shop');
    expect(valueLabel('device', 'mobile', 'zh-CN')).toBe('手机');
    expect(valueLabel('region', 'East China', 'zh-CN')).toBe('East China');
  });
});
