/**
 * The labelling widget in JupyterLab, in Debian's Chromium: run `litml.labeler` on penguins,
 * label ten rows (eight by clicking, two by number keys), see each saved and the batches and
 * running score follow, restart the kernel, and find the ten labels in the store. Without
 * the extension, the same call says how to label through the API.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, screenshotPath } from "./chromium.js";
import { notebookOf } from "./fixture.js";
import { startJupyter, type JupyterServer } from "./jupyter-server.js";
import { notebookCell, openPage, waitUntil } from "./pages.js";

const CLASSES = ["Adelie", "Chinstrap", "Gentoo"];
const LABELER = `const session = await litml.labeler("penguins", { target: "Species", classes: ${JSON.stringify(CLASSES)}, batch: 5 });`;
const SAVED = `JSON.stringify(litml.savedLabels("penguins").map((s) => s.label))`;

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "litml-labeler-"));
  // Labels of this file only: the kernel inherits the server's environment.
  process.env.LITML_STATE_DIR = path.join(dir, "state");
  writeFileSync(path.join(dir, "labeler.ipynb"), JSON.stringify(notebookOf("# Labelling", [LABELER, SAVED])));
  writeFileSync(path.join(dir, "fallback.ipynb"), JSON.stringify(notebookOf("# Labelling without the extension", [LABELER])));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits for the kernel to be idle (the status bar says so), then runs cell `index` (cells count the heading) with Shift+Enter. */
async function runCell(page: Page, index: number): Promise<void> {
  await waitUntil("the kernel to be idle", () => page.locator(".jp-StatusBar-Widget").allTextContents(), (texts) => texts.some((t) => /\| Idle/.test(t)), 120_000);
  const cell = notebookCell(page, index);
  await cell.locator(".jp-InputArea-editor").click();
  await page.keyboard.press("Shift+Enter");
  await waitUntil("the cell to start", () => cell.locator(".jp-InputPrompt").first().textContent(), (prompt) => /\[(\*|\d+)\]/.test(prompt ?? ""), 30_000);
}

describe("the labelling widget with the litml extension", () => {
  let server: JupyterServer;

  beforeAll(async () => {
    server = await startJupyter(dir, { labExtension: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("labels ten rows by clicking and keys, saves each, refits per batch, and the labels survive a kernel restart", { timeout: 300_000 }, async () => {
    const { page, dialogs, errors } = await openPage(browser, server.url("/lab/tree/labeler.ipynb"));
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60_000 });
    await runCell(page, 1);
    const widget = notebookCell(page, 1).locator(".litml-labeler");
    await widget.waitFor({ timeout: 120_000 });
    expect(await widget.getAttribute("data-litml-round")).toBe("1");
    expect(await widget.locator("tr[data-litml-row]").count()).toBe(5);
    expect(await widget.locator("th").allTextContents()).not.toContain("Species");
    expect(await widget.locator(".litml-labeler-score").textContent()).toMatch(/0 of 344 rows labelled · batch 1 · no model yet/);
    // The HTML fallback is not drawn beside the widget.
    expect(await notebookCell(page, 1).locator(".litml-labeler-fallback").count()).toBe(0);

    const given: string[] = [];
    for (let i = 0; i < 10; i++) {
      const round = i < 5 ? "1" : "2";
      await expect.poll(() => widget.getAttribute("data-litml-round"), { timeout: 60_000 }).toBe(round);
      const open = widget.locator("tr.litml-labeler-open");
      const row = await open.getAttribute("data-litml-row");
      const label = CLASSES[i % CLASSES.length];
      if (i < 8) {
        await open.locator(`button[data-litml-class="${label}"]`).click();
      } else {
        await notebookCell(page, 1).locator(".litml-output").press(String(CLASSES.indexOf(label) + 1));
      }
      given.push(label);
      if (i % 5 !== 4) {
        await expect.poll(() => widget.locator(`tr[data-litml-row="${row}"] .litml-labeler-saved`).textContent(), { timeout: 30_000 }).toBe(`saved: ${label}`);
      }
    }
    await expect.poll(() => widget.getAttribute("data-litml-round"), { timeout: 60_000 }).toBe("3");
    expect(await widget.locator(".litml-labeler-score").textContent()).toMatch(/10 of 344 rows labelled · batch 3 · out-of-fold accuracy \d\.\d{3} on 10 labels/);
    expect(await widget.locator(".litml-labeler-error").count()).toBe(0);
    // The notebook's own number shortcuts (markdown headings) did not fire: the cell is still code.
    expect(await notebookCell(page, 1).getAttribute("class")).toContain("jp-CodeCell");
    await page.screenshot({ path: screenshotPath("lab-labeler") });

    // Restart as a person does: Kernel ▸ Restart Kernel…, and confirm.
    await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Kernel$/ }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Restart Kernel…$/ }).click();
    await page.locator(".jp-Dialog .jp-mod-accept").click();
    // The widget hears of the restart: its session has ended, its buttons are off, its labels are saved.
    await expect.poll(() => widget.locator(".litml-labeler-error").textContent(), { timeout: 30_000 }).toMatch(/kernel closed this labelling session/);
    expect(await widget.locator("button:not([disabled])").count()).toBe(0);
    await runCell(page, 2);
    const output = notebookCell(page, 2).locator(".jp-OutputArea-output");
    const text = await waitUntil("the saved labels", async () => ((await output.count()) > 0 ? await output.first().textContent() : ""), (t) => (t ?? "").startsWith("["), 120_000);
    expect(JSON.parse(text!)).toEqual(given);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("the labelling widget without the litml extension", () => {
  let server: JupyterServer;

  beforeAll(async () => {
    server = await startJupyter(dir, { labExtension: false });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("says how to label through the API, with the rows to label", { timeout: 240_000 }, async () => {
    const { page, dialogs } = await openPage(browser, server.url("/lab/tree/fallback.ipynb"));
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60_000 });
    await runCell(page, 1);
    const fallback = notebookCell(page, 1).locator(".litml-labeler-fallback");
    await fallback.waitFor({ timeout: 120_000 });
    const text = (await fallback.textContent()) ?? "";
    expect(text).toContain("Without litml's JupyterLab extension");
    expect(text).toMatch(/await session\.label\(\d+, "Adelie"\)/);
    expect(text).toContain('litml.savedLabels("penguins")');
    expect(await fallback.locator("tbody tr").count()).toBe(5);
    expect(await page.locator(".litml-labeler").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("lab-labeler-without-extension") });
    expect(dialogs).toEqual([]);
  });
});
