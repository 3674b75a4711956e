import { describe, expect, it } from "vitest";
import { verdictHtml } from "../../src/display/html.js";
import { VERDICT_THEMES } from "../../src/display/levels.js";
import { CSS } from "../../src/report/style.js";
import { contrastRatio } from "./contrast.js";

const LEVELS = ["ok", "warn", "fail"] as const;

describe("contrastRatio", () => {
  // Reference values from the WCAG 2.1 definition (black on white is 21:1; #767676 is the
  // lightest grey that passes 4.5:1 on white, #777777 just fails).
  it("matches WCAG's published values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 6);
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("rgb(0, 0, 0)", "#fff")).toBeCloseTo(21, 6);
  });
});

describe("verdict badge colours", () => {
  for (const scheme of ["light", "dark"] as const) {
    const theme = VERDICT_THEMES[scheme];
    for (const level of LEVELS) {
      for (const surface of ["card", "page"] as const) {
        it(`${scheme}: ${level} text on the ${surface} has at least 4.5:1`, () => {
          expect(contrastRatio(theme[level], theme[surface])).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
    it(`${scheme}: the verdict's own text on its card has at least 4.5:1`, () => {
      expect(contrastRatio(theme.ink, theme.card)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("are the colours the notebook card is drawn with", () => {
    for (const level of LEVELS) {
      const html = verdictHtml(level, "x");
      expect(html).toContain(`<strong style="color:${VERDICT_THEMES.light[level]}">`);
      expect(html).toContain(`background:${VERDICT_THEMES.light.card};color:${VERDICT_THEMES.light.ink}`);
    }
  });

  it("are the colours of the report's light and dark schemes", () => {
    const [light, dark] = CSS.split("@media (prefers-color-scheme: dark)");
    for (const [block, theme] of [[light, VERDICT_THEMES.light], [dark.slice(0, dark.indexOf("}\n}") + 3), VERDICT_THEMES.dark]] as const) {
      for (const key of ["page", "card", "ink", ...LEVELS] as const) expect(block).toContain(`--${key}: ${theme[key]};`);
    }
    for (const level of LEVELS) expect(CSS).toMatch(new RegExp(`\\.litml-badge-${level}, \\.litml-verdict\\.litml-${level} strong \\{ color: var\\(--${level}\\) !important; \\}`));
  });
});
