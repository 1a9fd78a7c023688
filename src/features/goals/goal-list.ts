import type { Locale } from '../../lib/format';
import type { Target } from '../../targets';
import { kpiLabel, targetLabel } from './goal-format';

/**
 * How many target cards a page of the Goals list shows. Each card draws a chart and asks the
 * engine for its numbers, so the page shows a screenful or two, never the whole file
 * (issue 19, item 10: 1,000 cards at once froze the tab).
 */
export const GOALS_PER_PAGE = 20;

const searchTexts: Record<Locale, WeakMap<Target, string>> = { en: new WeakMap(), 'zh-CN': new WeakMap() };

/** Everything a planner might type to find a target, in one lower-case string (kept per target: targets never change in place). */
function searchText(target: Target, locale: Locale): string {
  const cached = searchTexts[locale].get(target);
  if (cached !== undefined) return cached;
  const text = [
    target.id,
    target.metric,
    targetLabel(target, locale),
    locale === 'zh-CN' ? kpiLabel(target.metric, 'en') : kpiLabel(target.metric, 'zh-CN'),
    target.owner ?? '',
    target.why ?? '',
    target.period.from,
    target.period.to,
    target.phasing,
    ...Object.values(target.filters).flat(),
  ]
    .join('\n')
    .toLowerCase();
  searchTexts[locale].set(target, text);
  return text;
}

/** The targets every word of the query appears in (id, metric, owner, why, period, filters), in file order. */
export function filterTargets(targets: readonly Target[], query: string, locale: Locale): readonly Target[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return targets;
  return targets.filter((target) => {
    const text = searchText(target, locale);
    return words.every((word) => text.includes(word));
  });
}

export interface GoalPage {
  /** Zero-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** One-based positions of the first and last target shown; 0 and 0 when none. */
  first: number;
  last: number;
  targets: readonly Target[];
}

/** One page of a list; a page past the end shows the last one (after a removal or a narrower search). */
export function goalPage(targets: readonly Target[], page: number, size = GOALS_PER_PAGE): GoalPage {
  const pageCount = Math.max(1, Math.ceil(targets.length / size));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  const start = current * size;
  const shown = targets.slice(start, start + size);
  return {
    page: current,
    pageCount,
    first: shown.length === 0 ? 0 : start + 1,
    last: start + shown.length,
    targets: shown,
  };
}

/** The page a target is on, or null when the list does not hold it. */
export function pageOfTarget(targets: readonly Target[], id: string, size = GOALS_PER_PAGE): number | null {
  const index = targets.findIndex((target) => target.id === id);
  return index < 0 ? null : Math.floor(index / size);
}
