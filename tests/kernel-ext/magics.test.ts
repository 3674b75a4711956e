import { describe, expect, it } from "vitest";
import { expandCell, type ExpandContext, expandMagic, helpText, lsmagicText, maskMagics } from "../../kernel-ext/magics/expand.js";
import { type MagicSpec } from "../../kernel-ext/magics/table.js";
import { tokenize } from "../../kernel-ext/magics/tokenize.js";
import { LitmlError } from "../../src/errors.js";

const noVariables = { isVariable: () => false };
const variables = (...names: string[]) => ({ isVariable: (name: string) => names.includes(name) });

// A magic with every kind of argument, to test the normalize phase on its own.
const demo: MagicSpec = {
  name: "demo",
  summary: "test magic",
  call: "demo",
  positional: [{ name: "DATA", kind: "data", help: "data" }],
  options: {
    target: { kind: "string", help: "a column" },
    folds: { kind: "number", help: "folds" },
    model: { kind: "strings", help: "models" },
    sizes: { kind: "numbers", help: "sizes" },
    stratify: { kind: "flag", help: "stratify" },
    "min-gain": { kind: "number", help: "gain" },
    window: { kind: "string", help: "window", choices: ["expanding", "sliding"] },
    params: { kind: "json", help: "params" },
  },
  example: "%demo x",
};

describe("tokenize", () => {
  it("splits shell-style words with quotes and escapes", () => {
    expect(tokenize(`a "b c" 'd "e"' f\\ g "h \\"i\\""`)).toEqual([
      { kind: "text", text: "a" },
      { kind: "text", text: "b c" },
      { kind: "text", text: 'd "e"' },
      { kind: "text", text: "f g" },
      { kind: "text", text: 'h "i"' },
    ]);
  });

  it("keeps {expressions} whole, with braces and strings inside", () => {
    expect(tokenize(`{ { a: "}" }.a } x`)).toEqual([
      { kind: "expr", code: ` { a: "}" }.a ` },
      { kind: "text", text: "x" },
    ]);
  });

  it("reports an unclosed quote or brace with its column", () => {
    expect(() => tokenize(`a "b`)).toThrowError(/double quote opened at column 3 is never closed/);
    expect(() => tokenize(`{ f(`, 10)).toThrowError(/opened with \{ at column 11/);
  });
});

describe("expandMagic", () => {
  const expand = (args: string, context: ExpandContext = noVariables) => expandMagic(demo, args, undefined, context);

  it("expands to one awaited API call with camelCased options", () => {
    expect(expand(`penguins --target "Beak Length (mm)" --folds 5 --model logistic,gbdt --sizes 100,1e3 --stratify --min-gain 0.05`)).toBe(
      `await litml.demo("penguins", { target: "Beak Length (mm)", folds: 5, model: ["logistic","gbdt"], sizes: [100, 1000], stratify: true, minGain: 0.05 } as never)`,
    );
  });

  it("maps an option to another API key where the table says so", () => {
    expect(expandCell("%baseline penguins --model logistic,gbdt", noVariables).code).toBe('await litml.baseline("penguins", { models: ["logistic","gbdt"] } as never)');
    expect(() => expandCell("%baseline penguins --model a --models b", noVariables)).toThrowError(/--models is given twice/);
  });

  it("prefers a notebook variable over the registry, unless registry: is given", () => {
    expect(expand("penguins", variables("penguins"))).toBe("await litml.demo(penguins)");
    expect(expand("registry:penguins", variables("penguins"))).toBe('await litml.demo("penguins")');
  });

  it("passes {expr} through as TypeScript", () => {
    expect(expand("{rows.slice(0, 10)} --folds {k * 2}")).toBe("await litml.demo(((rows.slice(0, 10)) as never), { folds: (k * 2) } as never)");
  });

  const failure = (args: string) => {
    try {
      expand(args);
    } catch (error) {
      expect(error).toBeInstanceOf(LitmlError);
      return (error as Error).message;
    }
    throw new Error("expected a failure");
  };

  it("names the magic, the argument and the usage when something is wrong", () => {
    expect(failure("x --targt y")).toMatch(/^%demo: unknown option --targt\. Did you mean --target\?\nUsage: %demo DATA \[--target STRING\]/);
    expect(failure("x --folds five")).toContain("--folds expects a number, got \"five\"");
    expect(failure("x --folds")).toContain("--folds needs a value");
    expect(failure("x --folds 2 --folds 3")).toContain("--folds is given twice");
    expect(failure("")).toContain("missing DATA");
    expect(failure("x y")).toContain('unexpected argument "y"');
    expect(failure('x --target "open')).toContain("never closed");
  });
});

describe("expandCell", () => {
  it("expands line magics in place, keeping the other lines and the line count", () => {
    const cell = `const a = 1;\n%profile penguins --target Species\nconst p = %profile {rows}\nconsole.log(a)`;
    const { code } = expandCell(cell, noVariables);
    expect(code.split("\n")).toEqual([
      "const a = 1;",
      'await litml.profile("penguins", { target: "Species" } as never)',
      "const p = await litml.profile(((rows) as never))",
      "console.log(a)",
    ]);
  });

  it("treats a name declared earlier in the same cell as a variable", () => {
    const { code } = expandCell("const rows = [{ a: 1 }];\n%profile rows\n%profile later\nconst later = 2;", noVariables);
    expect(code.split("\n")[1]).toBe("await litml.profile(rows)");
    expect(code.split("\n")[2]).toBe('await litml.profile("later")');
  });

  it("counts names bound by destructuring as declared", () => {
    const cell = "const [a, b] = pair;\nconst { c, d: e, ...rest } = obj;\n%drift a b\n%drift e rest\n%drift c d";
    const lines = expandCell(cell, noVariables).code.split("\n");
    expect(lines[2]).toBe("await litml.drift(a, b)");
    expect(lines[3]).toBe("await litml.drift(e, rest)");
    expect(lines[4]).toBe('await litml.drift(c, "d")');
  });

  it("turns %help and %lsmagic into kernel commands", () => {
    const { code, commands } = expandCell("%lsmagic\n%help profile", noVariables);
    expect(code.trim()).toBe("");
    expect(commands).toEqual([{ command: "lsmagic" }, { command: "help", topic: "profile" }]);
  });

  it("rejects an unknown magic with the closest name", () => {
    expect(() => expandCell("%profil penguins", noVariables)).toThrowError(/Unknown magic %profil\. Did you mean "profile"\?/);
    expect(() => expandCell("%help nope", noVariables)).toThrowError(/Unknown magic %nope/);
  });

  it("reports the column of an unclosed quote within the cell's line", () => {
    expect(() => expandCell('%profile "penguins', noVariables)).toThrowError(/column 10 is never closed/);
  });

  it("leaves modulo and other % that do not start a line alone", () => {
    const cell = "const r = 10 % 3;\nr";
    expect(expandCell(cell, noVariables).code).toBe(cell);
  });
});

describe("maskMagics", () => {
  it("blanks magics to the same length so completion offsets stay right", () => {
    const cell = `const a = 1;\nconst p = %profile penguins\na.toFixed`;
    const masked = maskMagics(cell);
    expect(masked.length).toBe(cell.length);
    expect(masked.split("\n")[1]).toBe("const p = " + " ".repeat("%profile penguins".length));
    expect(masked.indexOf("a.toFixed")).toBe(cell.indexOf("a.toFixed"));
  });
});

describe("help", () => {
  it("%help shows usage, arguments and the call an example runs", () => {
    const text = helpText("profile");
    expect(text).toContain("%profile DATA [--target STRING]");
    expect(text).toContain('await litml.profile("penguins", { target: "Species" })');
  });

  it("%lsmagic lists every magic", () => {
    expect(lsmagicText()).toMatch(/%profile\s+Profile a data set/);
    expect(lsmagicText()).toContain("%help");
  });
});

describe("option values", () => {
  it("a choice is checked as the magic expands, naming the choices and the closest", () => {
    expect(() => expandMagic(demo, "x --window rolling", undefined, noVariables)).toThrowError(/--window must be one of expanding, sliding; got "rolling"/);
    expect(() => expandMagic(demo, "x --window slidin", undefined, noVariables)).toThrowError(/Did you mean sliding\?/);
    expect(expandMagic(demo, "x --window sliding", undefined, noVariables)).toBe('await litml.demo("x", { window: "sliding" } as never)');
  });

  it("JSON words are parsed as the magic expands; {expr} passes through", () => {
    expect(expandMagic(demo, `x --params '{"C": 0.5}'`, undefined, noVariables)).toBe('await litml.demo("x", { params: {"C":0.5} } as never)');
    expect(expandMagic(demo, "x --params {{ C: c }}", undefined, noVariables)).toBe("await litml.demo(\"x\", { params: ({ C: c }) } as never)");
    expect(() => expandMagic(demo, "x --params C=0.5", undefined, noVariables)).toThrowError(/--params expects JSON such as/);
  });

  it("reach the analysis untyped, so its options schema (not TypeScript) judges them", () => {
    // `--costs 5` for a pair of costs: typed, this would fail as a TypeScript error about tuples.
    expect(expandMagic(demo, "x --folds 5", undefined, noVariables)).toMatch(/\{ folds: 5 \} as never\)$/);
    expect(helpText("profile")).toContain('await litml.profile("penguins", { target: "Species" })');
  });
});

describe("the README's table of magics", () => {
  it("is the one the magic table generates (npm run docs rewrites it)", async () => {
    const { readFileSync } = await import("node:fs");
    const { withMagicTable, magicTableMarkdown } = await import("../../kernel-ext/magics/readme.js");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(magicTableMarkdown());
    expect(withMagicTable(readme)).toBe(readme);
    for (const flag of ["--target", "--model", "--min-gain"]) expect(magicTableMarkdown()).toContain(`\`${flag}\``);
  });
});
