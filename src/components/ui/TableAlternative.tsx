import { useState, type ReactNode } from 'react';

/**
 * The table beside a chart, behind a "Show as table" toggle. Its rows are only built once it is
 * opened: a page redraws every chart on each filter change, and closed tables of a hundred rows
 * each cost more to render than the charts. `eager` builds them while closed too: the short
 * breakdown tables (a dozen rows at most) whose first cells are the keyboard route to a
 * drill-down, and whose rows the page's tests and find-in-page read.
 */
export function TableAlternative({ label, children, eager = false }: { label: string; children: ReactNode; eager?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="table-toggle">{label}</summary>
      {(open || eager) && children}
    </details>
  );
}
