/** A generated targets file (METRICS.md "Targets") of any size, for the many-targets checks of issue 19, item 10. */

const METRICS = [
  { metric: 'gmv', target: 2_500_000 },
  { metric: 'orders', target: 6_000 },
  { metric: 'net_revenue', target: 2_000_000 },
  { metric: 'sessions', target: 400_000 },
  { metric: 'conversion_rate', target: 0.031 },
  { metric: 'aov', target: 420 },
  { metric: 'buyers', target: 4_000 },
  { metric: 'refund_rate', target: 0.05 },
] as const;
const CHANNELS = ['organic_search', 'paid_search', 'social', 'email', 'direct'];

/** `count` targets over months and quarters of 2025–2026, some filtered by channel, linear or seasonal. */
export function targetsFile(count: number): string {
  const targets = Array.from({ length: count }, (_, i) => {
    const { metric, target } = METRICS[i % METRICS.length]!;
    const year = 2025 + (Math.floor(i / METRICS.length) % 2);
    const month = (Math.floor(i / (METRICS.length * 2)) % 12) + 1;
    const quarterly = i % 3 === 0;
    const from = `${year}-${String(quarterly ? Math.floor((month - 1) / 3) * 3 + 1 : month).padStart(2, '0')}-01`;
    const lastMonth = quarterly ? Math.floor((month - 1) / 3) * 3 + 3 : month;
    const to = new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
    return {
      id: `target-${String(i + 1).padStart(5, '0')}`,
      metric,
      period: { from, to },
      ...(i % 4 === 1 ? { filters: { channel: [CHANNELS[i % CHANNELS.length]!] } } : {}),
      // Sums grow with a longer period; a rate or an average stays what it is.
      ladder: { target: quarterly && target > 1_000 ? target * 3 : target },
      phasing: i % 2 === 0 ? 'linear' : 'seasonal',
      owner: `Team ${(i % 7) + 1}`,
      why: 'Generated for the many-targets check',
    };
  });
  return JSON.stringify({ version: 1, targets });
}
