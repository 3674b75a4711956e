import { describe, expect, it } from "vitest";
import { minimumChartWidth, readableSvgs } from "../../src/report/readable-svg.js";

describe("readableSvgs", () => {
  it("lets a chart shrink only until its smallest text is 9 px", () => {
    // 900 px wide, smallest text 11 px: at 900 × 9/11 = 736.4 px that text is 9 px.
    const svg = '<svg class="marks" width="900" height="200"><text font-size="14px">t</text><text font-size="11px">a</text></svg>';
    expect(readableSvgs(svg)).toBe('<svg class="marks" width="900" height="200" style="min-width:737px"><text font-size="14px">t</text><text font-size="11px">a</text></svg>');
  });

  it("reads sizes from style too, keeps an existing style, and never asks for more than the chart's own width", () => {
    expect(minimumChartWidth(' width="300"', '<text style="font-size: 6px">a</text>')).toBe(300);
    expect(readableSvgs('<svg width="100" style="color:red"><text font-size="18">a</text></svg>')).toBe('<svg width="100" style="color:red;min-width:50px"><text font-size="18">a</text></svg>');
  });

  it("leaves an SVG without text or width alone", () => {
    const svg = '<svg viewBox="0 0 4 4"><rect width="4" height="4"></rect></svg>';
    expect(readableSvgs(svg)).toBe(svg);
  });
});
