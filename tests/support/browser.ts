import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseKinds, type TestDatabase } from './databases';
import type { AppConfig } from '../../apps/api/src/config';
import { startTestApp, WEB_DIR, type TestApp } from './test-app';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; never a downloaded browser. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium is required with CI=true but ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! Chromium not found at ${CHROMIUM_PATH}: the browser suites are SKIPPED.\n!! apt-get install -y chromium (or run bash .ci/run) to run them.\n${'!'.repeat(78)}\n\n`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One browser suite's fixtures: a real server on a fresh SQLite database and headless Chromium,
 * started before the suite's tests and stopped after them (registers beforeAll/afterAll).
 * `overrides`, asked for when the server starts (after the suite's earlier beforeAll hooks, so it
 * may name what they started, such as an SMTP server's port), changes the server's configuration.
 */
export function useBrowserSuite(overrides?: () => Partial<AppConfig>): {
  readonly server: TestApp;
  readonly browser: Browser;
} {
  const suite = {} as { server: TestApp; browser: Browser; db: TestDatabase };
  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html')))
      throw new Error(`Build the web app first (npm run build:web): ${WEB_DIR} has no index.html`);
    suite.db = await databaseKinds()[0].create();
    suite.server = await startTestApp(suite.db, overrides?.());
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    await suite.db?.dispose();
  });
  return suite;
}
