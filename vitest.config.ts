import { defineConfig } from 'vitest/config';

// Unit and integration tests: Node, the real DuckDB-WASM (blocking build), one fork per file.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one fork on a 2-core machine (cores - 1), leaving a core idle while a
    // fork waits on a CLI child process or instantiates DuckDB-WASM; two forks keep CI well under 30 minutes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
