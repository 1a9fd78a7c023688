import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import type { PendingFile } from './import-store';
import { formatBytes } from './labels';
import { estimate, splitSeconds, startClock } from './load-progress';

/** Re-renders every `ms` while mounted: the bar and the time left move between engine events. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A load under way: the bar, then what is done (phase, bytes, rows) beside the percentage and the time left. */
export function LoadProgress({ item }: { item: PendingFile }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const now = useNow(500);
  const progress = item.progress!;
  // The reader may not know the size yet (a stream); the file does.
  const totalBytes = progress.totalBytes || item.file.size;
  const { percent, secondsLeft } = estimate(item.clock ?? startClock(now), now);
  const committed = progress.phase === 'done';
  const left =
    secondsLeft === null
      ? t('import.estimating')
      : secondsLeft < 60
        ? t('import.secondsLeft', { s: secondsLeft })
        : t('import.minutesLeft', splitSeconds(secondsLeft));
  const bytesDone = Math.min(progress.bytes, totalBytes);

  return (
    <div className="load-progress" data-testid="load-progress" data-phase={progress.phase}>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${(percent / 100).toLocaleString(locale, { style: 'percent' })} · ${left}`}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="load-progress-line">
        <span className="muted num">
          {committed ? t('phase.derive') : t(`phase.${progress.phase}`)}
          {' · '}
          <span data-progress="bytes" data-value={bytesDone}>
            {t('import.bytesOf', { done: formatBytes(bytesDone), total: formatBytes(totalBytes) })}
          </span>
          {progress.rows !== undefined && (
            <>
              {' · '}
              <span data-progress="rows" data-value={progress.rows}>
                {progress.rows.toLocaleString(locale)} {t('import.rows')}
              </span>
            </>
          )}
        </span>
        <span className="load-progress-eta num">
          <strong data-progress="percent" data-value={percent}>
            {(percent / 100).toLocaleString(locale, { style: 'percent' })}
          </strong>
          <span className="muted" data-progress="time-left" data-value={secondsLeft ?? ''}>
            {left}
          </span>
        </span>
      </div>
    </div>
  );
}
