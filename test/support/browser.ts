import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`); playwright-core drives it, nothing is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. Without Chromium they are skipped (test/support/globalSetup.ts
 * says so once), unless REQUIRE_BROWSER=1 (CI), which makes its absence an error.
 */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile. The pages' Content-Security-Policy is bypassed: it would
 * stop the test's own page code (waitForFunction evaluates strings), and without it an XSS test
 * shows that user text is escaped, not merely that the CSP catches it. The header itself is
 * checked separately.
 */
export async function launchChromium(viewport = { width: 1920, height: 1080 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    bypassCSP: true,
    viewport,
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
