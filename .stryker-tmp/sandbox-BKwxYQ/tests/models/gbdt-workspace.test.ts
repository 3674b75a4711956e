// @ts-nocheck
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedModule } from "../../scripts/build-wasm.mjs";
import { GradientBoosting, treesOf } from "../../src/models/gbdt.js";
import { BINS } from "../../src/models/gbdt/binning.js";
import { treeWalker } from "../../src/models/gbdt/predict.js";
import { createWorkspace } from "../../src/models/gbdt/workspace.js";
import { fromColumns } from "../../src/data/matrix.js";
import { Random } from "../../src/util/random.js";

describe("the WebAssembly kernels", () => {
  it("kernels-wasm.ts is the compilation of kernels.wat (run `npm run build:wasm` after editing it)", async () => {
    expect(readFileSync("src/models/gbdt/kernels-wasm.ts", "utf8")).toBe(await generatedModule("src/models/gbdt/kernels.wat"));
  });

  // Both engines against the straightforward computations, on random bins and gradients.
  for (const engine of ["wasm", "js"] as const) {
    for (const cols of [1, 2, 5, 40]) {
      it(`${engine}, ${cols} feature(s): histograms are the straightforward sums, partitions stable and complete`, () => {
        const random = new Random(cols);
        const rows = 1000;
        const workspace = createWorkspace(rows, cols, 2, engine);
        workspace.columns.forEach((column) => column.set(Uint8Array.from({ length: rows }, () => random.int(BINS))));
        for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) workspace.rowMajor[r * cols + j] = workspace.columns[j][r];
        workspace.gh[1].set(Float32Array.from({ length: 2 * rows }, () => random.normal()));
        const chosen = Int32Array.from(random.permutation(rows).subarray(0, 700)).sort();
        workspace.indices.set(chosen);

        const histogram = new Float64Array(cols * BINS * 3);
        workspace.addRows(histogram, workspace.gh[1], 100, 600);
        const expected = new Float64Array(cols * BINS * 3);
        for (const row of chosen.subarray(100, 600)) {
          for (let j = 0; j < cols; j++) {
            const slot = (j * BINS + workspace.columns[j][row]) * 3;
            expected[slot] += workspace.gh[1][2 * row];
            expected[slot + 1] += workspace.gh[1][2 * row + 1];
            expected[slot + 2] += 1;
          }
        }
        expect([...histogram]).toEqual([...expected]);

        const goesLeft = new Uint8Array(BINS).fill(1, 0, 90);
        const feature = cols - 1;
        const lo = workspace.partition(workspace.columns[feature], goesLeft, 100, 600);
        const rowsIn = [...chosen.subarray(100, 600)];
        const left = rowsIn.filter((row) => goesLeft[workspace.columns[feature][row]] === 1);
        const right = rowsIn.filter((row) => goesLeft[workspace.columns[feature][row]] === 0);
        expect(lo).toBe(100 + left.length);
        expect([...workspace.indices.subarray(100, 600)]).toEqual([...left, ...right]);
        expect([...workspace.indices.subarray(0, 100)]).toEqual([...chosen.subarray(0, 100)]);
        expect([...workspace.indices.subarray(600, 700)]).toEqual([...chosen.subarray(600, 700)]);
      });
    }
  }

  it("a fit grows the same trees either way: two classes, three classes and numbers, with missing values", async () => {
    const random = new Random(8);
    const n = 3000;
    const columns = [0, 1, 2].map((j) => Float64Array.from({ length: n }, () => (random.float() < 0.05 ? NaN : random.normal() + j)));
    const X = fromColumns(columns, ["a", "b", "c"]);
    const present = (v: number) => (v === v ? v : 0);
    const codes3 = Int32Array.from(columns[0], (v, i) => (present(v) > 0.2 ? 1 : 0) + (present(columns[1][i]) > 1.5 ? 1 : 0));
    const targets = [
      { kind: "classification" as const, codes: Int32Array.from(codes3, (c) => (c > 0 ? 1 : 0)), classes: ["no", "yes"] },
      { kind: "classification" as const, codes: codes3, classes: ["a", "b", "c"] },
      { kind: "regression" as const, values: Float64Array.from(columns[2], (v, i) => present(v) + present(columns[1][i]) * 0.5 + random.normal() * 0.1) },
    ];
    for (const y of targets) {
      const wasm = await new GradientBoosting({ maxIterations: 20 }, "wasm").fit(X, y);
      const js = await new GradientBoosting({ maxIterations: 20 }, "js").fit(X, y);
      expect(JSON.stringify(wasm.toJSON()), y.kind).toBe(JSON.stringify(js.toJSON()));
    }
  });

  it("prediction walks the trees to the same scores either way, missing values included", async () => {
    const random = new Random(9);
    const n = 2000;
    const columns = [0, 1].map(() => Float64Array.from({ length: n }, () => (random.float() < 0.1 ? NaN : random.normal())));
    const X = fromColumns(columns, ["a", "b"]);
    const codes = Int32Array.from(columns[0], (v, i) => (v > 0 || columns[1][i] !== columns[1][i] ? 1 : 0) + (columns[1][i] > 0.5 ? 1 : 0));
    const fitted = await new GradientBoosting({ maxIterations: 15 }).fit(X, { kind: "classification", codes, classes: ["a", "b", "c"] });
    const trees = treesOf((fitted.toJSON().state as { trees: Parameters<typeof treesOf>[0] }).trees);
    expect(trees.length).toBe(15);
    const scores = (engine: "wasm" | "js") => {
      const raw = new Float64Array(3 * n).fill(0.5);
      treeWalker(trees, 3, engine)(X, raw);
      return raw;
    };
    const wasm = scores("wasm");
    expect([...wasm]).toEqual([...scores("js")]);
    // And by hand for one row with a missing value: walk each class's trees from the root.
    const row = columns[0].findIndex((v) => v !== v);
    for (let c = 0; c < 3; c++) {
      let expected = 0.5;
      for (const round of trees) {
        const tree = round[c];
        let node = 0;
        while (tree.feature[node] >= 0) {
          const v = columns[tree.feature[node]][row];
          node = (v !== v ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]) ? tree.left[node] : tree.right[node];
        }
        expected += tree.value[node];
      }
      expect(wasm[c * n + row]).toBe(expected);
    }
  });
});
