import { describe, expect, it } from "vitest";
import { computeProfile } from "../../src/frame/profile/compute.js";
import { profileChart } from "../../src/frame/profile/chart.js";
import { load } from "../../src/data/convert.js";
import { renderSvg } from "../../src/display/svg.js";

const data = computeProfile(await load("penguins"), "Species");

describe("profile chart", () => {
  it("matches its reviewed Vega-Lite snapshot", async () => {
    await expect(JSON.stringify(profileChart(data), null, 2)).toMatchFileSnapshot("__snapshots__/profile-chart.penguins.vl.json");
  });

  it("renders one bar per column and one per class", async () => {
    const svg = await renderSvg(profileChart(data));
    // Vega's SVG renderer puts each panel's bars in one rect mark group, one path per bar.
    const groups = svg.split(/<g class="mark-rect role-mark /).slice(1).map((g) => g.slice(0, g.indexOf("</g>")));
    expect(groups.length).toBe(2);
    expect(groups[0].match(/<path/g)!.length).toBe(7);
    expect(groups[1].match(/<path/g)!.length).toBe(3);
    expect(svg).toContain("Missing values per column");
    expect(svg).toContain("Class balance of Species");
  });
});
