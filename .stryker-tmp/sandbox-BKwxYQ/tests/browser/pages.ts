/** Page helpers shared by the browser tests: fail on any dialog (a hostile name must never run). */
// @ts-nocheck

import type { Browser, BrowserContextOptions, Page } from "playwright-core";

export interface WatchedPage {
  readonly page: Page;
  /** Messages of every alert/confirm/prompt the page opened: an escaping failure shows here. */
  readonly dialogs: string[];
  /** Uncaught errors in the page. */
  readonly errors: string[];
}

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  return { page, dialogs, errors };
}

/** The notebook's cells (markdown ones included, so indexes match the .ipynb). */
export function notebookCell(page: Page, index: number) {
  return page.locator(".jp-Notebook .jp-Cell").nth(index);
}

/** Polls `read` until `accept` holds (usable in hooks, where expect.poll is not). */
export async function waitUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
