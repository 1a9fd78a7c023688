import { describe, expect, it } from 'vitest';
import { bandPaths, burnUpTicks, nearestRow, placeTicks, type BurnUpChartRow } from '../../../src/components/charts/BurnUpChart';
import { linePaths } from '../../../src/components/charts/svg-axes';
import {
  barSpan,
  stackLabels,
  ticksWithin,
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
    // Ends 0..1100: (1100 − 0) / 4 = 275 → the next round step is 500.
    expect(waterfallAxis(BARS, false)).toEqual({ domain: [0, 1500], ticks: [0, 500, 1000, 1500] });
  });

  it('with zoom keeps the zoomed domain and only the round ticks inside it', () => {
    // zoomedDomain: ends 1000..1100, pad 60 below and 24 above → [940, 1124].
    // Steps 10 (19 ticks) and 20 (960..1120, 9 ticks) are too many; 50 gives 950..1100, 4 ticks.
    const { domain, ticks } = waterfallAxis(BARS, true);
    expect(domain[0]).toBeCloseTo(940, 9);
    expect(domain[1]).toBeCloseTo(1124, 9);
    expect(ticks).toEqual([950, 1000, 1050, 1100]);
  });

  it('ticks within a span take steps of 1, 2 or 5 without float noise, also across 0', () => {
    // The overview's GMV in millions, zoomed to [2.077, 2.178]: step 0.01 gives 10 ticks, 0.02 gives
    // 2.08 … 2.16, five (2.18 is past the top). No 2.125, which "CN¥2.13M" would misstate.
    expect(ticksWithin(2.077, 2.178)).toEqual([2.08, 2.1, 2.12, 2.14, 2.16]);
    // [−30, 20]: step 10 gives six ticks, step 20 gives −20, 0, 20.
    expect(ticksWithin(-30, 20)).toEqual([-20, 0, 20]);
    expect(ticksWithin(5, 5)).toEqual([5]);
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
    expect(barSpan({ key: 'd', label: 'd', range: [1050, 1200], value: -150, tone: 'down' }, [940, 1124])).toEqual([1050, 1124]);
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

const row = (date: string, actual: number | null, target: number, projected: number | null, band: [number, number]): BurnUpChartRow => ({
  date,
  actual,
  target,
  projected,
  band,
});

describe('burn-up chart', () => {
  it('takes round value ticks from 0 over every line and the band', () => {
    // Values 81..103 (the projection 103 is the highest): 103 / 4 = 25.75 → step 50.
    const rows = [row('2026-01-31', 100, 90, 100, [81, 99]), row('2026-02-01', null, 93, 103, [83.7, 93])];
    expect(burnUpTicks(rows)).toEqual([0, 50, 100, 150]);
    expect(burnUpTicks([])).toEqual([0, 1]);
  });

  it('draws the band as one closed area along its upper ends and back along its lower ends', () => {
    // x = 10 px a day, y = the value: upper 3 → 4, then lower 2 ← 1.
    expect(bandPaths([[1, 3], [2, 4]], (i) => i * 10, (v) => v)).toEqual(['M0,3L10,4L10,2L0,1Z']);
    // A day without ends breaks the band; a lone day before the gap draws nothing.
    expect(bandPaths([[1, 3], [NaN, NaN], [2, 4], [3, 5]], (i) => i * 10, (v) => v)).toEqual(['M20,4L30,5L30,3L20,2Z']);
  });

  it('ends the actual line at the last day of data and starts the projection there', () => {
    const rows = [row('d1', 0, 0, null, [0, 0]), row('d2', 10, 8, 10, [7, 9]), row('d3', null, 16, 20, [14, 18])];
    const x = (i: number) => i * 50;
    const y = (v: number) => 100 - v;
    // Actual: days 1 and 2 (100 − 0, 100 − 10); the null on day 3 ends it.
    expect(linePaths(rows.map((r) => r.actual), x, y)).toEqual(['M0,100L50,90']);
    // Projection: from day 2 on (the null on day 1 is before it).
    expect(linePaths(rows.map((r) => r.projected), x, y)).toEqual(['M50,90L100,80']);
  });

  it('labels every other month from the first when every month does not fit, inside the chart', () => {
    // "Jan" is 3 × 6.8 = 20.4 px; ticks 25 px apart: (20.4 + 12) / 25 → every 2nd tick.
    // Jan moves in to 10.2 + 2 = 12.2; May from 100 to 110 − 12.2 = 97.8.
    const placed = placeTicks(['Jan', 'Feb', 'Mar', 'Apr', 'May'], [0, 25, 50, 75, 100], 110);
    expect(placed.map((p) => p.index)).toEqual([0, 2, 4]);
    expect(placed[0]!.x).toBeCloseTo(12.2, 9);
    expect(placed[1]!.x).toBe(50);
    expect(placed[2]!.x).toBeCloseTo(97.8, 9);
    // A first tick in mid-month 10 px before the next; the ticks after it are 90 px apart, so every
    // tick is a candidate. "Jan 15" (40.8 px) at 100 ends, with half the gap, at 126.4; "Feb"
    // at 110 would start at 93.8 and is left out; Mar and Apr fit.
    expect(placeTicks(['Jan 15', 'Feb', 'Mar', 'Apr'], [100, 110, 200, 290], 400).map((p) => p.index)).toEqual([0, 2, 3]);
  });

  it('finds the day under the pointer, rows spread edge to edge', () => {
    // 5 rows over 100 px sit at 0, 25, 50, 75, 100: 50 px is the third, 62 px rounds to the third (2.48).
    expect(nearestRow(50, 100, 5)).toBe(2);
    expect(nearestRow(62, 100, 5)).toBe(2);
    expect(nearestRow(-5, 100, 5)).toBe(0);
    expect(nearestRow(130, 100, 5)).toBe(4);
    expect(nearestRow(40, 100, 1)).toBe(0);
  });
});
