import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { profile } from "../../src/frame/profile/index.js";
import { thresholds } from "../../src/evaluate/thresholds/index.js";
import { renderReport } from "../../src/report/render.js";
import type { Notebook } from "../../src/report/notebook.js";
import { sanitizeHtml } from "../../src/report/sanitize.js";

const display = (value: object) => (value as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();

/** Every remote URL that a page would load when opened (links are followed only on a click). */
function externalReferences(html: string): string[] {
  const tags = [...html.matchAll(/<([a-zA-Z][\w:-]*)\b[^>]*>/g)].filter((m) => m[1].toLowerCase() !== "a").map((m) => m[0]);
  const attributes = tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|href|srcset|poster|action|data|background|xlink:href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]));
  const urls = [...html.matchAll(/url\(\s*["']?([^)"']*)/gi)].map((m) => m[1]);
  return [...attributes, ...urls].filter((u) => /^(https?:)?\/\//i.test(u.trim()));
}

async function executedNotebook(): Promise<Notebook> {
  return {
    nbformat: 4,
    metadata: { litml: { executed: { seconds: 1.5 } } },
    cells: [
      { cell_type: "markdown", source: ["# My lesson\n", "Some *text* and ![remote](https://example.com/x.png)."] },
      {
        cell_type: "code",
        execution_count: 1,
        source: "%profile penguins",
        outputs: [{ output_type: "execute_result", execution_count: 1, data: display(await profile("penguins")) }],
      },
      {
        cell_type: "code",
        execution_count: 2,
        source: "console.log('<hi>')",
        outputs: [
          { output_type: "stream", name: "stdout", text: "<hi>\n" },
          { output_type: "display_data", data: { "text/html": '<script src="https://cdn.example.com/lib.js"></script><img src="https://example.com/a.png"><p style="background:url(https://e.com/b.png)">x</p>' } },
        ],
      },
      {
        cell_type: "code",
        execution_count: 3,
        source: "throw new Error('x')",
        outputs: [{ output_type: "error", ename: "Error", evalue: "x", traceback: ["\u001b[0;31mError\u001b[0m: x", "    at cell:1"] }],
      },
    ],
  };
}

describe("renderReport", () => {
  it("writes one self-contained page: no script, nothing from the network", async () => {
    const html = renderReport(await executedNotebook(), "lesson.ipynb");
    expect(html).not.toMatch(/<script/i);
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain("Content-Security-Policy");
  });

  it("shows markdown, code, verdict cards with inline SVG charts, streams and errors", async () => {
    const html = renderReport(await executedNotebook(), "lesson.ipynb");
    expect(html).toContain("<title>My lesson</title>");
    expect(html).toContain("<em>text</em>");
    expect(html).toContain("%profile penguins");
    expect(html).toContain("⚠ Warning");
    expect(html).toMatch(/<svg[^>]*class="marks"/);
    expect(html).toContain("&lt;hi&gt;");
    expect(html).toContain("Error: x");
    expect(html).not.toContain("\u001b[");
  });

  it("links to remote images in markdown instead of loading them", async () => {
    const html = renderReport(await executedNotebook(), "lesson.ipynb");
    expect(html).toContain("[image: remote]");
  });

  it("stamps versions, seeds and data hashes in the footer", async () => {
    const html = renderReport(await executedNotebook(), "lesson.ipynb");
    expect(html).toMatch(/litml \d+\.\d+\.\d+ · node [\d.]+ · tslab 1\.0\.22 · vega 5\.[\d.]+ · vega-lite 5\.[\d.]+/);
    expect(html).toMatch(/penguins \(344 rows, sha256 [0-9a-f]{16}\)/);
    expect(html).toContain("Executed in</td><td>1.5 s");
  });
});

describe("interactive charts in reports", () => {
  it("inline the Vega runtime once, admitted by its hash, only when a chart has a slider, and keep the static chart inside", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ x: (i % 20) / 10 + (i % 7) / 7, label: i % 5 === 0 ? "rare" : "common" }));
    const withSlider = display(await thresholds(rows, { target: "label" }));
    const cell = (data: Record<string, unknown>, n: number) => ({ cell_type: "code" as const, execution_count: n, source: "", outputs: [{ output_type: "execute_result" as const, execution_count: n, data }] });
    const notebook: Notebook = { nbformat: 4, metadata: {}, cells: [cell(withSlider, 1), cell(withSlider, 2)] };
    const html = renderReport(notebook, "slider.ipynb");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256").update(scripts[0][1]).digest("base64");
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toContain("unsafe-eval");
    expect(html.match(/class="litml-interactive"/g)).toHaveLength(2);
    expect(html.match(/<script type="application\/json" id="litml-spec-\d">/g)).toHaveLength(2);
    expect(html).toMatch(/<div class="litml-chart"><div class="litml-interactive" data-litml-spec="litml-spec-1"><svg/);
    expect(externalReferences(html)).toEqual([]);
    const plain = renderReport({ nbformat: 4, metadata: {}, cells: [cell(display(await profile("penguins")), 1)] }, "plain.ipynb");
    expect(plain).not.toMatch(/<script/);
    expect(plain).not.toContain("script-src");
  }, 60_000);
});

describe("sanitizeHtml", () => {
  it("drops scripts and remote references and keeps inline data", () => {
    const out = sanitizeHtml('<script>alert(1)</script><link rel="stylesheet" href="https://f.com/b.css"><img src="data:image/png;base64,AA"><a href="https://x.org/y">y</a><style>@import url(https://f.com/a.css);</style>');
    expect(out).not.toContain("<script");
    expect(out).toContain('src="data:image/png;base64,AA"');
    expect(externalReferences(out)).toEqual([]);
    expect(out).toContain('<a href="https://x.org/y">y</a>');
  });
});
