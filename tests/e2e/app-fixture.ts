import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startPreview, type AppServer } from './harness';

/**
 * The built app and a Chromium for one test file: started before its tests, stopped after.
 * Read `app.server` and `app.browser` inside the tests (they exist once beforeAll has run).
 */
export function appAndBrowser(start: () => Promise<AppServer> = startPreview): { server: AppServer; browser: Browser } {
  const app = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    [app.server, app.browser] = await Promise.all([start(), launchBrowser()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
