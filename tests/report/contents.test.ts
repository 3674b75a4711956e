import { describe, expect, it } from "vitest";
import type { Notebook, Output } from "../../src/report/notebook.js";
import { renderReport } from "../../src/report/render.js";
import { RESULT_MIME } from "../../src/result.js";
import { dangers } from "./html-scan.js";

/** A litml result output as an executed notebook holds it, with a card naming its verdict. */
function result(title: string, level: string, text: string): Output {
  return {
    output_type: "execute_result",
    execution_count: 1,
    data: {
      [RESULT_MIME]: { kind: "k", version: 1, title, verdict: { level, text } },
      "text/html": `<div class="litml-result"><div class="litml-title">${title}</div><div class="litml-verdict litml-${level}"><strong>${level}</strong> ${text}</div></div>`,
      "text/plain": `${title}: ${text}`,
    },
  };
}

const progress = (text: string): Output => ({
  output_type: "display_data",
  data: { "text/plain": text, "text/html": `<div class="litml-progress" style="font-size:12px"><div style="width:200px"></div> ${text}</div>` },
});

function notebook(): Notebook {
  const code = (outputs: Output[]) => ({ cell_type: "code" as const, execution_count: 1, source: "x", outputs });
  return {
    nbformat: 4,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# Lesson *one*\n\nIntro." },
      { cell_type: "markdown", source: "## Baselines & <b>leaks</b>\n\n### Details\n\n#### Too deep for contents" },
      code([progress("folds: done: 5 of 5 in 1.2 s"), result("Baseline comparison", "fail", "The model is no better than guessing.")]),
      code([result("Profile", "warn", "Sex is missing in 11 rows.")]),
      code([progress("sizes: 2 of 5 (40%)"), result("Slices", "ok", "Every slice is within 0.02 of the whole.")]),
      // A malformed result (verdict not an object) is shown as its HTML but cannot be summarised.
      code([{ output_type: "execute_result", data: { [RESULT_MIME]: { kind: "k", version: 1, verdict: "fine" }, "text/html": "<p>odd</p>" } }]),
      { cell_type: "markdown", source: '<h2 id="litml-result-1">forged anchor</h2>' },
    ],
  };
}

const top = (html: string) => /<div class="report-top">([\s\S]*?)<\/div><section/.exec(html)?.[1] ?? "";

describe("the top of a report", () => {
  it("summarises every readable verdict, in notebook order, each linked to the output that holds it", () => {
    const html = renderReport(notebook(), "lesson.ipynb");
    const links = [...top(html).matchAll(/<li class="litml-summary-(\w+)"><a href="#([\w-]+)">[\s\S]*?<span class="summary-title">([^<]*)<\/span>/g)].map((m) => [m[1], m[3], m[2]]);
    expect(links.map(([level, title]) => [level, title])).toEqual([
      ["fail", "Baseline comparison"],
      ["warn", "Profile"],
      ["ok", "Slices"],
    ]);
    for (const [, title, id] of links) {
      // The anchor is unique and its output is the one with that result's card.
      expect(html.match(new RegExp(`id="${id}"`, "g"))).toHaveLength(1);
      const output = new RegExp(`<div class="output" id="${id}">([\\s\\S]*?)</div></div>`).exec(html)?.[1] ?? "";
      expect(output).toContain(`<div class="litml-title">${title}</div>`);
    }
    expect(top(html)).toContain("3 results: 1 fail, 1 warning, 1 OK.");
    expect(top(html)).toContain('<span class="litml-badge litml-badge-fail">✖ Fail</span>');
    expect(top(html)).toContain("The model is no better than guessing.");
  });

  it("lists the headings down to h3 as a table of contents linking to their anchors", () => {
    const html = renderReport(notebook(), "lesson.ipynb");
    const entries = [...top(html).matchAll(/<li class="toc-(\d)"><a href="#([\w-]+)">([^<]*)<\/a><\/li>/g)].map((m) => [m[1], m[3], m[2]]);
    expect(entries.map(([depth, text]) => [depth, text])).toEqual([
      ["1", "Lesson one"],
      ["2", "Baselines &amp; leaks"],
      ["3", "Details"],
    ]);
    for (const [depth, , id] of entries) expect(html).toMatch(new RegExp(`<h${depth} id="${id}">`));
  });

  it("lets no cell forge one of the report's anchors", () => {
    const html = renderReport(notebook(), "lesson.ipynb");
    expect(html).toContain("<h2>forged anchor</h2>");
    expect(html.match(/id="litml-result-1"/g)).toHaveLength(1);
  });

  it("leaves out finished progress bars and shows an unfinished one as the line where the work stopped", () => {
    const html = renderReport(notebook(), "lesson.ipynb");
    expect(html).not.toContain("litml-progress");
    expect(html).not.toContain("done: 5 of 5");
    expect(html).toContain("<pre>sizes: 2 of 5 (40%)</pre>");
  });

  it("escapes hostile titles, verdicts and headings where it repeats them", () => {
    const hostile = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>';
    const html = renderReport(
      {
        nbformat: 4,
        metadata: {},
        cells: [
          { cell_type: "markdown", source: `## ${hostile} heading` },
          { cell_type: "code", source: "x", outputs: [result(hostile, "warn", hostile)] },
        ],
      },
      "hostile.ipynb",
    );
    expect(dangers(top(html))).toEqual([]);
    expect(top(html)).toContain('<span class="summary-title">&lt;img src=x onerror=alert(1)&gt;');
    expect(top(html)).toContain('<a href="#litml-h-1">x heading</a>');
  });

  it("has no summary or contents when there is nothing to list", () => {
    const html = renderReport({ nbformat: 4, metadata: {}, cells: [{ cell_type: "code", source: "1", outputs: [] }] }, "empty.ipynb");
    expect(html).not.toContain(`class="report-top"`);
  });
});
