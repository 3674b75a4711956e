/**
 * Limited-memory BFGS for smooth unconstrained minimisation (Nocedal and Wright,
 * Numerical Optimization, 2nd ed.: two-loop recursion, Algorithm 7.4; line search
 * satisfying the strong Wolfe conditions, Algorithms 3.5 and 3.6 with cubic
 * interpolation). The objective writes its gradient into `gradient` and returns f.
 */
// @ts-nocheck

export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  readonly maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  readonly gradientTolerance?: number;
  readonly memory?: number;
  /**
   * A guess at the inverse Hessian's scale, for the first step before any curvature has
   * been measured (say 1 / an upper bound of the Hessian's diagonal). Without it the first
   * step has length min(1, |g|), which the line search may then have to double several times.
   */
  readonly initialScale?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

export function lbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.gradientTolerance ?? 1e-10;
  const memory = options.memory ?? 10;
  const n = start.length;
  let x: Float64Array = Float64Array.from(start);
  let g: Float64Array = new Float64Array(n);
  let f = objective(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(g) < tolerance) return { x, value: f, iterations: iteration, converged: true };
    // Two-loop recursion: direction = −H g.
    direction.set(g);
    for (let i = S.length - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(S[i], direction);
      axpy(-alpha[i], Y[i], direction);
    }
    const gamma = S.length ? dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1]) : (options.initialScale ?? 1 / Math.max(1, Math.sqrt(dot(g, g))));
    for (let i = 0; i < n; i++) direction[i] *= gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = rho[i] * dot(Y[i], direction);
      axpy(alpha[i] - beta, S[i], direction);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i];
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = -dot(g, g);
    }
    const step = wolfeLineSearch(objective, x, f, g, direction, slope);
    if (step === undefined) return { x, value: f, iterations: iteration, converged: maxAbs(g) < tolerance * 100 };
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i] - x[i];
      y[i] = step.g[i] - g[i];
    }
    const sy = dot(s, y);
    const previous = f;
    x = step.x;
    g = step.g;
    f = step.f;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    if (Math.abs(previous - f) <= 1e-16 * Math.max(1, Math.abs(f)) && maxAbs(g) < tolerance * 1e3) {
      return { x, value: f, iterations: iteration + 1, converged: true };
    }
  }
  return { x, value: f, iterations: maxIterations, converged: maxAbs(g) < tolerance };
}

interface Point {
  x: Float64Array;
  f: number;
  g: Float64Array;
}

function wolfeLineSearch(objective: Objective, x0: Float64Array, f0: number, g0: Float64Array, d: Float64Array, slope0: number): Point | undefined {
  const evaluate = (t: number): Point & { slope: number } => {
    const x = new Float64Array(x0.length);
    for (let i = 0; i < x.length; i++) x[i] = x0[i] + t * d[i];
    const g = new Float64Array(x0.length);
    const f = objective(x, g);
    return { x, f, g, slope: dot(g, d) };
  };
  let tPrev = 0;
  let fPrev = f0;
  let slopePrev = slope0;
  let t = 1;
  for (let i = 0; i < 30; i++) {
    const point = evaluate(t);
    if (!Number.isFinite(point.f) || point.f > f0 + C1 * t * slope0 || (i > 0 && point.f >= fPrev)) {
      return zoom(evaluate, f0, slope0, tPrev, fPrev, slopePrev, t, point.f, point.slope);
    }
    if (Math.abs(point.slope) <= -C2 * slope0) return point;
    if (point.slope >= 0) return zoom(evaluate, f0, slope0, t, point.f, point.slope, tPrev, fPrev, slopePrev);
    tPrev = t;
    fPrev = point.f;
    slopePrev = point.slope;
    t *= 2;
  }
  return undefined;
}

function zoom(
  evaluate: (t: number) => Point & { slope: number },
  f0: number,
  slope0: number,
  tLow: number,
  fLow: number,
  slopeLow: number,
  tHigh: number,
  fHigh: number,
  slopeHigh: number,
): Point | undefined {
  for (let i = 0; i < 40; i++) {
    const t = cubicMinimizer(tLow, fLow, slopeLow, tHigh, fHigh, slopeHigh);
    const point = evaluate(t);
    if (!Number.isFinite(point.f) || point.f > f0 + C1 * t * slope0 || point.f >= fLow) {
      tHigh = t;
      fHigh = point.f;
      slopeHigh = point.slope;
    } else {
      if (Math.abs(point.slope) <= -C2 * slope0) return point;
      if (point.slope * (tHigh - tLow) >= 0) {
        tHigh = tLow;
        fHigh = fLow;
        slopeHigh = slopeLow;
      }
      tLow = t;
      fLow = point.f;
      slopeLow = point.slope;
    }
    if (Math.abs(tHigh - tLow) < 1e-16) return fLow < f0 ? evaluate(tLow) : undefined;
  }
  return fLow < f0 ? evaluate(tLow) : undefined;
}

/** Minimiser of the cubic matching f and f′ at both ends, kept safely inside the bracket. */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const square = d1 * d1 - da * db;
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  if (square >= 0 && Number.isFinite(fb)) {
    const d2 = Math.sign(b - a) * Math.sqrt(square);
    const t = b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
    const margin = 0.1 * (high - low);
    if (Number.isFinite(t)) return Math.min(high - margin, Math.max(low + margin, t));
  }
  return (a + b) / 2;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  return max;
}
