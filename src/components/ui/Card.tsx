import type { ReactNode } from 'react';
import { DIM_AFTER_MS, useDelayedFlag } from './use-delayed-flag';

/**
 * A titled card. `busy`: what it shows is the previous data's while the new data's query runs:
 * marked busy at once, dimmed once that has lasted DIM_AFTER_MS (as Panel and KpiCard do).
 */
export function Card({
  title,
  actions,
  children,
  className,
  id,
  busy = false,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  busy?: boolean;
}) {
  const dimmed = useDelayedFlag(busy, DIM_AFTER_MS);
  return (
    <section
      className={`card ${dimmed ? 'dimmed' : ''} ${className ?? ''}`}
      aria-label={typeof title === 'string' ? title : undefined}
      aria-busy={busy || undefined}
      id={id}
    >
      {(title || actions) && (
        <div className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
