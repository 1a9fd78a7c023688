#!/usr/bin/env node
// The `yardstick` command: runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const status = await main(process.argv.slice(2));
process.exitCode = status;
// Let pending output drain, but do not wait on anything an engine may have left open.
setTimeout(() => process.exit(status), 500).unref();
