/**
 * A learning curve's error as a power law with an irreducible floor,
 * error(n) ≈ floor + scale · n^(−exponent), all three ≥ 0, fitted by weighted least
 * squares (weights 1/σ², σ each point's standard error). For a fixed exponent the
 * floor and scale enter linearly, so the fit profiles the exponent: a log-spaced grid,
 * then golden-section refinement around the best grid value, each step solving the
 * 2×2 weighted problem with its bounds. The same minimum scipy.optimize.curve_fit
 * reaches with bounds, without its starting-point sensitivity.
 */
export interface FloorPowerLaw {
  readonly floor: number;
  readonly scale: number;
  readonly exponent: number;
  /** The weighted sum of squared residuals at the fit. */
  readonly ssr: number;
}

const EXPONENT_RANGE: readonly [number, number] = [1e-3, 4];

export function fitFloorPowerLaw(sizes: ArrayLike<number>, errors: ArrayLike<number>, sigmas: ArrayLike<number>): FloorPowerLaw {
  const weights = Float64Array.from(sigmas, (s) => 1 / (s * s));
  const at = (b: number) => linearPart(sizes, errors, weights, b);
  const grid = 240;
  const [lo, hi] = EXPONENT_RANGE;
  const bs = Float64Array.from({ length: grid }, (_, i) => lo * (hi / lo) ** (i / (grid - 1)));
  let best = 0;
  let bestFit = at(bs[0]);
  for (let i = 1; i < grid; i++) {
    const fit = at(bs[i]);
    if (fit.ssr < bestFit.ssr) [best, bestFit] = [i, fit];
  }
  // Golden-section search on log(exponent) between the best grid value's neighbours.
  let a = Math.log(bs[Math.max(0, best - 1)]);
  let d = Math.log(bs[Math.min(grid - 1, best + 1)]);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let b = d - ratio * (d - a);
  let c = a + ratio * (d - a);
  let fb = at(Math.exp(b));
  let fc = at(Math.exp(c));
  for (let step = 0; step < 80 && d - a > 1e-12; step++) {
    if (fb.ssr <= fc.ssr) {
      [d, c, fc] = [c, b, fb];
      b = d - ratio * (d - a);
      fb = at(Math.exp(b));
    } else {
      [a, b, fb] = [b, c, fc];
      c = a + ratio * (d - a);
      fc = at(Math.exp(c));
    }
  }
  for (const fit of [fb, fc]) if (fit.ssr < bestFit.ssr) bestFit = fit;
  return bestFit;
}

/** The error the law predicts at n rows. */
export function powerLawAt(law: Pick<FloorPowerLaw, "floor" | "scale" | "exponent">, n: number): number {
  return law.floor + law.scale * n ** -law.exponent;
}

/** The rows at which the law reaches `error`: Infinity when the error lies at or below the floor. */
export function powerLawRows(law: Pick<FloorPowerLaw, "floor" | "scale" | "exponent">, error: number): number {
  if (error <= law.floor || law.scale <= 0) return Infinity;
  return (law.scale / (error - law.floor)) ** (1 / law.exponent);
}

/** Best floor ≥ 0 and scale ≥ 0 for a fixed exponent: the unconstrained solution, else the best on a bound. */
function linearPart(sizes: ArrayLike<number>, errors: ArrayLike<number>, weights: Float64Array, exponent: number): FloorPowerLaw {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < sizes.length; i++) {
    const x = sizes[i] ** -exponent;
    const w = weights[i];
    sw += w;
    sx += w * x;
    sy += w * errors[i];
    sxx += w * x * x;
    sxy += w * x * errors[i];
  }
  const candidates: [number, number][] = [];
  const det = sw * sxx - sx * sx;
  if (det > 0) {
    const scale = (sw * sxy - sx * sy) / det;
    const floor = (sy - scale * sx) / sw;
    if (scale >= 0 && floor >= 0) candidates.push([floor, scale]);
  }
  candidates.push([0, Math.max(0, sxy / sxx)], [Math.max(0, sy / sw), 0]);
  let best: FloorPowerLaw | undefined;
  for (const [floor, scale] of candidates) {
    let ssr = 0;
    for (let i = 0; i < sizes.length; i++) ssr += weights[i] * (errors[i] - floor - scale * sizes[i] ** -exponent) ** 2;
    if (best === undefined || ssr < best.ssr) best = { floor, scale, exponent, ssr };
  }
  return best!;
}
