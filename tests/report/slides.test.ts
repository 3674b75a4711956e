import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { profile } from "../../src/frame/profile/index.js";
import type { Notebook } from "../../src/report/notebook.js";
import { renderSlides } from "../../src/report/slides.js";

const display = (value: object) => (value as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();

async function lesson(): Promise<Notebook> {
  return {
    nbformat: 4,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# Penguins\nA first look." },
      { cell_type: "markdown", source: "## The profile\nWhat is missing?" },
      {
        cell_type: "code",
        execution_count: 1,
        source: "%profile penguins",
        outputs: [
          { output_type: "stream", name: "stdout", text: "a log line nobody needs on a slide\n" },
          { output_type: "execute_result", execution_count: 1, data: display(await profile("penguins")) },
        ],
      },
      { cell_type: "markdown", source: "Still the same slide: no heading here." },
      { cell_type: "markdown", source: "### A detail\nA third-level heading stays on its slide." },
      { cell_type: "markdown", source: "## <img src=x onerror=alert(1)> Next" },
    ],
  };
}

describe("slides", () => {
  it("makes one slide per # and ## heading, with the results as reports show them and no logs", async () => {
    const { html, slides } = renderSlides(await lesson(), "penguins.ipynb");
    expect(slides).toBe(3);
    expect(html.match(/<section>/g)).toHaveLength(3);
    const second = html.split("<section>")[2];
    expect(second).toContain("The profile");
    expect(second).toContain("litml-verdict");
    expect(second).toContain("Still the same slide");
    expect(second).toContain("A third-level heading stays on its slide");
    expect(second).toMatch(/<svg[\s\S]*class="marks"/);
    const body = html.slice(html.indexOf('<div class="slides">'), html.indexOf("<script>"));
    expect(body).not.toContain("a log line nobody needs");
    expect(body).not.toMatch(/<img[^>]*onerror/);
    expect(body).toMatch(/<h2[^>]*>.*Next<\/h2>/);
  });

  it("opens offline: reveal.js inlined and admitted by its hash, no font or script from the network", async () => {
    const { html } = renderSlides(await lesson(), "penguins.ipynb");
    expect(html).not.toMatch(/@import/);
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("Reveal.initialize");
    const hash = `sha256-${createHash("sha256").update(scripts[0]).digest("base64")}`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain(`script-src '${hash}'`);
    expect(csp).toContain("default-src 'none'");
  });
});
