import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERDICT_THEMES } from "../../src/display/levels.js";
import { contrastRatio } from "../report/contrast.js";

const css = readFileSync("kernel-ext/lab/style/index.css", "utf8");

/** The value a CSS rule whose selector ends with `selector` gives `property`. */
function declared(selector: string, property: string): string {
  const rule = new RegExp(`(^|\\n)${selector.replace(/[.[\]"=()]/g, "\\$&")}\\s*\\{([^}]*)\\}`).exec(css);
  const value = rule && new RegExp(`${property}:\\s*([^;]+);`).exec(rule[2]);
  if (!value) throw new Error(`no ${property} for ${selector} in the lab extension's CSS`);
  return value[1].trim();
}

describe("the lab extension's verdict badges", () => {
  it("are the verdict theme's colours, each at least 4.5:1 against the badge's text, light and dark", () => {
    const dark = 'body[data-jp-theme-light="false"]';
    for (const level of ["ok", "warn", "fail"] as const) {
      const light = declared(`.litml-level-${level}`, "--litml-badge-color");
      const night = declared(`${dark} .litml-level-${level}`, "--litml-badge-color");
      expect(light.toUpperCase()).toBe(VERDICT_THEMES.light[level].toUpperCase());
      expect(night.toUpperCase()).toBe(VERDICT_THEMES.dark[level].toUpperCase());
      expect(contrastRatio(light, declared(".litml-badge", "color")), `${level} light`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(night, declared(`${dark} .litml-badge`, "color")), `${level} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("the labelling widget's buttons", () => {
  it("keep at least 4.5:1 between text and fill, light and dark", () => {
    const dark = 'body[data-jp-theme-light="false"]';
    for (const button of [".litml-labeler-class", ".litml-labeler-skip"]) {
      expect(contrastRatio(declared(button, "color"), declared(button, "background")), `${button} light`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(declared(`${dark} ${button}`, "color"), declared(`${dark} ${button}`, "background")), `${button} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
