import { describe, expect, it } from "vitest";
import { completeMagic, type CompletionContext, inspectMagic } from "../../kernel-ext/magics/complete.js";

const context: CompletionContext = {
  variables: ["penguins", "flights"],
  datasets: ["penguins", "cars", "seattle-weather"],
  models: ["logistic", "gbdt", "tree"],
  metrics: ["accuracy", "roc-auc"],
  columnsOf: (word) => (word === "penguins" ? ["Species", "Island", "Beak Length (mm)"] : undefined),
};

const complete = (code: string, cursor = code.length) => completeMagic(code, cursor, context);

describe("completion inside magics", () => {
  it("completes magic names, then options not yet given", () => {
    expect(complete("%sl")).toEqual({ matches: ["slices"], start: 1, end: 3 });
    expect(complete("const r = %base")?.matches).toEqual(["baseline"]);
    const options = complete("%baseline penguins --target Species --")!;
    expect(options.matches).toContain("--model");
    expect(options.matches).not.toContain("--target");
    expect(options.start).toBe("%baseline penguins --target Species ".length);
  });

  it("completes data, column names of the data named, models, metrics and choices", () => {
    expect(complete("%profile pe")?.matches).toEqual(["penguins"]);
    expect(complete("%baseline penguins --target ")?.matches).toEqual(["Species", "Island", '"Beak Length (mm)"']);
    expect(complete("%baseline penguins --target Is")?.matches).toEqual(["Island"]);
    expect(complete("%slices penguins --target Species --by I")?.matches).toEqual(["Island"]);
    expect(complete("%baseline penguins --model g")?.matches).toEqual(["gbdt"]);
    expect(complete("%baseline penguins --metric r")?.matches).toEqual(["roc-auc"]);
    // Columns of data that is not a loaded variable are not guessed.
    expect(complete("%baseline cars --target ")).toBeUndefined();
  });

  it("leaves everything outside a magic to TypeScript completion", () => {
    expect(complete("const x = penguins.")).toBeUndefined();
    expect(complete("%baseline penguins\nconst y = pen")).toBeUndefined();
  });

  it("Shift-Tab on a magic shows its help", () => {
    expect(inspectMagic("%slices penguins --by Island", 4)).toMatch(/^%slices DATA/);
    expect(inspectMagic("const a = 1", 3)).toBeUndefined();
  });
});
