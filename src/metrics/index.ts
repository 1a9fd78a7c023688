/** The metrics layer (METRICS.md): one set of definitions and SQL for the page, the `report` command and the tests. */
export * from './definitions';
export * from './periods';
export * from './filters';
export * from './describe';
export * from './derived';
export * from './context';
export * from './compile';
export * from './dictionary';
export * from './data-quality';
export * from './metric-source';
export * from './report';
export type * from './report-types';
export * from './queries/kpis';
export * from './queries/series';
export * from './queries/cohorts';
export * from './queries/funnel';
export * from './queries/by-channel';
export * from './queries/rfm';
