import { describe, expect, it } from 'vitest';
import { burnUpSummary, type BurnUpChartRow } from '../../../src/components/charts/BurnUpChart';
import { stackTotals } from '../../../src/components/charts/StackedBarChart';
import { translate } from '../../../src/i18n/use-t';
import {
  barSpan,
  stackLabels,
  waterfallAxis,
  wrapLabel,
  xLabels,
  type WaterfallChartBar,
} from '../../../src/components/charts/Waterfall';

// Totals 1000 and 1100; steps 1000 → 1060 → 1100.
const BARS: WaterfallChartBar[] = [
  { key: 'base', label: 'Comparison', range: [0, 1000], value: 1000, tone: 'total' },
  { key: 's', label: 'Sessions', range: [1000, 1060], value: 60, tone: 'up' },
  { key: 'c', label: 'Conversion', range: [1060, 1100], value: 40, tone: 'up' },
  { key: 'current', label: 'This period', range: [0, 1100], value: 1100, tone: 'total' },
];

describe('waterfall value axis', () => {
  it('without zoom runs in round steps from 0 to at least the highest end', () => {
    // Ends 0..1100: 1100 / 5 = 220 → step 200 (2.2 is past √2, short of √10), the top rounded to 1200.
    expect(waterfallAxis(BARS, false)).toEqual({ domain: [0, 1200], ticks: [0, 200, 400, 600, 800, 1000, 1200] });
  });

  it('with zoom keeps the zoomed domain and only the round ticks inside it', () => {
    // zoomedDomain: ends 1000..1100, pad 60 below and 24 above → [940, 1124]. 184 / 5 = 36.8 →
    // step 50 (3.68 is past √10): 950 … 1100 inside, the ends left as they are.
    const { domain, ticks } = waterfallAxis(BARS, true);
    expect(domain[0]).toBeCloseTo(940, 9);
    expect(domain[1]).toBeCloseTo(1124, 9);
    expect(ticks).toEqual([950, 1000, 1050, 1100]);
  });

  it('with zoom on millions ticks at 1, 2 or 5 × a power of ten, without float noise', () => {
    // GMV in millions, 2.1 → 2.15 (a total, then a rise): pad 0.05 × 0.6 = 0.03 below and 0.012
    // above, zoomed to [2.07, 2.162]; 0.092 / 5 = 0.0184 → step 0.02. No 2.125, which "CN¥2.13M"
    // would misstate.
    const bars: WaterfallChartBar[] = [
      { key: 'base', label: 'Before', range: [0, 2.1], value: 2.1, tone: 'total' },
      { key: 'up', label: 'Sessions', range: [2.1, 2.15], value: 0.05, tone: 'up' },
      { key: 'now', label: 'Now', range: [0, 2.15], value: 2.15, tone: 'total' },
    ];
    expect(waterfallAxis(bars, true).ticks).toEqual([2.08, 2.1, 2.12, 2.14, 2.16]);
  });
});

describe('waterfall bars', () => {
  it('stand totals on 0, or on the floor of a zoomed axis, and float parts between their ends', () => {
    expect(barSpan(BARS[0]!, [0, 1500])).toEqual([0, 1000]);
    // Zoomed to [940, 1124]: the total rises from the floor 940; parts keep their ends.
    expect(barSpan(BARS[0]!, [940, 1124])).toEqual([940, 1000]);
    expect(barSpan(BARS[3]!, [940, 1124])).toEqual([940, 1100]);
    expect(barSpan(BARS[1]!, [940, 1124])).toEqual([1000, 1060]);
    // A falling part has its range low end first too; it is clipped at the top of the domain.
    expect(barSpan({ key: 'd', label: 'd', range: [1050, 1200], value: -150, tone: 'down' }, [940, 1124])).toEqual([
      1050, 1124,
    ]);
  });

  it('raise a value label that would run into the one before it by a line, and no further than needed', () => {
    // Labels 30 px wide centred at 10, 30, 50; bars 10 px wide with tops at 50, 52, 50; 13 px lines,
    // 4 px above the bar. First: 50 − 4 = 46. Second (15..45) overlaps the first (−5..25) and 48 is
    // within a line of 46: raised to 46 − 13 = 33. Third (35..65) clears the first; against the
    // second 46 is a full line below 33, so it stays at 46. No label reaches over a neighbour's bar
    // (the second's bar is 25..35, the first label ends at 25).
    expect(
      stackLabels(
        [
          { x: 10, top: 50, bottom: 100, width: 30 },
          { x: 30, top: 52, bottom: 100, width: 30 },
          { x: 50, top: 50, bottom: 100, width: 30 },
        ],
        10,
        13,
      ),
    ).toEqual([46, 33, 46]);
    // Room enough (slots 100 px apart): every label just above its bar.
    const apart = [
      { x: 50, top: 80, bottom: 100, width: 40 },
      { x: 150, top: 81, bottom: 100, width: 40 },
    ];
    expect(stackLabels(apart, 30, 13)).toEqual([76, 77]);
  });

  it('lift a wide value label over a taller neighbouring bar', () => {
    // A's label spans 0..40 at baseline 80 − 4 = 76, over B's bar (38..62, from 60 down to 100):
    // lifted to 60 − 4 = 56. B's label (40..60) would then sit on A's: a line higher, 56 − 13 = 43.
    expect(
      stackLabels(
        [
          { x: 20, top: 80, bottom: 100, width: 40 },
          { x: 50, top: 60, bottom: 100, width: 20 },
        ],
        24,
        13,
      ),
    ).toEqual([56, 43]);
  });

  it('wraps x labels to the characters a slot holds, and staggers them where a word is still too wide', () => {
    expect(wrapLabel('This period')).toEqual(['This period']);
    expect(wrapLabel('This period', 6)).toEqual(['This', 'period']);
    // 80 px slots hold floor(74 / 6.8) = 10 characters: "This period" (11) wraps; "Conversion"
    // is 68 px, "Sessions" 54.4: (68 + 54.4) / 2 + 4 = 65.2 ≤ 80, side by side at 12 px.
    expect(xLabels(['Sessions', 'Conversion', 'This period'], 80)).toEqual({
      lines: [['Sessions'], ['Conversion'], ['This', 'period']],
      rows: [0, 0, 0],
      font: 12,
    });
    // 50 px slots (a phone): 65.2 > 50, so one line each at 11 px, every other one a line lower.
    expect(xLabels(['Sessions', 'Conversion', 'This period'], 50)).toEqual({
      lines: [['Sessions'], ['Conversion'], ['This period']],
      rows: [0, 1, 0],
      font: 11,
    });
  });
});

const row = (
  date: string,
  actual: number | null,
  target: number,
  projected: number | null,
  band: [number, number],
): BurnUpChartRow => ({
  date,
  actual,
  target,
  projected,
  band,
});

describe('burn-up chart', () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate('en', key, vars);
  const labels = {
    actual: 'Actual',
    target: 'Target',
    projected: 'Projected',
    band: 'Floor – stretch',
    asOf: 'Data until',
  };
  const rows = [
    row('2026-01-01', 10, 8, null, [7, 9]),
    row('2026-01-02', 25, 16, 25, [14, 18]),
    row('2026-01-03', null, 24, 38, [21, 27]),
  ];

  it('says the actual on the day the data ends, the target at the end and where the projection ends', () => {
    expect(burnUpSummary(t, 'GMV burn-up', rows, '2026-01-02', labels, (v) => (v === null ? '—' : `¥${v}`))).toBe(
      'GMV burn-up: Actual ¥25 by 2026-01-02; Target ¥24 by 2026-01-03; Projected ¥38',
    );
  });

  it('writes "—" for an actual that is not known yet', () => {
    expect(burnUpSummary(t, 'GMV burn-up', rows, null, labels, (v) => (v === null ? '—' : `¥${v}`))).toBe(
      'GMV burn-up: Actual — by —; Target ¥24 by 2026-01-03; Projected ¥38',
    );
  });
});

describe('stacked bars', () => {
  it('stand as high as the sum of their parts, a missing part counting as none', () => {
    const series = [
      { key: 'new', label: 'New', color: '#000' },
      { key: 'returning', label: 'Returning', color: '#111' },
    ];
    expect(
      stackTotals(
        [
          { label: 'Jan', values: { new: 3, returning: 4 } },
          { label: 'Feb', values: { new: null, returning: 2 } },
        ],
        series,
      ),
    ).toEqual([
      { label: 'Jan', value: 7 },
      { label: 'Feb', value: 2 },
    ]);
  });
});
