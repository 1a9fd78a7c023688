import { useT } from '../../i18n/use-t';
import type { TrackingStatus } from '../../targets';
import { STATUS_GLYPH } from './goal-format';

/** A tracking status in words with a glyph, coloured as a second clue only. */
export function StatusPill({ status, small = false }: { status: TrackingStatus; small?: boolean }) {
  const t = useT();
  return (
    <span className={`status-pill status-${status}${small ? ' status-pill-small' : ''}`} data-status-pill={status}>
      <span aria-hidden="true">{STATUS_GLYPH[status]}</span>
      {t(`goals.status.${status}`)}
    </span>
  );
}
