/**
 * litml in JupyterLab and Notebook 7 with its extension, in Debian's Chromium: the executed
 * (hence untrusted) fixture notebook draws every result with the extension's renderer, the
 * Workflow panel lists the steps with their levels and scrolls to a step's cell, hostile
 * names stay text, and newer or broken results explain themselves.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { STEPS } from "../../kernel-ext/lab/src/steps.js";
import { launchChromium, screenshotPath } from "./chromium.js";
import { HOSTILE_CELL, HOSTILE_NAME, MALFORMED_CELL, NEWER_VERSION_CELL, PATH_LIKE_NAME, SIX_CHARTS, SLIDER_CELL, resultsByCell } from "./fixture.js";
import { startJupyter, type JupyterServer } from "./jupyter-server.js";
import { notebookCell, openPage, waitUntil, type WatchedPage } from "./pages.js";

const LEVEL_WORDS: Record<string, string> = { ok: "OK", warn: "Warning", fail: "Fail" };
const RESULTS = SIX_CHARTS.length + 5; // framing card, six analyses, thresholds, hostile profile, newer, malformed
const CHARTS = SIX_CHARTS.length + 3; // the six, the thresholds slider, the hostile profile's, the newer result's

let server: JupyterServer;
let browser: Browser;
let notebookName: string;

beforeAll(async () => {
  notebookName = inject("executedNotebook");
  [server, browser] = await Promise.all([startJupyter(inject("fixtureDir"), { labExtension: true }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function allChartsDrawn(watched: WatchedPage): Promise<void> {
  const { page } = watched;
  await page.waitForSelector(".litml-result", { timeout: 60_000 });
  await waitUntil("every result", () => page.locator(".litml-result").count(), (n) => n === RESULTS);
  await waitUntil("every chart drawn", () => page.locator(".litml-chart[data-litml-drawn]").count(), (n) => n === CHARTS);
  const failed = await page.locator('.litml-chart[data-litml-drawn="error"]').allTextContents();
  if (failed.length > 0) throw new Error(`charts failed to draw: ${failed.join("; ")}`);
}

describe("JupyterLab with the litml extension", () => {
  let lab: WatchedPage;

  beforeAll(async () => {
    lab = await openPage(browser, server.url(`/lab/tree/${notebookName}`));
    await allChartsDrawn(lab);
  });

  it("draws each result with the extension: a badge with an icon and a word, an interactive chart with marks, a table", async () => {
    const { page } = lab;
    const expected = resultsByCell(path.join(inject("fixtureDir"), notebookName));
    for (const [index, { level }] of expected) {
      if (index === MALFORMED_CELL) continue;
      const badge = notebookCell(page, index).locator(".litml-verdict .litml-badge");
      expect(await badge.textContent()).toMatch(new RegExp(`^[✔⚠✖]\\s*${LEVEL_WORDS[level]}$`));
    }
    for (const chart of await page.locator(".litml-chart svg").all()) {
      expect(await chart.locator("path, rect, circle, line, symbol").count()).toBeGreaterThan(0);
    }
    // The extension's own output replaces the HTML fallback: no sanitized copy beside it.
    expect(await page.locator("img.litml-chart-image").count()).toBe(0);
    expect(await page.locator("table.litml-table").count()).toBeGreaterThanOrEqual(SIX_CHARTS.length);
    await page.screenshot({ path: screenshotPath("lab-results") });
  });

  it("draws the threshold chart with a live slider", async () => {
    const chart = notebookCell(lab.page, SLIDER_CELL).locator(".litml-chart");
    const slider = chart.locator('input[type="range"]');
    expect(await slider.count()).toBe(1);
    const labels = () => chart.locator("svg text").allTextContents();
    const before = (await labels()).filter((t) => t.startsWith("precision ")).join();
    await slider.evaluate((input) => {
      const range = input as unknown as { value: string; dispatchEvent(event: unknown): boolean };
      range.value = "0.9";
      range.dispatchEvent(new (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event("input", { bubbles: true }));
    });
    await expect.poll(async () => (await labels()).filter((t) => t.startsWith("precision ")).join()).not.toBe(before);
  });

  it("sorts a table by a clicked column, ascending then descending", async () => {
    const table = notebookCell(lab.page, 3).locator("table.litml-table");
    const header = table.locator("th").nth(0);
    const firstColumn = () => table.locator("tbody tr td:first-child").allTextContents();
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await firstColumn();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await firstColumn()).toEqual([...ascending].reverse());
  });

  it("keeps hostile column names as text, in the table and in the chart, and runs nothing", async () => {
    const { page, dialogs } = lab;
    const hostile = notebookCell(page, HOSTILE_CELL);
    await expect.poll(() => hostile.locator(".litml-table td", { hasText: HOSTILE_NAME }).count()).toBeGreaterThan(0);
    expect(await hostile.locator(".litml-result").textContent()).toContain(PATH_LIKE_NAME);
    expect(await hostile.locator(".litml-chart svg text", { hasText: HOSTILE_NAME }).count()).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("explains a result from a newer litml and a malformed one instead of drawing nothing", async () => {
    const newer = notebookCell(lab.page, NEWER_VERSION_CELL);
    expect(await newer.locator(".litml-problems").textContent()).toMatch(/schema version 99.*reads version 1/s);
    expect(await newer.locator(".litml-verdict").count()).toBe(1);
    const malformed = notebookCell(lab.page, MALFORMED_CELL);
    expect(await malformed.locator(".litml-problems").textContent()).toMatch(/could not be read[\s\S]*no verdict/);
    expect(await malformed.locator(".litml-plain").textContent()).toMatch(/^Profile of "penguins"/);
    await newer.scrollIntoViewIfNeeded();
    await lab.page.screenshot({ path: screenshotPath("lab-fallbacks") });
  });

  it("lists the discipline's steps in the Workflow panel with their levels, and scrolls to a step's cell", async () => {
    const { page } = lab;
    await page.locator('.lm-TabBar-tab[data-id="litml-workflow"]').click();
    const panel = page.locator("#litml-workflow");
    await expect.poll(() => panel.locator("[data-litml-step]").count()).toBe(STEPS.length);
    const expected = resultsByCell(path.join(inject("fixtureDir"), notebookName));
    const levelOf = (kind: string) => [...expected].filter(([, r]) => r.kind === kind).at(-1)![1].level;
    const steps: [string, string][] = [
      ["framing", "framing-card"],
      ["profile", "profile"],
      ["baselines", "baseline-comparison"],
      ["learning-curve", "learning-curve"],
      ["slices", "slices"],
      ["simpson", "simpson"],
      ["backtest", "backtest"],
      ["thresholds", "thresholds"],
    ];
    for (const [step, kind] of steps) {
      expect(await panel.locator(`[data-litml-step="${step}"]`).getAttribute("data-litml-level"), step).toBe(levelOf(kind));
    }
    expect(await panel.locator('[data-litml-step="profile"]').textContent()).toContain("3 results");
    // Every step the notebook has no result for, in the panel's order (later chapters add steps).
    const missing = STEPS.filter((s) => !steps.some(([id]) => id === s.id));
    expect(missing.map((s) => s.id).slice(0, 6)).toEqual(["test-set", "leakage", "fairness", "error-analysis", "outliers", "drift"]);
    for (const step of missing) {
      expect(await panel.locator(`[data-litml-step="${step.id}"]`).getAttribute("data-litml-level")).toBe("missing");
    }
    expect(await panel.locator(".litml-missing").textContent()).toBe(`Still missing: ${missing.map((s) => s.label).join(", ")}.`);

    const backtestCell = 2 + SIX_CHARTS.findIndex((source) => source.startsWith("%backtest"));
    for (const [step, cellIndex] of [["backtest", backtestCell], ["framing", 1]] as const) {
      await panel.locator(`[data-litml-step="${step}"] button`).click();
      const cell = notebookCell(page, cellIndex);
      await expect.poll(() => cell.getAttribute("class")).toContain("jp-mod-active");
      const viewport = (await page.locator(".jp-NotebookPanel-notebook").boundingBox())!;
      await expect
        .poll(async () => {
          const box = (await cell.boundingBox())!;
          return box.y >= viewport.y - 1 && box.y < viewport.y + viewport.height;
        })
        .toBe(true);
      if (step === "backtest") await page.screenshot({ path: screenshotPath("lab-workflow-panel") });
    }
  });

  it("follows the dark theme", async () => {
    const response = await fetch(`${server.base}/lab/api/settings/@jupyterlab/apputils-extension:themes`, {
      method: "PUT",
      headers: { Authorization: `token ${server.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ raw: JSON.stringify({ theme: "JupyterLab Dark" }) }),
    });
    expect(response.status).toBe(204);
    await lab.page.reload();
    await allChartsDrawn(lab);
    await expect.poll(() => lab.page.evaluate("document.body.dataset.jpThemeLight")).toBe("false");
    // Vega's dark theme draws axis labels light.
    const lightLabels = lab.page.locator('.litml-chart svg text[fill="#fff"], .litml-chart svg text[fill="#ffffff"]');
    await expect.poll(() => lightLabels.count()).toBeGreaterThan(0);
    await lab.page.screenshot({ path: screenshotPath("lab-dark") });
    expect(lab.errors).toEqual([]);
  });
});

describe("Notebook 7 with the litml extension", () => {
  it("draws the same results, charts and badges", async () => {
    const notebook = await openPage(browser, server.url(`/notebooks/${notebookName}`));
    await allChartsDrawn(notebook);
    expect(await notebook.page.locator(".litml-verdict .litml-level").count()).toBe(RESULTS - 1);
    await notebook.page.screenshot({ path: screenshotPath("notebook7-results") });
    expect(notebook.dialogs).toEqual([]);
  });
});
