import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18, item 13: grey text was at 2.8–3.1:1 (--text-3 #8a94a3). Every text colour variable
 * must reach WCAG AA (4.5:1) on every light surface, by the WCAG 2 relative-luminance formula.
 */
const css = readFileSync(path.resolve(import.meta.dirname, '../../../src/app/styles.css'), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const variable = (name: string) => root.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`))![1]!;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('muted text contrast', () => {
  it('checks the formula on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 9);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it.each(['text', 'text-2', 'text-3'])('--%s reaches 4.5:1 on the page, card and grey surfaces', (text) => {
    for (const surface of ['bg', 'surface', 'surface-2']) {
      expect({ text, surface, aa: contrast(variable(text), variable(surface)) >= 4.5 }).toEqual({ text, surface, aa: true });
    }
  });
});
