import path from 'node:path';
import { ROOT } from './run-cli';

const S = path.join(ROOT, 'sample-data');

/** `yardstick report` over every table of the sample shop for its default view (October 2026, by day). */
export const SAMPLE_REPORT_ARGS: readonly string[] = [
  'report',
  ...['orders', 'order_items', 'traffic', 'users', 'products', 'inventory'].flatMap((t) => [
    `--${t.replace('_', '-')}`,
    path.join(S, `${t}.csv.gz`),
  ]),
  '--spend',
  path.join(S, 'marketing_spend.csv.gz'),
  '--campaigns',
  path.join(S, 'campaigns.csv.gz'),
  '--tickets',
  path.join(S, 'service_tickets.csv.gz'),
  '--reviews',
  path.join(S, 'reviews.csv.gz'),
  '--from',
  '2026-10-01',
  '--to',
  '2026-10-31',
  '--grain',
  'day',
  '--quiet',
];
