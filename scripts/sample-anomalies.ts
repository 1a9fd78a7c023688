/**
 * What the sample shop's alerts should find (issue 16): two planted bad days in October 2026,
 * the month the dashboard opens on, and bounded noise everywhere else.
 */

/** A checkout outage: sessions as usual, but 70 % of the day's orders never go through (some end cancelled). */
export const OUTAGE_DAY = '2026-10-14';
/** A refund wave: the orders of this day are refunded four and a half times as much as usual. */
export const REFUND_WAVE_DAY = '2026-10-20';
export const OUTAGE_KEPT = 0.3;
export const REFUND_WAVE = 4.5;

/** The two weeks after Double 11 (Nov 12–25) run at 78 % of usual: the pull-forward dip of the big sale. */
export const AFTER_DOUBLE11_LIFT = 0.78;
export function afterDouble11(day: string): boolean {
  const md = day.slice(5);
  return md >= '11-12' && md <= '11-25';
}

/**
 * Bounded day-to-day noise: each watched quantity moves by one of eight evenly spaced levels
 * within ±amplitude, the levels taken in the fixed cyclic order CYCLE, one a week; each weekday
 * and quantity starts the cycle at its own place and may run it upside down. So the eight same
 * weekdays before any day hold every level once, and the day's own level is one of them: their
 * median and MAD stay put and an ordinary day sits within 1.2 robust z of them. CYCLE is the
 * order that keeps this under 2.3 even with a trend of a fifth of the amplitude a week (the
 * shop grows about 0.5 % a week; natural order would reach 7.5), searched once over all 5,040
 * orders. A real shop's noise is rougher; the sample's job is to make its planted days stand out.
 */
export const NOISE = { orders: 0.05, conversion: 0.06, aov: 0.07, refunds: 0.1, cancellations: 0.4 } as const;
/** GMV is orders × AOV: AOV follows the orders' levels, so GMV's eight levels are evenly spaced too. */
const SHARES_LEVELS: Partial<Record<keyof typeof NOISE, keyof typeof NOISE>> = { aov: 'orders' };
const STEPS = [-7, -5, -3, -1, 1, 3, 5, 7].map((s) => s / 7);
const CYCLE = [0, 5, 3, 6, 1, 4, 7, 2];

export function noiseLevels(rand: () => number): (what: keyof typeof NOISE, dayIndex: number) => number {
  const starts = new Map<string, { offset: number; sign: number }[]>();
  for (const what of Object.keys(NOISE))
    starts.set(
      what,
      Array.from({ length: 7 }, () => ({ offset: Math.floor(rand() * 8), sign: rand() < 0.5 ? -1 : 1 })),
    );
  return (what, i) => {
    const { offset, sign } = starts.get(SHARES_LEVELS[what] ?? what)![i % 7]!;
    return sign * NOISE[what] * STEPS[CYCLE[(Math.floor(i / 7) + offset) % 8]!]!;
  };
}
