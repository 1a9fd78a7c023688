import { formatCount } from '../../lib/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import type { GoalPage } from './goal-list';

interface PagerProps {
  shown: GoalPage;
  onPage: (page: number) => void;
  disabled: boolean;
  place: 'top' | 'bottom';
}

/** Previous / next through the pages of targets, with where the reader is. */
export function GoalPager({ shown, onPage, disabled, place }: PagerProps) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  if (shown.pageCount <= 1) return null;
  return (
    <nav className="goal-pager" aria-label={t('goals.list.pages')} data-pager={place}>
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled || shown.page === 0}
        onClick={() => onPage(shown.page - 1)}
        data-action="previous-page"
      >
        {t('goals.list.previous')}
      </button>
      <span className="goal-pager-at" data-page={shown.page + 1}>
        {t('goals.list.page', {
          page: formatCount(shown.page + 1, locale, false),
          pages: formatCount(shown.pageCount, locale, false),
        })}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled || shown.page >= shown.pageCount - 1}
        onClick={() => onPage(shown.page + 1)}
        data-action="next-page"
      >
        {t('goals.list.next')}
      </button>
    </nav>
  );
}

interface BarProps {
  query: string;
  onQuery: (query: string) => void;
  shown: GoalPage;
  matching: number;
  total: number;
  onPage: (page: number) => void;
  /** While a target is being edited, the list stays where it is so the edit is not lost. */
  editing: boolean;
}

/** Search and pages for a long list of targets (issue 19, item 10). */
export function GoalListBar({ query, onQuery, shown, matching, total, onPage, editing }: BarProps) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const count = (n: number) => formatCount(n, locale, false);
  return (
    <div className="goal-list-bar" data-goal-list={total}>
      <input
        type="search"
        className="goal-search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        placeholder={t('goals.list.search')}
        aria-label={t('goals.list.search')}
        disabled={editing}
        title={editing ? t('goals.list.finishEdit') : undefined}
        data-control="goal-search"
      />
      <span className="goal-list-range muted" role="status" data-shown={`${shown.first}-${shown.last}/${matching}`}>
        {matching === 0
          ? t('goals.list.none', { total: count(total) })
          : matching === total
            ? t('goals.list.range', { first: count(shown.first), last: count(shown.last), total: count(total) })
            : t('goals.list.rangeOf', {
                first: count(shown.first),
                last: count(shown.last),
                matching: count(matching),
                total: count(total),
              })}
      </span>
      <GoalPager shown={shown} onPage={onPage} disabled={editing} place="top" />
    </div>
  );
}
