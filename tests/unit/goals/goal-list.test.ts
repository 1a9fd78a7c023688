import { describe, expect, it } from 'vitest';
import { filterTargets, GOALS_PER_PAGE, goalPage, pageOfTarget } from '../../../src/features/goals/goal-list';
import type { Target } from '../../../src/targets';

function target(id: string, extra: Partial<Target> = {}): Target {
  return {
    id,
    metric: 'gmv',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: {},
    ladder: { target: 1_000_000 },
    phasing: 'linear',
    milestones: [],
    ...extra,
  };
}

/** 45 targets t-01 … t-45: pages of 20 hold 1–20, 21–40 and 41–45. */
const many = Array.from({ length: 45 }, (_, i) => target(`t-${String(i + 1).padStart(2, '0')}`));

describe('the Goals list a page at a time (issue 19, item 10)', () => {
  it('shows 20 targets a page, and the last page holds what is left', () => {
    expect(GOALS_PER_PAGE).toBe(20);
    const first = goalPage(many, 0);
    expect(first).toMatchObject({ page: 0, pageCount: 3, first: 1, last: 20 });
    expect(first.targets.map((t) => t.id)).toEqual(many.slice(0, 20).map((t) => t.id));
    const last = goalPage(many, 2);
    expect(last).toMatchObject({ page: 2, pageCount: 3, first: 41, last: 45 });
    expect(last.targets.map((t) => t.id)).toEqual(['t-41', 't-42', 't-43', 't-44', 't-45']);
  });

  it('clamps a page past the end (after a removal) and an empty list', () => {
    expect(goalPage(many.slice(0, 40), 2)).toMatchObject({ page: 1, first: 21, last: 40 });
    expect(goalPage([], 3)).toMatchObject({ page: 0, pageCount: 1, first: 0, last: 0, targets: [] });
  });

  it('finds the page a target is on', () => {
    expect(pageOfTarget(many, 't-01')).toBe(0);
    expect(pageOfTarget(many, 't-20')).toBe(0);
    expect(pageOfTarget(many, 't-21')).toBe(1);
    expect(pageOfTarget(many, 't-45')).toBe(2);
    expect(pageOfTarget(many, 'nope')).toBeNull();
  });

  it('finds targets by every word typed: id, metric in either language, owner, why, period, filter values', () => {
    const list = [
      target('gmv-2026', { owner: 'Growth', why: 'Win paid search' }),
      target('orders-q1', { metric: 'orders', period: { from: '2026-01-01', to: '2026-03-31' }, owner: 'Ops' }),
      target('gmv-email', { filters: { channel: ['email'] }, owner: 'CRM' }),
    ];
    const ids = (query: string, locale: 'en' | 'zh-CN' = 'en') => filterTargets(list, query, locale).map((t) => t.id);
    expect(ids('')).toEqual(['gmv-2026', 'orders-q1', 'gmv-email']);
    expect(ids('  ')).toEqual(['gmv-2026', 'orders-q1', 'gmv-email']);
    expect(ids('GMV')).toEqual(['gmv-2026', 'gmv-email']);
    expect(ids('growth')).toEqual(['gmv-2026']);
    expect(ids('gmv email')).toEqual(['gmv-email']);
    expect(ids('2026-03-31')).toEqual(['orders-q1']);
    expect(ids('paid search')).toEqual(['gmv-2026']);
    expect(ids('订单')).toEqual(['orders-q1']);
    expect(ids('orders', 'zh-CN')).toEqual(['orders-q1']);
    expect(ids('nothing-like-this')).toEqual([]);
  });
});
