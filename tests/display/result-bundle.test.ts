import { describe, expect, it } from "vitest";
import { profile } from "../../src/frame/profile/index.js";
import { chart } from "../../src/charts/chart.js";
import { RESULT_MIME } from "../../src/result.js";
import { svgToPng } from "../../src/display/png.js";
import { svgImages } from "../../src/display/svg-image.js";
import { renderSvg, renderSvgSync } from "../../src/display/svg.js";
import { createResult } from "../../src/result.js";

const display = (value: object) => (value as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();

const hostile = Array.from({ length: 30 }, (_, i) => ({
  "<img src=x onerror=alert(1)>": i % 3 === 0 ? null : i,
  "a.b[0]": i % 2 ? "x" : "<b>y</b>",
}));

describe("createResult", () => {
  it("is synchronous and draws nothing until the result is displayed", async () => {
    const spec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", description: "two bars", data: { values: [{ a: "x", b: 1 }, { a: "y", b: 2 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } };
    const result = createResult({ kind: "k", version: 1, title: "t", verdict: { level: "ok", text: "fine" }, chart: spec, data: {} });
    expect(result).not.toBeInstanceOf(Promise);
    expect(JSON.stringify(result.toJSON())).not.toContain("<svg");
    const html = display(result)["text/html"] as string;
    expect(svgImages(html)[0]).toBe(result.svg);
    // The synchronous renderer writes what vega's own asynchronous toSVG writes, title included.
    expect(result.svg).toBe(await renderSvg(spec));
    expect(renderSvgSync(spec)).toMatch(/^<svg[^>]*><title>two bars<\/title>/);
  });

  it("draws every chart the analyses make exactly as vega's toSVG does", async () => {
    const result = await profile("penguins");
    expect(renderSvgSync(result.chart!)).toBe(await renderSvg(result.chart!));
  });
});

describe("a result's MIME bundle", () => {
  it("carries the result JSON, script-free HTML with the chart as an SVG image, and plain text", async () => {
    const bundle = display(await profile("penguins"));
    expect(Object.keys(bundle).sort()).toEqual([RESULT_MIME, "text/html", "text/plain"].sort());
    const json = bundle[RESULT_MIME] as Record<string, unknown>;
    expect(json).toMatchObject({ kind: "profile", version: 1, verdict: { level: "warn" } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const html = bundle["text/html"] as string;
    // JupyterLab's sanitizer drops <svg> elements from untrusted HTML but keeps images.
    expect(html).not.toContain("<svg");
    const [chartSvg] = svgImages(html);
    expect(chartSvg).toMatch(/^<svg[\s\S]*class="marks"[\s\S]*<\/svg>$/);
    expect(html).toMatch(/<img class="litml-chart-image" alt="[^"]+" src="data:image\/svg\+xml;base64,/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("⚠ Warning");
    expect(bundle["text/plain"]).toMatch(/^Profile of "penguins"\n⚠ Warning: Biggest problem/);
  });

  it("stays under the 300 KB output budget", async () => {
    const bundle = display(await profile("penguins"));
    expect(JSON.stringify(bundle).length).toBeLessThan(300_000);
  });

  it("escapes user strings everywhere, including names Vega would read as paths", async () => {
    const result = await profile(hostile, { target: "a.b[0]" });
    const html = display(result)["text/html"] as string;
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>y</b>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html.match(/<img /g)).toHaveLength(1);
    // The chart draws the hostile names as values: the bar for the missing column is there.
    expect(result.svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const spec = JSON.stringify(result.chart);
    expect(spec).not.toContain('"field":"a.b[0]"');
  });
});

describe("chart", () => {
  it("draws a user spec over DATA as Vega-Lite v5 and SVG", async () => {
    const c = await chart(
      { description: "beaks", mark: "point", encoding: { x: { field: "Beak Length (mm)", type: "quantitative" }, y: { field: "Beak Depth (mm)", type: "quantitative" } } },
      "penguins",
    );
    const bundle = display(c);
    expect((bundle["application/vnd.vegalite.v5+json"] as Record<string, unknown>).$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const svg = bundle["image/svg+xml"] as string;
    expect(svg.match(/<path/g)!.length).toBeGreaterThan(300);
    expect(svg).toContain("<title>beaks</title>");
  });

  it("refuses raw data too large to chart, with advice", async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({ x: i }));
    await expect(chart({ mark: "point" }, rows)).rejects.toThrowError(/at most 5000 rows; aggregate or sample first/);
  });

  it("exports PNG for GitHub with resvg", async () => {
    const png = svgToPng((await profile("penguins")).svg!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
  });
});
