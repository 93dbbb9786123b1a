// Debian's Chromium driven by playwright-core, with a throw-away profile so runs never share state.
// Shared by the browser tests and bench/api.ts (first-view timing).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export async function launchChromium(): Promise<{ browser: Browser; cleanup: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'tri-chromium-'));
  // Playwright refuses --user-data-dir in launch() args; a persistent context is how a profile
  // directory of our own is given. Its browser still opens ordinary fresh contexts.
  const persistent = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const browser = persistent.browser();
  if (!browser) throw new Error('Chromium started without a browser handle');
  return {
    browser,
    cleanup: async () => {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
