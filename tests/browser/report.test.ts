/**
 * The exported HTML report in Chromium: with JavaScript disabled, static SVG charts with
 * marks, verdicts and tables all show, and the page asks the network for nothing; on a phone
 * and a projector, in light and dark, everything reads; hostile cells run nothing even with
 * the page's content security policy taken out.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import type { Notebook } from "../../src/report/notebook.js";
import { renderReport } from "../../src/report/render.js";
import { contrastRatio } from "../report/contrast.js";
import { PAYLOADS } from "../report/payloads.js";
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

/** What the reader sees at one screen size: chart text sizes, overflow, badge colours, links. */
interface Layout {
  smallestChartText: { px: number; text: string; live: boolean };
  chartTexts: number;
  pageWidth: number;
  viewportWidth: number;
  overflowing: string[];
  badges: { text: string; color: string; background: string }[];
  brokenLinks: string[];
  summaryLinks: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- runs in the page; the tests compile without the DOM library */
function measureLayout(): Layout {
  const { document, getComputedStyle } = globalThis as any;
  type Element = any;
  const viewportWidth = document.documentElement.clientWidth;
  const texts = [...document.querySelectorAll(".output svg text")].filter((t: any) => t.getBoundingClientRect().width > 0 && t.textContent!.trim() !== "");
  let smallestChartText = { px: Infinity, text: "", live: false };
  for (const text of texts) {
    const m = text.getScreenCTM()!;
    // The length of the x unit vector: the same for rotated axis titles as for level text.
    const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (px < smallestChartText.px) smallestChartText = { px, text: text.textContent!, live: text.closest("[data-litml-live]") !== null };
  }
  // An element past the right edge is fine only inside a box that scrolls and itself fits.
  const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.getBoundingClientRect().right <= viewportWidth + 0.5;
  const overflowing: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || (rect.right <= viewportWidth + 0.5 && rect.left >= -0.5)) continue;
    let parent = el.parentElement;
    while (parent && !scrolls(parent)) parent = parent.parentElement;
    if (!parent) overflowing.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} right=${Math.round(rect.right)}`);
  }
  const backgroundOf = (el: Element | null): string => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return "rgb(255, 255, 255)";
  };
  const badges = [...document.querySelectorAll(".litml-verdict strong, .litml-badge")].map((el: any) => ({
    text: el.textContent!,
    color: getComputedStyle(el).color,
    background: backgroundOf(el),
  }));
  const links = [...document.querySelectorAll(".report-top a[href^='#']")];
  const brokenLinks = links.map((a: any) => a.getAttribute("href")!.slice(1)).filter((id: string) => !document.getElementById(id));
  return {
    smallestChartText,
    chartTexts: texts.length,
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth,
    overflowing,
    badges,
    brokenLinks,
    summaryLinks: document.querySelectorAll(".verdict-summary a").length,
  };
}

for (const [width, height] of [[390, 844], [1400, 900]] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`at ${width}×${height} (${colorScheme}): chart text at least 9 px, nothing wider than the screen, badges at 4.5:1, verdicts linked from the top`, async () => {
      const { page, dialogs, errors } = await openPage(browser, `file://${inject("report")}`, { viewport: { width, height }, colorScheme });
      // Measure after the slider chart has gone live: that is what a reader with JavaScript sees.
      await expect.poll(() => page.locator(".litml-interactive").getAttribute("data-litml-live")).toBe("true");
      const layout = await page.evaluate(measureLayout);
      expect(layout.chartTexts).toBeGreaterThan(100);
      expect(layout.smallestChartText.px, JSON.stringify(layout.smallestChartText)).toBeGreaterThanOrEqual(9 - 0.01);
      expect(layout.overflowing).toEqual([]);
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewportWidth);
      expect(layout.badges.length).toBeGreaterThanOrEqual(2 * (SIX_CHARTS.length + 2));
      const weak = layout.badges.map((b) => ({ ...b, ratio: contrastRatio(b.color, b.background) })).filter((b) => b.ratio < 4.5);
      expect(weak).toEqual([]);
      expect(layout.summaryLinks).toBeGreaterThanOrEqual(SIX_CHARTS.length + 2);
      expect(layout.brokenLinks).toEqual([]);
      await page.screenshot({ path: screenshotPath(`report-${width}-${colorScheme}`), fullPage: width < 500 });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}

it("runs and loads nothing from hostile cells even where the content security policy is ignored", async () => {
  // The same file as written, less its policy meta tag: only the sanitizer stands between.
  const html = renderReport(hostileNotebook(), "hostile.ipynb").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  expect(html).not.toContain("Content-Security-Policy");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "litml-hostile-")), "hostile.html");
  writeFileSync(file, html);
  const requests: string[] = [];
  const { page, dialogs, errors } = await openPage(browser, "about:blank");
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
  // Long enough for a zero-second refresh, an onload or an image error to have fired.
  await page.waitForTimeout(1500);
  for (const summary of await page.locator("details summary").all()) await summary.click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(`file://${file}`);
  expect(requests.filter((url) => url !== `file://${file}`)).toEqual([]);
  expect(await page.locator("iframe, form, object, embed, meta[http-equiv], base, script").count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

function hostileNotebook(): Notebook {
  return {
    nbformat: 4,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# Hostile\n\n[js](javascript:alert(1)) ![remote](https://evil.example/x.png)" },
      ...PAYLOADS.map((p) => ({ cell_type: "markdown" as const, source: `## ${p.name}\n\n${p.html}\n` })),
      { cell_type: "code", execution_count: 1, source: "x", outputs: PAYLOADS.map((p) => ({ output_type: "display_data" as const, data: { "text/html": p.html } })) },
    ],
  };
}
