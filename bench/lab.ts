/**
 * Time from opening an executed six-chart notebook in JupyterLab to all six charts drawn by
 * litml's extension (vega-embed, interactive), beside the same notebook whose results are
 * plain PNG images. Run by bench/run.mjs through vite-node (it reuses the browser tests'
 * TypeScript helpers). Prints one BENCH line; the fastest of several openings each side.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../tests/browser/chromium.js";
import { SIX_CHARTS, executeNotebook, notebookOf } from "../tests/browser/fixture.js";
import { startJupyter } from "../tests/browser/jupyter-server.js";
import { svgToPng } from "../src/display/png.js";
import { svgImages } from "../src/display/svg-image.js";
import { RESULT_MIME } from "../src/result.js";
import type { Notebook } from "../src/report/notebook.js";

const OPENINGS = 5;

/** The same executed notebook with each result reduced to its chart as a PNG (what a plain image viewer gets). */
function withPlainImages(executed: string, target: string): void {
  const notebook = JSON.parse(readFileSync(executed, "utf8")) as Notebook;
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      if (!output.data?.[RESULT_MIME]) continue;
      const [svg] = svgImages(String(output.data["text/html"]));
      output.data = { "image/png": svgToPng(svg).toString("base64"), "text/plain": output.data["text/plain"] };
    }
  }
  writeFileSync(target, JSON.stringify(notebook, null, 1));
}

const CHARTS_DRAWN = `document.querySelectorAll('.litml-chart[data-litml-drawn="true"]').length === ${SIX_CHARTS.length}`;
const IMAGES_DRAWN = `[...document.querySelectorAll(".jp-RenderedImage img")].filter((img) => img.complete && img.naturalWidth > 0).length === ${SIX_CHARTS.length}`;

const dir = mkdtempSync(path.join(os.tmpdir(), "litml-bench-lab-"));
const { executed } = executeNotebook(dir, "six-charts", notebookOf("# Six charts", SIX_CHARTS));
withPlainImages(executed, path.join(dir, "six-images.ipynb"));
const [server, browser] = await Promise.all([startJupyter(dir, { labExtension: true }), launchChromium()]);
try {
  const fastestOpening = async (notebook: string, drawn: string): Promise<number> => {
    let fastest = Infinity;
    for (let opening = 0; opening < OPENINGS; opening++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const began = performance.now();
      await page.goto(server.url(`/lab/tree/${notebook}`));
      await page.waitForFunction(drawn, undefined, { timeout: 120_000, polling: "raf" });
      fastest = Math.min(fastest, (performance.now() - began) / 1000);
      await context.close();
    }
    return fastest;
  };
  const interactive = await fastestOpening("six-charts.ipynb", CHARTS_DRAWN);
  const images = await fastestOpening("six-images.ipynb", IMAGES_DRAWN);
  console.log(
    `BENCH lab-open-six-charts litml=${interactive.toFixed(4)} reference=${images.toFixed(4)} ratio=${(interactive / images).toFixed(3)}` +
      `  # JupyterLab page load to six interactive charts drawn vs the same results as PNG images; fastest of ${OPENINGS}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
