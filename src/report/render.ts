/**
 * An executed notebook as one self-contained HTML report: markdown, code, outputs
 * (litml results as verdict cards with inline SVG charts), readable with JavaScript
 * off, charts with a slider drawn live when it is on, and a footer stamp to reproduce it.
 */
import { Marked } from "marked";
import { inlineSvgImages } from "../display/svg-image.js";
import { RESULT_MIME } from "../result.js";
import { escapeHtml } from "../util/escape.js";
import { joinSource, type Notebook, type Output } from "./notebook.js";
import { offlineHtml, stripAnsi } from "./sanitize.js";
import { interactiveHolder, isInteractive, vegaRuntime } from "./interactive.js";
import { collectStamp, type Stamp } from "./stamp.js";
import { page } from "./template.js";

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // A remote image would be fetched when the report opens; link to it instead.
    image({ href, text }) {
      if (/^(https?:)?\/\//i.test(href)) return `<a href="${escapeHtml(href)}">[image: ${escapeHtml(text || href)}]</a>`;
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`;
    },
  },
});

const STATIC_CHART = /<div class="litml-chart">(<svg[\s\S]*?<\/svg>)<\/div>/;

export function renderReport(notebook: Notebook, name: string): string {
  const title = reportTitle(notebook, name);
  let interactiveCharts = 0;
  const renderOutput = (output: Output): string => {
    const html = renderOutputStatic(output);
    const chart = (output.data?.[RESULT_MIME] as { chart?: unknown } | undefined)?.chart;
    if (!isInteractive(chart)) return html;
    // Only the chart goes live; the verdict, notes and table around it stay as they are.
    return html.replace(STATIC_CHART, (_, svg: string) => `<div class="litml-chart">${interactiveHolder(`litml-spec-${++interactiveCharts}`, chart, svg)}</div>`);
  };
  const cells = notebook.cells.map((cell) => {
    const source = joinSource(cell.source);
    if (cell.cell_type === "markdown") {
      return `<section class="cell markdown">${offlineHtml(markdown.parse(source) as string)}</section>`;
    }
    if (cell.cell_type === "raw") return `<section class="cell raw"><pre>${escapeHtml(source)}</pre></section>`;
    const prompt = cell.execution_count == null ? "[ ]" : `[${cell.execution_count}]`;
    const outputs = (cell.outputs ?? []).map(renderOutput).filter((html) => html !== "");
    return (
      `<section class="cell code-cell">` +
      `<div class="code source"><div class="prompt">In ${prompt}</div><pre><code class="language-typescript">${escapeHtml(source)}</code></pre></div>` +
      outputs.map((html) => `<div class="code"><div class="prompt"></div><div class="output">${html}</div></div>`).join("") +
      `</section>`
    );
  });
  const header = `<header class="report"><p class="kicker">litml report · ${escapeHtml(name)}</p></header>`;
  return page(title, header + cells.join("\n"), renderStamp(collectStamp(notebook)), interactiveCharts > 0 ? vegaRuntime() : undefined);
}

function renderOutputStatic(output: Output): string {
  switch (output.output_type) {
    case "stream": {
      const stream = output.name === "stderr" ? "stderr" : "stdout";
      return `<div class="stream ${stream}"><pre>${escapeHtml(stripAnsi(joinSource(output.text)))}</pre></div>`;
    }
    case "error": {
      const traceback = (output.traceback ?? [`${output.ename}: ${output.evalue}`]).map(stripAnsi).join("\n");
      return `<div class="error"><pre>${escapeHtml(traceback)}</pre></div>`;
    }
    case "display_data":
    case "execute_result":
    case "update_display_data":
      return renderBundle(output.data ?? {});
  }
}

/** Richest representation that reads without JavaScript, in this order. */
function renderBundle(data: Record<string, unknown>): string {
  const text = (mime: string) => joinSource(data[mime] as string | string[] | undefined);
  if (data[RESULT_MIME] !== undefined && data["text/html"] !== undefined) return offlineHtml(inlineSvgImages(text("text/html")));
  if (data["image/svg+xml"] !== undefined) return offlineHtml(text("image/svg+xml"));
  if (data["image/png"] !== undefined) return `<img alt="chart" src="data:image/png;base64,${text("image/png").trim()}">`;
  if (data["text/html"] !== undefined) return offlineHtml(text("text/html"));
  if (data["text/markdown"] !== undefined) return offlineHtml(markdown.parse(text("text/markdown")) as string);
  if (data["text/plain"] !== undefined) return `<pre>${escapeHtml(stripAnsi(text("text/plain")))}</pre>`;
  return "";
}

function reportTitle(notebook: Notebook, name: string): string {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = /^#\s+(.+)$/m.exec(joinSource(cell.source));
    if (heading) return heading[1].trim();
  }
  return name;
}

function renderStamp(stamp: Stamp): string {
  const row = (label: string, value: string) => `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`;
  const versions = Object.entries(stamp.versions).map(([name, version]) => `${name} ${version}`).join(" · ");
  const rows = [row("Produced by", versions)];
  rows.push(row("Seeds", stamp.seeds.length ? stamp.seeds.join(", ") : "none (no randomised step in this notebook)"));
  const data = stamp.datasets.map((d) => `${d.name} (${d.rows} rows, sha256 ${d.hash})`).join("; ");
  rows.push(row("Data", data || "no litml result recorded its data"));
  if (stamp.executedSeconds !== undefined) rows.push(row("Executed in", `${stamp.executedSeconds} s`));
  return `<footer class="stamp"><table>${rows.join("")}</table></footer>`;
}
