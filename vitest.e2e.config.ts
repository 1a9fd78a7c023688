import { defineConfig } from 'vitest/config';

// End-to-end: a real headless Chromium against the built app served by `vite preview`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
