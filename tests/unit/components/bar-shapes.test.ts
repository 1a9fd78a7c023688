import { describe, expect, it } from 'vitest';
import { BAR_HEIGHT, BAR_ROW, barListLayout } from '../../../src/components/charts/BarList';
import { columnPath, rowBarPath } from '../../../src/components/charts/shapes';
import { ACCENT, ACCENT_SELECTED, MUTED_BAR } from '../../../src/components/charts/palette';

const text = (v: number | null) => (v === null ? '—' : `${v}`);

describe('bar list layout', () => {
  it('scales bars to the largest value between the label column and the room for the values', () => {
    const layout = barListLayout(
      [
        { key: 'a', label: 'A', value: 100 },
        { key: 'b', label: 'B', value: 25 },
      ],
      text,
      500,
      100,
    );
    // Widest value "100": 3 × 7 px + 6 gap + 4 → 31, at least 40. Bars span 500 − 100 − 40 = 360.
    expect(layout.labelWidth).toBe(100);
    expect(layout.rows.map((r) => r.barWidth)).toEqual([360, 90]);
    expect(layout.rows.map((r) => r.barX)).toEqual([100, 100]);
    // Rows 30 px apart below an 8 px pad, the 16 px bar centred in its row.
    expect(layout.rows.map((r) => r.y)).toEqual([8, 38]);
    expect(layout.rows[0]!.barY).toBe(8 + (BAR_ROW - BAR_HEIGHT) / 2);
    expect(layout.height).toBe(2 * 30 + 16);
    expect(layout.rows.map((r) => r.fill)).toEqual([ACCENT, ACCENT]);
  });

  it('ticks and darkens the selected value and fades the others', () => {
    const layout = barListLayout(
      [
        { key: 'a', label: 'A', value: 10 },
        { key: 'b', label: 'B', value: 5, selected: true },
        { key: '', label: 'Not set', value: 1, selectable: false },
      ],
      text,
      400,
      80,
    );
    expect(layout.rows.map((r) => r.label)).toEqual(['A', '✓ B', 'Not set']);
    expect(layout.rows.map((r) => r.fill)).toEqual([MUTED_BAR, ACCENT_SELECTED, MUTED_BAR]);
    expect(layout.rows.map((r) => r.selected)).toEqual([false, true, false]);
    expect(layout.rows.map((r) => r.selectable)).toEqual([true, true, false]);
  });

  it('draws no bar for a missing, zero or negative value, and writes "—" for a missing one', () => {
    const layout = barListLayout(
      [
        { key: 'a', label: 'A', value: null },
        { key: 'b', label: 'B', value: 0 },
        { key: 'c', label: 'C', value: -3 },
      ],
      text,
      400,
      80,
    );
    expect(layout.rows.map((r) => r.barWidth)).toEqual([0, 0, 0]);
    expect(layout.rows[0]!.text).toBe('—');
  });

  it('leaves room for a long value so it is not clipped', () => {
    const layout = barListLayout([{ key: 'a', label: 'A', value: 1 }], () => 'CN¥576.37K', 400, 80);
    // "CN¥576.37K": 10 characters × 7 px = 70, + 6 + 4 → 80 px on the right.
    expect(layout.rows[0]!.barWidth).toBe(400 - 80 - 80);
  });
});

describe('bar outlines', () => {
  it('rounds the right-hand corners of a horizontal bar', () => {
    expect(rowBarPath(10, 20, 100, 16)).toBe('M10,20h97a3,3 0 0 1 3,3v10a3,3 0 0 1 -3,3h-97z');
  });

  it('rounds the top corners of a column, the bottom ones of a column hanging below its base', () => {
    expect(columnPath(0, 10, 20, 50, 3)).toBe('M0,60v-47a3,3 0 0 1 3,-3h14a3,3 0 0 1 3,3v47z');
    expect(columnPath(0, 60, 20, -50, 3)).toBe('M0,10v47a3,3 0 0 0 3,3h14a3,3 0 0 0 3,-3v-47z');
  });

  it('draws square corners for radius 0 and shrinks the radius to fit a thin bar', () => {
    expect(columnPath(5, 5, 10, 20, 0)).toBe('M5,5h10v20h-10z');
    expect(columnPath(0, 0, 4, 1, 3)).toBe('M0,1v0a1,1 0 0 1 1,-1h2a1,1 0 0 1 1,1v0z');
  });
});
