import { describe, expect, it } from "vitest";
import * as litml from "../../src/index.js";
import { profile } from "../../src/frame/profile/index.js";
import { inlineSvgImages } from "../../src/display/svg-image.js";
import { thresholds } from "../../src/evaluate/thresholds/index.js";
import type { Notebook } from "../../src/report/notebook.js";
import { renderReport } from "../../src/report/render.js";
import { safeStyle, sanitizeHtml } from "../../src/report/sanitize.js";
import { RESULT_MIME } from "../../src/result.js";
import { dangers, decodeEntities, tags } from "./html-scan.js";
import { PAYLOADS } from "./payloads.js";

const display = (value: object) => (value as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();

describe("the scanner the sanitizer is judged by", () => {
  // A scanner that finds nothing would let every test below pass.
  it.each(PAYLOADS.filter((p) => p.scanned !== false).map((p) => [p.name, p.html]))("flags the raw payload: %s", (_name, html) => {
    expect(dangers(html)).not.toEqual([]);
  });
});

describe("sanitizeHtml on hostile HTML", () => {
  it.each(PAYLOADS.map((p) => [p.name, p]))("%s: nothing that runs or loads is left, the harmless part is", (_name, payload) => {
    const out = sanitizeHtml(payload.html);
    expect(dangers(out)).toEqual([]);
    if (payload.keep !== undefined) expect(out).toContain(payload.keep);
  });

  it("removes litml- ids and the live-chart hook that the report's own script looks up", () => {
    const out = sanitizeHtml('<div id="litml-spec-1" data-litml-spec="litml-spec-1">spoof</div><p id="mine">ok</p>');
    expect(out).toBe('<div>spoof</div><p id="mine">ok</p>');
    expect(sanitizeHtml('<h2 id="litml-h-1">x</h2>', { ownIds: new Set(["litml-h-1"]) })).toBe('<h2 id="litml-h-1">x</h2>');
  });

  it("keeps only the style declarations that can neither load nor run", () => {
    expect(safeStyle("color: red; background: url(https://e.example/a.png); border: 1px solid rgb(1, 2, 3)")).toBe("color: red;border: 1px solid rgb(1, 2, 3)");
    expect(safeStyle("width: expression(alert(1))")).toBe("");
    expect(safeStyle("background: image-set('https://e.example/a.png' 1x)")).toBe("");
    expect(safeStyle("background: u\\72l(x)")).toBe("");
    expect(safeStyle("background: ur/**/l(x)")).toBe("");
    expect(safeStyle("position: fixed; top: 0")).toBe("top: 0");
    expect(safeStyle("font-family: 'DejaVu Sans', sans-serif; width: calc(100% - 2px)")).toBe("font-family: 'DejaVu Sans', sans-serif;width: calc(100% - 2px)");
  });

  it("turns images that would load from anywhere but the page itself into links, and keeps inline ones", () => {
    expect(sanitizeHtml('<img src="https://e.example/a.png" alt="chart">')).toBe('<a href="https://e.example/a.png">[image: chart]</a>');
    expect(sanitizeHtml('<img src="figure.png">')).toBe('<a href="figure.png">[image: figure.png]</a>');
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA" alt="inline">')).toContain('<img src="data:image/png;base64,AAAA" alt="inline"');
    expect(sanitizeHtml('<img src="data:text/html;base64,AAAA" alt="page">')).toBe("<a>[image: page]</a>");
    // The text around a replaced image stays where it was.
    expect(sanitizeHtml('<p>a <img src="https://e.example/x.png" alt="i"> b <img src=y> c</p><p>next</p>')).toBe('<p>a <a href="https://e.example/x.png">[image: i]</a> b <a href="y">[image: y]</a> c</p><p>next</p>');
  });
});

/** Tag names and entity-decoded attributes, in order, for comparing HTML up to serialisation. */
function structure(html: string): string[] {
  return tags(html).map((tag) => {
    const attributes = tag.attributes.map(({ name, value }) => {
      // The style passes through a CSS parser: compare declarations, not spacing.
      const normal = name === "style" ? value.split(";").map((d) => d.replace(/\s+/g, "")).filter(Boolean).join(";") : value;
      return `${name}=${normal}`;
    });
    return `${tag.name} ${attributes.sort().join(" ")}`;
  });
}

const text = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ""));

describe("litml's own result HTML", () => {
  it.each([
    ["profile", async () => display(await profile("penguins"))],
    ["thresholds (a chart with a slider)", async () => display(await thresholds(Array.from({ length: 200 }, (_, i) => ({ x: (i % 20) / 10 + (i % 7) / 7, label: i % 5 === 0 ? "rare" : "common" })), { target: "label" }))],
    // Other marks, legends and layouts: bars with error rules, points, layered and faceted charts.
    ["drift", async () => display(await litml.drift("penguins", "penguins"))],
    ["outliers", async () => display(await litml.outliers("penguins", { target: "Species" }))],
    ["leakage", async () => display(await litml.leakage("penguins", { target: "Species" }))],
  ])("comes through the sanitizer intact: %s", async (_name, make) => {
    const html = inlineSvgImages((await make())["text/html"] as string);
    const out = sanitizeHtml(html);
    expect(structure(out)).toEqual(structure(html));
    expect(text(out)).toBe(text(html));
    expect(out).toMatch(/<svg [^>]*class="marks"/);
    expect(out).toMatch(/<div class="litml-verdict litml-\w+" role="status" style="[^"]*border-left:6px solid #/);
  }, 60_000);

  it("keeps the chart as an image where it travels as a data:image/svg+xml <img>", async () => {
    const html = (display(await profile("penguins")))["text/html"] as string;
    const out = sanitizeHtml(html);
    expect(out).toMatch(/<img class="litml-chart-image" alt="[^"]+" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]{1000,}"/);
  });
});

describe("a report built from hostile cells", () => {
  const markdownLinks = "[js](javascript:alert(1)) [js2](JAVASCRIPT:alert(1)) ![remote](https://evil.example/x.png) <javascript:alert(1)>";
  const notebook = (): Notebook => ({
    nbformat: 4,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: `# Hostile\n\n${markdownLinks}` },
      ...PAYLOADS.map((p) => ({ cell_type: "markdown" as const, source: `## ${p.name}\n\n${p.html}\n` })),
      {
        cell_type: "code",
        execution_count: 1,
        source: "hostile()",
        outputs: PAYLOADS.flatMap((p) => [
          { output_type: "display_data" as const, data: { "text/html": p.html } },
          { output_type: "display_data" as const, data: { "text/markdown": p.html } },
          { output_type: "display_data" as const, data: { "image/svg+xml": `<svg width="10">${p.html}</svg>` } },
          // A hand-edited notebook can forge a litml result; its HTML is not trusted either.
          { output_type: "execute_result" as const, data: { [RESULT_MIME]: { kind: "x", version: 1, verdict: { level: "ok", text: p.name } }, "text/html": p.html } },
        ]),
      },
    ],
  });

  it("leaves nothing in the file that runs, navigates or loads, whatever the policy meta tag does", () => {
    const html = renderReport(notebook(), "hostile.ipynb");
    // The page's own head: charset, viewport and policy metas, one stylesheet; no script at all.
    expect(dangers(html, { meta: 3, style: 1 })).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/http-equiv="refresh"/i);
    expect(html).not.toMatch(/data-litml-spec/);
    expect(html).not.toMatch(/style="[^"]*position/);
    expect(html.match(/id="litml-spec-1"/g)).toBeNull();
    // And the harmless parts of the cells are still there to read.
    for (const p of PAYLOADS) if (p.keep) expect(html).toContain(p.keep);
  });

  it("keeps the policy as a second wall, with base-uri and form-action closed", () => {
    const html = renderReport(notebook(), "hostile.ipynb");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
  });
});
