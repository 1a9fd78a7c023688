import { useState, type ReactNode } from 'react';

/**
 * The table beside a chart, behind a "Show as table" toggle. Its rows are only built once it is
 * opened: a page redraws every chart on each filter change, and closed tables of a hundred rows
 * each cost more to render than the charts.
 */
export function TableAlternative({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="table-toggle">{label}</summary>
      {open && children}
    </details>
  );
}
