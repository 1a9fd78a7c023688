/** The ClickHouse side of Yardstick (issue 20): what the CLI loads only when asked for ClickHouse. */
export { chdbTarget, createChdbEngine } from './chdb';
export { ForeignTableError, loadIntoClickHouse, prepareTables, type ClickHouseTarget } from './load';
export { connectServer, ServerError } from './server';
export { copyCanonicalTables } from './transfer';
export { buildDerived, DERIVED_SOURCE_TABLE, useDerived } from './derived';
