/**
 * Debian's Chromium driven by playwright-core, headless and kept off the network: the
 * pages under test are served on 127.0.0.1 or opened from files. (Playwright gives each
 * browser a fresh temporary profile.)
 */
// @ts-nocheck

import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.LITML_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = path.resolve("test-results", "screenshots");

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-dev-shm-usage",
    ],
  });
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
