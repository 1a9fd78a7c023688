import { defineConfig } from 'vitest/config';

// Unit and integration tests: Node, the real DuckDB-WASM (blocking build), one fork per file.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
