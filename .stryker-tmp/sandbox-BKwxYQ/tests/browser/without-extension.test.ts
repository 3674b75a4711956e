/**
 * Without the litml extension (JupyterLab or Notebook 7 with it disabled), and with the
 * executed notebook untrusted as it opens, every result still reads from its sanitized HTML:
 * the verdict with its level as a word, the table, and the chart as an image.
 */
// @ts-nocheck

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, screenshotPath } from "./chromium.js";
import { HOSTILE_CELL, HOSTILE_NAME, SIX_CHARTS } from "./fixture.js";
import { startJupyter, type JupyterServer } from "./jupyter-server.js";
import { notebookCell, openPage, waitUntil } from "./pages.js";

let server: JupyterServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startJupyter(inject("fixtureDir"), { labExtension: false }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const frontEnds = [
  ["JupyterLab", "/lab/tree/", "lab-without-extension"],
  ["Notebook 7", "/notebooks/", "notebook7-without-extension"],
] as const;

describe.each(frontEnds)("%s without the litml extension", (_, route, screenshot) => {
  it("shows every result's verdict, table and chart from the HTML fallback", async () => {
    const { page, dialogs } = await openPage(browser, server.url(`${route}${inject("executedNotebook")}`));
    // The fallback HTML has no renderer of its own to wait for: wait for the outputs.
    await waitUntil("the result outputs", () => page.locator(".jp-OutputArea-output .litml-result").count(), (n) => n >= SIX_CHARTS.length + 2);
    expect(await page.locator("[data-litml-drawn]").count()).toBe(0);
    const verdicts = await page.locator(".jp-OutputArea-output .litml-verdict").allTextContents();
    expect(verdicts.length).toBeGreaterThanOrEqual(SIX_CHARTS.length + 2);
    for (const verdict of verdicts) expect(verdict).toMatch(/^[✔⚠✖] (OK|Warning|Fail) \S/);
    expect(await page.locator(".jp-OutputArea-output table.litml-table").count()).toBeGreaterThanOrEqual(SIX_CHARTS.length + 1);
    const images = page.locator(".jp-OutputArea-output img.litml-chart-image");
    expect(await images.count()).toBeGreaterThanOrEqual(SIX_CHARTS.length + 1);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
      expect(await image.getAttribute("alt")).not.toBe("");
    }
    const hostile = notebookCell(page, HOSTILE_CELL);
    expect(await hostile.locator("table.litml-table").textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const profileCell = notebookCell(page, 2);
    await profileCell.scrollIntoViewIfNeeded();
    await waitUntil("the profile cell on screen", async () => (await profileCell.boundingBox())?.y ?? -1, (y) => y >= 0 && y < 900);
    await page.screenshot({ path: screenshotPath(screenshot) });
    expect(dialogs).toEqual([]);
  });
});
