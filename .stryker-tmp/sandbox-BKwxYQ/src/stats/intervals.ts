/**
 * Confidence intervals: Wilson's score interval for a proportion, and a seeded
 * percentile bootstrap for any metric computed from row indices.
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { normalQuantile } from "./normal.js";
import { Random } from "../util/random.js";
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
}
export function wilson(successes: number, n: number, confidence = 0.95): Interval {
  if (stryMutAct_9fa48("291")) {
    {}
  } else {
    stryCov_9fa48("291");
    if (stryMutAct_9fa48("295") ? n > 0 : stryMutAct_9fa48("294") ? n < 0 : stryMutAct_9fa48("293") ? false : stryMutAct_9fa48("292") ? true : (stryCov_9fa48("292", "293", "294", "295"), n <= 0)) return stryMutAct_9fa48("296") ? {} : (stryCov_9fa48("296"), {
      low: NaN,
      high: NaN,
      confidence
    });
    const z = normalQuantile(stryMutAct_9fa48("297") ? 1 + (1 - confidence) / 2 : (stryCov_9fa48("297"), 1 - (stryMutAct_9fa48("298") ? (1 - confidence) * 2 : (stryCov_9fa48("298"), (stryMutAct_9fa48("299") ? 1 + confidence : (stryCov_9fa48("299"), 1 - confidence)) / 2))));
    const p = stryMutAct_9fa48("300") ? successes * n : (stryCov_9fa48("300"), successes / n);
    const denominator = stryMutAct_9fa48("301") ? 1 - z * z / n : (stryCov_9fa48("301"), 1 + (stryMutAct_9fa48("302") ? z * z * n : (stryCov_9fa48("302"), (stryMutAct_9fa48("303") ? z / z : (stryCov_9fa48("303"), z * z)) / n)));
    const center = stryMutAct_9fa48("304") ? (p + z * z / (2 * n)) * denominator : (stryCov_9fa48("304"), (stryMutAct_9fa48("305") ? p - z * z / (2 * n) : (stryCov_9fa48("305"), p + (stryMutAct_9fa48("306") ? z * z * (2 * n) : (stryCov_9fa48("306"), (stryMutAct_9fa48("307") ? z / z : (stryCov_9fa48("307"), z * z)) / (stryMutAct_9fa48("308") ? 2 / n : (stryCov_9fa48("308"), 2 * n)))))) / denominator);
    const half = stryMutAct_9fa48("309") ? z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) * denominator : (stryCov_9fa48("309"), (stryMutAct_9fa48("310") ? z / Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) : (stryCov_9fa48("310"), z * Math.sqrt(stryMutAct_9fa48("311") ? p * (1 - p) / n - z * z / (4 * n * n) : (stryCov_9fa48("311"), (stryMutAct_9fa48("312") ? p * (1 - p) * n : (stryCov_9fa48("312"), (stryMutAct_9fa48("313") ? p / (1 - p) : (stryCov_9fa48("313"), p * (stryMutAct_9fa48("314") ? 1 + p : (stryCov_9fa48("314"), 1 - p)))) / n)) + (stryMutAct_9fa48("315") ? z * z * (4 * n * n) : (stryCov_9fa48("315"), (stryMutAct_9fa48("316") ? z / z : (stryCov_9fa48("316"), z * z)) / (stryMutAct_9fa48("317") ? 4 * n / n : (stryCov_9fa48("317"), (stryMutAct_9fa48("318") ? 4 / n : (stryCov_9fa48("318"), 4 * n)) * n)))))))) / denominator);
    return stryMutAct_9fa48("319") ? {} : (stryCov_9fa48("319"), {
      low: stryMutAct_9fa48("320") ? Math.min(0, center - half) : (stryCov_9fa48("320"), Math.max(0, stryMutAct_9fa48("321") ? center + half : (stryCov_9fa48("321"), center - half))),
      high: stryMutAct_9fa48("322") ? Math.max(1, center + half) : (stryCov_9fa48("322"), Math.min(1, stryMutAct_9fa48("323") ? center - half : (stryCov_9fa48("323"), center + half))),
      confidence
    });
  }
}
export interface BootstrapOptions {
  readonly seed: number;
  readonly resamples?: number;
  readonly confidence?: number;
}

/**
 * Resamples the n rows with replacement `resamples` times, computes `statistic` on each
 * resample's row indices, and returns the percentile interval. NaN statistics (for
 * example an AUC on a resample with one class) are dropped.
 */
export function bootstrap(n: number, statistic: (rows: Int32Array) => number, options: BootstrapOptions): Interval & {
  readonly values: Float64Array;
} {
  if (stryMutAct_9fa48("324")) {
    {}
  } else {
    stryCov_9fa48("324");
    const resamples = stryMutAct_9fa48("325") ? options.resamples && 1000 : (stryCov_9fa48("325"), options.resamples ?? 1000);
    const confidence = stryMutAct_9fa48("326") ? options.confidence && 0.95 : (stryCov_9fa48("326"), options.confidence ?? 0.95);
    const random = new Random(options.seed);
    const rows = new Int32Array(n);
    const values = new Float64Array(resamples);
    let kept = 0;
    for (let b = 0; stryMutAct_9fa48("329") ? b >= resamples : stryMutAct_9fa48("328") ? b <= resamples : stryMutAct_9fa48("327") ? false : (stryCov_9fa48("327", "328", "329"), b < resamples); stryMutAct_9fa48("330") ? b-- : (stryCov_9fa48("330"), b++)) {
      if (stryMutAct_9fa48("331")) {
        {}
      } else {
        stryCov_9fa48("331");
        for (let i = 0; stryMutAct_9fa48("334") ? i >= n : stryMutAct_9fa48("333") ? i <= n : stryMutAct_9fa48("332") ? false : (stryCov_9fa48("332", "333", "334"), i < n); stryMutAct_9fa48("335") ? i-- : (stryCov_9fa48("335"), i++)) rows[i] = random.int(n);
        const value = statistic(rows);
        if (stryMutAct_9fa48("338") ? false : stryMutAct_9fa48("337") ? true : stryMutAct_9fa48("336") ? Number.isNaN(value) : (stryCov_9fa48("336", "337", "338"), !Number.isNaN(value))) values[stryMutAct_9fa48("339") ? kept-- : (stryCov_9fa48("339"), kept++)] = value;
      }
    }
    const sorted = stryMutAct_9fa48("340") ? values.subarray(0, kept) : (stryCov_9fa48("340"), values.subarray(0, kept).sort());
    const alpha = stryMutAct_9fa48("341") ? (1 - confidence) * 2 : (stryCov_9fa48("341"), (stryMutAct_9fa48("342") ? 1 + confidence : (stryCov_9fa48("342"), 1 - confidence)) / 2);
    return stryMutAct_9fa48("343") ? {} : (stryCov_9fa48("343"), {
      low: quantileSorted(sorted, alpha),
      high: quantileSorted(sorted, stryMutAct_9fa48("344") ? 1 + alpha : (stryCov_9fa48("344"), 1 - alpha)),
      confidence,
      values: sorted
    });
  }
}

/** Linear interpolation between order statistics (numpy's default "linear" method). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (stryMutAct_9fa48("345")) {
    {}
  } else {
    stryCov_9fa48("345");
    if (stryMutAct_9fa48("348") ? sorted.length !== 0 : stryMutAct_9fa48("347") ? false : stryMutAct_9fa48("346") ? true : (stryCov_9fa48("346", "347", "348"), sorted.length === 0)) return NaN;
    const position = stryMutAct_9fa48("349") ? (sorted.length - 1) / q : (stryCov_9fa48("349"), (stryMutAct_9fa48("350") ? sorted.length + 1 : (stryCov_9fa48("350"), sorted.length - 1)) * q);
    const below = Math.floor(position);
    const above = stryMutAct_9fa48("351") ? Math.max(sorted.length - 1, below + 1) : (stryCov_9fa48("351"), Math.min(stryMutAct_9fa48("352") ? sorted.length + 1 : (stryCov_9fa48("352"), sorted.length - 1), stryMutAct_9fa48("353") ? below - 1 : (stryCov_9fa48("353"), below + 1)));
    return stryMutAct_9fa48("354") ? sorted[below] - (sorted[above] - sorted[below]) * (position - below) : (stryCov_9fa48("354"), sorted[below] + (stryMutAct_9fa48("355") ? (sorted[above] - sorted[below]) / (position - below) : (stryCov_9fa48("355"), (stryMutAct_9fa48("356") ? sorted[above] + sorted[below] : (stryCov_9fa48("356"), sorted[above] - sorted[below])) * (stryMutAct_9fa48("357") ? position + below : (stryCov_9fa48("357"), position - below)))));
  }
}