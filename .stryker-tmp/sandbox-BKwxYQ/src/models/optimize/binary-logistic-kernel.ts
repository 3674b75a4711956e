/**
 * The binary logistic objective's inner loop, generated for a given number of features
 * with the columns unrolled: scores, log-loss, residuals and gradient in one pass over
 * the rows, one exp per row. V8 compiles the unrolled loop to straight-line
 * code; a loop over features inside the row loop runs about twice as slow. Generated
 * only from small integers (never from data), cached per feature count.
 */
// @ts-nocheck

export type BinaryKernel = (
  columns: readonly Float64Array[],
  codes: Int32Array,
  weights: Float64Array,
  theta: Float64Array,
  gradient: Float64Array,
) => number;

export const MAX_UNROLLED_FEATURES = 16;

/**
 * Without weights, Σ log(1 + eᵢ) is taken as the log of products of 32 factors, each in
 * (1, 2] (so a product stays below 2³²): one log per 32 rows instead of a log1p per row,
 * the kernel's costliest call after exp. The absolute error per row is about one rounding
 * of 1 + eᵢ, the same as the rounding of a running sum of log1p values.
 */
const LOG_EVERY = 32;

const kernels = new Map<string, BinaryKernel>();

/**
 * Returns Σ wᵢ·lossᵢ and writes Σ wᵢ·(pᵢ − yᵢ)·x into gradient[0…p−1], Σ wᵢ·(pᵢ − yᵢ)
 * into gradient[p]. With `weighted` false every weight is taken as 1 and never read.
 */
export function binaryKernel(p: number, weighted: boolean): BinaryKernel {
  const key = `${p}:${weighted}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const js = (f: (j: number) => string, separator = "\n") => Array.from({ length: p }, (_, j) => f(j)).join(separator);
    const body = `
      ${js((j) => `const c${j} = columns[${j}], w${j} = theta[${j}]; let g${j} = 0;`)}
      const b = theta[${p}];
      let gb = 0, loss = 0;
      const n = codes.length;
      let product = 1;
      for (let i = 0; i < n; i++) {
        const z = b${js((j) => ` + w${j} * c${j}[i]`, "")};
        const e = Math.exp(-Math.abs(z));
        const y = codes[i] === 1 ? 1 : 0;
        ${
          weighted
            ? `const w = weights[i];
        loss += w * ((z > 0 ? z : 0) + Math.log1p(e) - y * z);`
            : `loss += (z > 0 ? z : 0) - y * z;
        product *= 1 + e;
        if ((i & ${LOG_EVERY - 1}) === ${LOG_EVERY - 1}) {
          loss += Math.log(product);
          product = 1;
        }`
        }
        const r = ${weighted ? "w * " : ""}((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y);
        ${js((j) => `g${j} += r * c${j}[i];`, " ")}
        gb += r;
      }
      ${js((j) => `gradient[${j}] = g${j};`, " ")}
      gradient[${p}] = gb;
      return loss + Math.log(product);`;
    kernel = new Function("columns", "codes", "weights", "theta", "gradient", body) as BinaryKernel;
    kernels.set(key, kernel);
  }
  return kernel;
}
