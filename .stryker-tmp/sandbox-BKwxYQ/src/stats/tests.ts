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
import { chiSquaredSurvival, studentTTwoSided } from "./special.js";
export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-squared test of independence on an r × c contingency table (row-major),
 * without continuity correction (scipy.stats.chi2_contingency(correction=False)).
 * Rows or columns that are all zero carry no information and are dropped.
 */
export function chiSquaredIndependence(counts: ArrayLike<number>, rows: number, cols: number): TestResult {
  if (stryMutAct_9fa48("958")) {
    {}
  } else {
    stryCov_9fa48("958");
    const rowSum = new Float64Array(rows);
    const colSum = new Float64Array(cols);
    let total = 0;
    for (let r = 0; stryMutAct_9fa48("961") ? r >= rows : stryMutAct_9fa48("960") ? r <= rows : stryMutAct_9fa48("959") ? false : (stryCov_9fa48("959", "960", "961"), r < rows); stryMutAct_9fa48("962") ? r-- : (stryCov_9fa48("962"), r++)) {
      if (stryMutAct_9fa48("963")) {
        {}
      } else {
        stryCov_9fa48("963");
        for (let c = 0; stryMutAct_9fa48("966") ? c >= cols : stryMutAct_9fa48("965") ? c <= cols : stryMutAct_9fa48("964") ? false : (stryCov_9fa48("964", "965", "966"), c < cols); stryMutAct_9fa48("967") ? c-- : (stryCov_9fa48("967"), c++)) {
          if (stryMutAct_9fa48("968")) {
            {}
          } else {
            stryCov_9fa48("968");
            const v = counts[stryMutAct_9fa48("969") ? r * cols - c : (stryCov_9fa48("969"), (stryMutAct_9fa48("970") ? r / cols : (stryCov_9fa48("970"), r * cols)) + c)];
            stryMutAct_9fa48("971") ? rowSum[r] -= v : (stryCov_9fa48("971"), rowSum[r] += v);
            stryMutAct_9fa48("972") ? colSum[c] -= v : (stryCov_9fa48("972"), colSum[c] += v);
            stryMutAct_9fa48("973") ? total -= v : (stryCov_9fa48("973"), total += v);
          }
        }
      }
    }
    let statistic = 0;
    for (let r = 0; stryMutAct_9fa48("976") ? r >= rows : stryMutAct_9fa48("975") ? r <= rows : stryMutAct_9fa48("974") ? false : (stryCov_9fa48("974", "975", "976"), r < rows); stryMutAct_9fa48("977") ? r-- : (stryCov_9fa48("977"), r++)) {
      if (stryMutAct_9fa48("978")) {
        {}
      } else {
        stryCov_9fa48("978");
        if (stryMutAct_9fa48("981") ? rowSum[r] !== 0 : stryMutAct_9fa48("980") ? false : stryMutAct_9fa48("979") ? true : (stryCov_9fa48("979", "980", "981"), rowSum[r] === 0)) continue;
        for (let c = 0; stryMutAct_9fa48("984") ? c >= cols : stryMutAct_9fa48("983") ? c <= cols : stryMutAct_9fa48("982") ? false : (stryCov_9fa48("982", "983", "984"), c < cols); stryMutAct_9fa48("985") ? c-- : (stryCov_9fa48("985"), c++)) {
          if (stryMutAct_9fa48("986")) {
            {}
          } else {
            stryCov_9fa48("986");
            if (stryMutAct_9fa48("989") ? colSum[c] !== 0 : stryMutAct_9fa48("988") ? false : stryMutAct_9fa48("987") ? true : (stryCov_9fa48("987", "988", "989"), colSum[c] === 0)) continue;
            const expected = stryMutAct_9fa48("990") ? rowSum[r] * colSum[c] * total : (stryCov_9fa48("990"), (stryMutAct_9fa48("991") ? rowSum[r] / colSum[c] : (stryCov_9fa48("991"), rowSum[r] * colSum[c])) / total);
            const diff = stryMutAct_9fa48("992") ? counts[r * cols + c] + expected : (stryCov_9fa48("992"), counts[stryMutAct_9fa48("993") ? r * cols - c : (stryCov_9fa48("993"), (stryMutAct_9fa48("994") ? r / cols : (stryCov_9fa48("994"), r * cols)) + c)] - expected);
            stryMutAct_9fa48("995") ? statistic -= diff * diff / expected : (stryCov_9fa48("995"), statistic += stryMutAct_9fa48("996") ? diff * diff * expected : (stryCov_9fa48("996"), (stryMutAct_9fa48("997") ? diff / diff : (stryCov_9fa48("997"), diff * diff)) / expected));
          }
        }
      }
    }
    const liveRows = stryMutAct_9fa48("998") ? rowSum.length : (stryCov_9fa48("998"), rowSum.filter(stryMutAct_9fa48("999") ? () => undefined : (stryCov_9fa48("999"), v => stryMutAct_9fa48("1003") ? v <= 0 : stryMutAct_9fa48("1002") ? v >= 0 : stryMutAct_9fa48("1001") ? false : stryMutAct_9fa48("1000") ? true : (stryCov_9fa48("1000", "1001", "1002", "1003"), v > 0))).length);
    const liveCols = stryMutAct_9fa48("1004") ? colSum.length : (stryCov_9fa48("1004"), colSum.filter(stryMutAct_9fa48("1005") ? () => undefined : (stryCov_9fa48("1005"), v => stryMutAct_9fa48("1009") ? v <= 0 : stryMutAct_9fa48("1008") ? v >= 0 : stryMutAct_9fa48("1007") ? false : stryMutAct_9fa48("1006") ? true : (stryCov_9fa48("1006", "1007", "1008", "1009"), v > 0))).length);
    const df = stryMutAct_9fa48("1010") ? (liveRows - 1) / (liveCols - 1) : (stryCov_9fa48("1010"), (stryMutAct_9fa48("1011") ? liveRows + 1 : (stryCov_9fa48("1011"), liveRows - 1)) * (stryMutAct_9fa48("1012") ? liveCols + 1 : (stryCov_9fa48("1012"), liveCols - 1)));
    return stryMutAct_9fa48("1013") ? {} : (stryCov_9fa48("1013"), {
      statistic,
      df,
      pValue: (stryMutAct_9fa48("1017") ? df <= 0 : stryMutAct_9fa48("1016") ? df >= 0 : stryMutAct_9fa48("1015") ? false : stryMutAct_9fa48("1014") ? true : (stryCov_9fa48("1014", "1015", "1016", "1017"), df > 0)) ? chiSquaredSurvival(statistic, df) : 1
    });
  }
}

/** Welch's unequal-variance t-test (scipy.stats.ttest_ind(equal_var=False)). */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  if (stryMutAct_9fa48("1018")) {
    {}
  } else {
    stryCov_9fa48("1018");
    const sa = meanVariance(a);
    const sb = meanVariance(b);
    const va = stryMutAct_9fa48("1019") ? sa.variance * a.length : (stryCov_9fa48("1019"), sa.variance / a.length);
    const vb = stryMutAct_9fa48("1020") ? sb.variance * b.length : (stryCov_9fa48("1020"), sb.variance / b.length);
    const se = Math.sqrt(stryMutAct_9fa48("1021") ? va - vb : (stryCov_9fa48("1021"), va + vb));
    if (stryMutAct_9fa48("1024") ? false : stryMutAct_9fa48("1023") ? true : stryMutAct_9fa48("1022") ? se > 0 : (stryCov_9fa48("1022", "1023", "1024"), !(stryMutAct_9fa48("1028") ? se <= 0 : stryMutAct_9fa48("1027") ? se >= 0 : stryMutAct_9fa48("1026") ? false : stryMutAct_9fa48("1025") ? true : (stryCov_9fa48("1025", "1026", "1027", "1028"), se > 0)))) return stryMutAct_9fa48("1029") ? {} : (stryCov_9fa48("1029"), {
      statistic: NaN,
      df: NaN,
      pValue: NaN
    });
    const statistic = stryMutAct_9fa48("1030") ? (sa.mean - sb.mean) * se : (stryCov_9fa48("1030"), (stryMutAct_9fa48("1031") ? sa.mean + sb.mean : (stryCov_9fa48("1031"), sa.mean - sb.mean)) / se);
    const df = stryMutAct_9fa48("1032") ? (va + vb) ** 2 * (va * va / (a.length - 1) + vb * vb / (b.length - 1)) : (stryCov_9fa48("1032"), (stryMutAct_9fa48("1033") ? va - vb : (stryCov_9fa48("1033"), va + vb)) ** 2 / (stryMutAct_9fa48("1034") ? va * va / (a.length - 1) - vb * vb / (b.length - 1) : (stryCov_9fa48("1034"), (stryMutAct_9fa48("1035") ? va * va * (a.length - 1) : (stryCov_9fa48("1035"), (stryMutAct_9fa48("1036") ? va / va : (stryCov_9fa48("1036"), va * va)) / (stryMutAct_9fa48("1037") ? a.length + 1 : (stryCov_9fa48("1037"), a.length - 1)))) + (stryMutAct_9fa48("1038") ? vb * vb * (b.length - 1) : (stryCov_9fa48("1038"), (stryMutAct_9fa48("1039") ? vb / vb : (stryCov_9fa48("1039"), vb * vb)) / (stryMutAct_9fa48("1040") ? b.length + 1 : (stryCov_9fa48("1040"), b.length - 1)))))));
    return stryMutAct_9fa48("1041") ? {} : (stryCov_9fa48("1041"), {
      statistic,
      df,
      pValue: studentTTwoSided(statistic, df)
    });
  }
}

/** Welford's one-pass mean and sample variance (n − 1 denominator). */
export function meanVariance(values: ArrayLike<number>): {
  mean: number;
  variance: number;
} {
  if (stryMutAct_9fa48("1042")) {
    {}
  } else {
    stryCov_9fa48("1042");
    let mean = 0;
    let m2 = 0;
    for (let i = 0; stryMutAct_9fa48("1045") ? i >= values.length : stryMutAct_9fa48("1044") ? i <= values.length : stryMutAct_9fa48("1043") ? false : (stryCov_9fa48("1043", "1044", "1045"), i < values.length); stryMutAct_9fa48("1046") ? i-- : (stryCov_9fa48("1046"), i++)) {
      if (stryMutAct_9fa48("1047")) {
        {}
      } else {
        stryCov_9fa48("1047");
        const delta = stryMutAct_9fa48("1048") ? values[i] + mean : (stryCov_9fa48("1048"), values[i] - mean);
        stryMutAct_9fa48("1049") ? mean -= delta / (i + 1) : (stryCov_9fa48("1049"), mean += stryMutAct_9fa48("1050") ? delta * (i + 1) : (stryCov_9fa48("1050"), delta / (stryMutAct_9fa48("1051") ? i - 1 : (stryCov_9fa48("1051"), i + 1))));
        stryMutAct_9fa48("1052") ? m2 -= delta * (values[i] - mean) : (stryCov_9fa48("1052"), m2 += stryMutAct_9fa48("1053") ? delta / (values[i] - mean) : (stryCov_9fa48("1053"), delta * (stryMutAct_9fa48("1054") ? values[i] + mean : (stryCov_9fa48("1054"), values[i] - mean))));
      }
    }
    return stryMutAct_9fa48("1055") ? {} : (stryCov_9fa48("1055"), {
      mean,
      variance: (stryMutAct_9fa48("1059") ? values.length <= 1 : stryMutAct_9fa48("1058") ? values.length >= 1 : stryMutAct_9fa48("1057") ? false : stryMutAct_9fa48("1056") ? true : (stryCov_9fa48("1056", "1057", "1058", "1059"), values.length > 1)) ? stryMutAct_9fa48("1060") ? m2 * (values.length - 1) : (stryCov_9fa48("1060"), m2 / (stryMutAct_9fa48("1061") ? values.length + 1 : (stryCov_9fa48("1061"), values.length - 1))) : NaN
    });
  }
}