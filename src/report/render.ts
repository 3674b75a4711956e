/**
 * An executed notebook as one self-contained HTML report: a verdict summary and contents at
 * the top, then markdown, code and outputs (litml results as verdict cards with inline SVG
 * charts), readable with JavaScript off, charts with a slider drawn live when it is on, and
 * a footer stamp to reproduce it. Every piece of HTML from the notebook is sanitized.
 */
import { inlineSvgImages } from "../display/svg-image.js";
import { RESULT_MIME } from "../result.js";
import { escapeHtml } from "../util/escape.js";
import { contentsHtml, verdictEntry, type VerdictEntry } from "./contents.js";
import { interactiveHolder, isInteractive, vegaRuntime } from "./interactive.js";
import { markdownRenderer } from "./markdown.js";
import { joinSource, type Notebook, type Output } from "./notebook.js";
import { readableSvgs } from "./readable-svg.js";
import { sanitizeHtml, stripAnsi } from "./sanitize.js";
import { collectStamp, type Stamp } from "./stamp.js";
import { page } from "./template.js";

const STATIC_CHART = /<div class="litml-chart">(<svg[\s\S]*?<\/svg>)<\/div>/;

export function renderReport(notebook: Notebook, name: string): string {
  const title = reportTitle(notebook, name);
  const markdown = markdownRenderer();
  const verdicts: VerdictEntry[] = [];
  let interactiveCharts = 0;
  let results = 0;
  const renderOutput = (output: Output): string => {
    const html = renderOutputStatic(output, markdown.render);
    if (html === "") return "";
    const json = output.data?.[RESULT_MIME];
    if (json === undefined) return wrapOutput(html);
    const id = `litml-result-${++results}`;
    const entry = verdictEntry(id, json);
    if (entry) verdicts.push(entry);
    const chart = (json as { chart?: unknown } | null)?.chart;
    if (!isInteractive(chart)) return wrapOutput(html, id);
    // Only the chart goes live; the verdict, notes and table around it stay as they are.
    const live = html.replace(STATIC_CHART, (_, svg: string) => `<div class="litml-chart">${interactiveHolder(`litml-spec-${++interactiveCharts}`, chart, svg)}</div>`);
    return wrapOutput(live, id);
  };
  const cells = notebook.cells.map((cell) => {
    const source = joinSource(cell.source);
    if (cell.cell_type === "markdown") return `<section class="cell markdown">${markdown.render(source)}</section>`;
    if (cell.cell_type === "raw") return `<section class="cell raw"><pre>${escapeHtml(source)}</pre></section>`;
    const prompt = cell.execution_count == null ? "[ ]" : `[${cell.execution_count}]`;
    const outputs = (cell.outputs ?? []).map(renderOutput).filter((html) => html !== "");
    return (
      `<section class="cell code-cell">` +
      `<div class="code source"><div class="prompt">In ${prompt}</div><pre><code class="language-typescript">${escapeHtml(source)}</code></pre></div>` +
      outputs.join("") +
      `</section>`
    );
  });
  const header = `<header class="report"><p class="kicker">litml report · ${escapeHtml(name)}</p></header>`;
  const top = contentsHtml(markdown.headings, verdicts);
  return page(title, header + top + cells.join("\n"), renderStamp(collectStamp(notebook)), interactiveCharts > 0 ? vegaRuntime() : undefined);
}

function wrapOutput(html: string, id?: string): string {
  const anchor = id ? ` id="${id}"` : "";
  return `<div class="code"><div class="prompt"></div><div class="output"${anchor}>${html}</div></div>`;
}

/** One output as HTML that reads without JavaScript (reports and slides show outputs alike). */
export function renderOutputStatic(output: Output, markdown: (source: string) => string): string {
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
      return renderBundle(output.data ?? {}, markdown);
  }
}

const PROGRESS = /^\s*<div class="litml-progress"/;

/** Richest representation that reads without JavaScript, in this order. */
function renderBundle(data: Record<string, unknown>, markdown: (source: string) => string): string {
  const text = (mime: string) => joinSource(data[mime] as string | string[] | undefined);
  const plain = () => `<pre>${escapeHtml(stripAnsi(text("text/plain")))}</pre>`;
  if (PROGRESS.test(text("text/html"))) {
    // A finished bar says nothing once the page is static; an unfinished one says where the work stopped.
    return /: done: /.test(text("text/plain")) ? "" : plain();
  }
  if (data[RESULT_MIME] !== undefined && data["text/html"] !== undefined) return readableSvgs(sanitizeHtml(inlineSvgImages(text("text/html"))));
  if (data["image/svg+xml"] !== undefined) return `<div class="litml-chart">${readableSvgs(sanitizeHtml(text("image/svg+xml")))}</div>`;
  if (data["image/png"] !== undefined) return `<img alt="chart" src="data:image/png;base64,${escapeHtml(text("image/png").trim())}">`;
  if (data["text/html"] !== undefined) return readableSvgs(sanitizeHtml(text("text/html")));
  if (data["text/markdown"] !== undefined) return markdown(text("text/markdown"));
  if (data["text/plain"] !== undefined) return plain();
  return "";
}

/** The notebook's first top-level heading, else its name. */
export function reportTitle(notebook: Notebook, name: string): string {
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
