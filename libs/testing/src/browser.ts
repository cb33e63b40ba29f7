// Headless Chromium for the browser tests: Debian's chromium package at /usr/bin/chromium
// (scripts/ensure-chromium.js installs it when missing and it can), driven by playwright-core
// with the flags the project runs it with.
import path from 'node:path';
import type { Browser } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const { CHROMIUM, ensureChromium } = require(path.join(REPO_ROOT, 'scripts/ensure-chromium.js'));

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the browser is there, installing it first if need be; otherwise why not. */
export function chromiumAvailable(): { ok: boolean; reason?: string } {
  return ensureChromium();
}

export async function launchChromium(): Promise<Browser> {
  // Loaded here, so that tests without a browser never load playwright-core.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
