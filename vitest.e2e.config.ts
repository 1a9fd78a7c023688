import { defineConfig } from 'vitest/config';

// End-to-end: a real headless Chromium against the built app served by `vite preview`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    // Two files at a time: each file has its own preview server, browser and profiles, and one file
    // alone leaves much of a 2-core machine idle while it waits on engine boots, CLI children and
    // page settles. Measured on the whole suite: 763 s one at a time, 529 s two at a time. The one
    // timed assertion (first-numbers) scales its bound by the load average.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
