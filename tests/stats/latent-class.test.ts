import { describe, expect, it } from "vitest";
import { fitLatentClasses } from "../../src/stats/latent-class.js";
import { Random } from "../../src/util/random.js";

describe("latent class model", () => {
  it("recovers the probabilities of rows drawn from two hidden classes (the generator is the reference)", () => {
    // Two kinds of respondent, four questions of three answers each, answered alike within a kind.
    const weights = [0.6, 0.4];
    const theta = [
      [[0.8, 0.15, 0.05], [0.7, 0.2, 0.1], [0.75, 0.2, 0.05], [0.6, 0.3, 0.1]],
      [[0.1, 0.2, 0.7], [0.05, 0.25, 0.7], [0.1, 0.1, 0.8], [0.2, 0.2, 0.6]],
    ];
    const n = 8000;
    const random = new Random(1);
    const codes = theta[0].map(() => new Int32Array(n));
    for (let r = 0; r < n; r++) {
      const z = random.float() < weights[0] ? 0 : 1;
      theta[z].forEach((p, j) => {
        const u = random.float();
        codes[j][r] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
      });
    }
    const fit = fitLatentClasses(codes, [3, 3, 3, 3], n);
    expect(fit.classes).toBe(2);
    const truth = (r: number) => Math.log(weights.reduce((s, w, z) => s + w * codes.reduce((p, c, j) => p * theta[z][j][c[r]], 1), 0));
    let worst = 0;
    for (let r = 0; r < 500; r++) worst = Math.max(worst, Math.abs(fit.logProbability[r] - truth(r)));
    expect(worst).toBeLessThan(0.25);
    // Independent columns (one class) would miss the dependence badly on the rarest patterns.
    const one = fitLatentClasses(codes, [3, 3, 3, 3], n, { maxClasses: 1 });
    let worstOne = 0;
    for (let r = 0; r < 500; r++) worstOne = Math.max(worstOne, Math.abs(one.logProbability[r] - truth(r)));
    expect(worstOne).toBeGreaterThan(1);
  });
});
