/** The RFM segments and the map from scores to segments (METRICS.md "Segments (RFM)"). */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_LABELS: Record<RfmSegment, { en: string; zh: string }> = {
  champions: { en: 'Champions', zh: '重要价值客户' },
  loyal: { en: 'Loyal', zh: '忠诚客户' },
  potential_loyalist: { en: 'Potential loyalist', zh: '潜力客户' },
  new: { en: 'New', zh: '新客户' },
  at_risk: { en: 'At risk', zh: '流失风险客户' },
  cant_lose: { en: "Can't lose", zh: '不能失去的客户' },
  hibernating: { en: 'Hibernating', zh: '沉睡客户' },
  lost: { en: 'Lost', zh: '已流失客户' },
};

/**
 * The segment map on the recency score R and frequency score F (5 = best), in order; the first
 * rule that matches names the segment. Every (R, F) pair has exactly one segment:
 *
 *         F=1          F=2          F=3        F=4        F=5
 *   R=5   New          Potential    Potential  Champions  Champions
 *   R=4   New          Potential    Potential  Champions  Champions
 *   R=3   Hibernating  Hibernating  Loyal      Loyal      Loyal
 *   R=2   Hibernating  Hibernating  At risk    At risk    Can't lose
 *   R=1   Lost         Lost         At risk    At risk    Can't lose
 */
export const RFM_MAP: readonly { segment: RfmSegment; r: readonly number[]; f: readonly number[] }[] = [
  { segment: 'champions', r: [4, 5], f: [4, 5] },
  { segment: 'potential_loyalist', r: [4, 5], f: [2, 3] },
  { segment: 'new', r: [4, 5], f: [1] },
  { segment: 'loyal', r: [3], f: [3, 4, 5] },
  { segment: 'hibernating', r: [2, 3], f: [1, 2] },
  { segment: 'cant_lose', r: [1, 2], f: [5] },
  { segment: 'at_risk', r: [1, 2], f: [3, 4] },
  { segment: 'lost', r: [1], f: [1, 2] },
];

export function segmentOf(r: number, f: number): RfmSegment {
  const rule = RFM_MAP.find((x) => x.r.includes(r) && x.f.includes(f));
  if (!rule) throw new RangeError(`RFM scores out of range: R=${r} F=${f}`);
  return rule.segment;
}
