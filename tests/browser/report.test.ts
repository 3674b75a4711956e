/**
 * The exported HTML report in Chromium with JavaScript disabled: static SVG charts with
 * marks, verdicts and tables all show, and the page asks the network for nothing.
 */
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, screenshotPath } from "./chromium.js";
import { SIX_CHARTS } from "./fixture.js";
import { openPage } from "./pages.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

it("reads with JavaScript off: charts as SVG with marks, verdicts, tables, no requests", async () => {
  const requests: string[] = [];
  const { page, dialogs, errors } = await openPage(browser, `file://${inject("report")}`, { javaScriptEnabled: false });
  page.on("request", (request) => requests.push(request.url()));
  await page.reload();
  const charts = page.locator(".litml-chart svg.marks");
  expect(await charts.count()).toBeGreaterThanOrEqual(SIX_CHARTS.length + 1);
  for (const chart of await charts.all()) {
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(50);
    expect(await chart.locator("path, line, text").count()).toBeGreaterThan(5);
  }
  const verdicts = await page.locator(".litml-verdict").allInnerTexts();
  expect(verdicts.length).toBeGreaterThanOrEqual(SIX_CHARTS.length + 2);
  for (const verdict of verdicts) expect(verdict).toMatch(/^[✔⚠✖] (OK|Warning|Fail) \S/);
  expect(await page.locator("table.litml-table").count()).toBeGreaterThanOrEqual(SIX_CHARTS.length + 1);
  expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:"))).toEqual([]);
  await page.screenshot({ path: screenshotPath("report-without-javascript"), fullPage: true });
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

it("draws the slider chart live with JavaScript on, within the page's content security policy", async () => {
  const consoleErrors: string[] = [];
  const { page, errors } = await openPage(browser, `file://${inject("report")}`);
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.reload();
  const holder = page.locator(".litml-interactive");
  expect(await holder.count()).toBe(1);
  // The chart goes live inside its result: the verdict and table stay.
  const result = page.locator(".litml-result", { has: holder });
  expect(await result.locator(".litml-verdict").count()).toBe(1);
  expect(await result.locator("table.litml-table").count()).toBe(1);
  await expect.poll(() => holder.getAttribute("data-litml-live")).toBe("true");
  expect(await result.locator(".litml-verdict").count()).toBe(1);
  const slider = holder.locator('input[type="range"]');
  expect(await slider.count()).toBe(1);
  const precisionLabel = async () => (await holder.locator("svg text").allTextContents()).filter((t) => t.startsWith("precision ")).join();
  const before = await precisionLabel();
  await slider.fill("0.9");
  await expect.poll(precisionLabel).not.toBe(before);
  await holder.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("report-interactive-slider") });
  expect(consoleErrors).toEqual([]);
  expect(errors).toEqual([]);
});
