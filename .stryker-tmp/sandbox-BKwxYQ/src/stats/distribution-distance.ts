/**
 * Distances between two samples' distributions, from sorted values or category counts:
 * the two-sample Kolmogorov–Smirnov statistic with the Kolmogorov limiting distribution
 * (Stephens' small-sample correction), the Wasserstein-1 distance (area between the two
 * empirical CDFs), the Jensen–Shannon distance in base 2, and the population stability index.
 */
// @ts-nocheck


/** max |F_a(x) − F_b(x)| over the pooled values; both inputs sorted ascending, no NaN. */function stryNS_9fa48() {
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
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  if (stryMutAct_9fa48("123")) {
    {}
  } else {
    stryCov_9fa48("123");
    let i = 0;
    let j = 0;
    let d = 0;
    while (stryMutAct_9fa48("125") ? i < a.length || j < b.length : stryMutAct_9fa48("124") ? false : (stryCov_9fa48("124", "125"), (stryMutAct_9fa48("128") ? i >= a.length : stryMutAct_9fa48("127") ? i <= a.length : stryMutAct_9fa48("126") ? true : (stryCov_9fa48("126", "127", "128"), i < a.length)) && (stryMutAct_9fa48("131") ? j >= b.length : stryMutAct_9fa48("130") ? j <= b.length : stryMutAct_9fa48("129") ? true : (stryCov_9fa48("129", "130", "131"), j < b.length)))) {
      if (stryMutAct_9fa48("132")) {
        {}
      } else {
        stryCov_9fa48("132");
        const x = (stryMutAct_9fa48("136") ? a[i] > b[j] : stryMutAct_9fa48("135") ? a[i] < b[j] : stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133", "134", "135", "136"), a[i] <= b[j])) ? a[i] : b[j];
        while (stryMutAct_9fa48("138") ? i < a.length || a[i] <= x : stryMutAct_9fa48("137") ? false : (stryCov_9fa48("137", "138"), (stryMutAct_9fa48("141") ? i >= a.length : stryMutAct_9fa48("140") ? i <= a.length : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141"), i < a.length)) && (stryMutAct_9fa48("144") ? a[i] > x : stryMutAct_9fa48("143") ? a[i] < x : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144"), a[i] <= x)))) stryMutAct_9fa48("145") ? i-- : (stryCov_9fa48("145"), i++);
        while (stryMutAct_9fa48("147") ? j < b.length || b[j] <= x : stryMutAct_9fa48("146") ? false : (stryCov_9fa48("146", "147"), (stryMutAct_9fa48("150") ? j >= b.length : stryMutAct_9fa48("149") ? j <= b.length : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149", "150"), j < b.length)) && (stryMutAct_9fa48("153") ? b[j] > x : stryMutAct_9fa48("152") ? b[j] < x : stryMutAct_9fa48("151") ? true : (stryCov_9fa48("151", "152", "153"), b[j] <= x)))) stryMutAct_9fa48("154") ? j-- : (stryCov_9fa48("154"), j++);
        d = stryMutAct_9fa48("155") ? Math.min(d, Math.abs(i / a.length - j / b.length)) : (stryCov_9fa48("155"), Math.max(d, Math.abs(stryMutAct_9fa48("156") ? i / a.length + j / b.length : (stryCov_9fa48("156"), (stryMutAct_9fa48("157") ? i * a.length : (stryCov_9fa48("157"), i / a.length)) - (stryMutAct_9fa48("158") ? j * b.length : (stryCov_9fa48("158"), j / b.length))))));
      }
    }
    return d;
  }
}

/** P(K > λ) for the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²). */
export function kolmogorovSurvival(lambda: number): number {
  if (stryMutAct_9fa48("159")) {
    {}
  } else {
    stryCov_9fa48("159");
    if (stryMutAct_9fa48("163") ? lambda > 0 : stryMutAct_9fa48("162") ? lambda < 0 : stryMutAct_9fa48("161") ? false : stryMutAct_9fa48("160") ? true : (stryCov_9fa48("160", "161", "162", "163"), lambda <= 0)) return 1;
    if (stryMutAct_9fa48("167") ? lambda >= 0.2 : stryMutAct_9fa48("166") ? lambda <= 0.2 : stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : (stryCov_9fa48("164", "165", "166", "167"), lambda < 0.2)) return 1;
    let sum = 0;
    for (let k = 1; stryMutAct_9fa48("170") ? k > 100 : stryMutAct_9fa48("169") ? k < 100 : stryMutAct_9fa48("168") ? false : (stryCov_9fa48("168", "169", "170"), k <= 100); stryMutAct_9fa48("171") ? k-- : (stryCov_9fa48("171"), k++)) {
      if (stryMutAct_9fa48("172")) {
        {}
      } else {
        stryCov_9fa48("172");
        const term = stryMutAct_9fa48("173") ? (k % 2 ? 1 : -1) / Math.exp(-2 * k * k * lambda * lambda) : (stryCov_9fa48("173"), ((stryMutAct_9fa48("174") ? k * 2 : (stryCov_9fa48("174"), k % 2)) ? 1 : stryMutAct_9fa48("175") ? +1 : (stryCov_9fa48("175"), -1)) * Math.exp(stryMutAct_9fa48("176") ? -2 * k * k * lambda / lambda : (stryCov_9fa48("176"), (stryMutAct_9fa48("177") ? -2 * k * k / lambda : (stryCov_9fa48("177"), (stryMutAct_9fa48("178") ? -2 * k / k : (stryCov_9fa48("178"), (stryMutAct_9fa48("179") ? -2 / k : (stryCov_9fa48("179"), (stryMutAct_9fa48("180") ? +2 : (stryCov_9fa48("180"), -2)) * k)) * k)) * lambda)) * lambda)));
        stryMutAct_9fa48("181") ? sum -= term : (stryCov_9fa48("181"), sum += term);
        if (stryMutAct_9fa48("185") ? Math.abs(term) >= 1e-16 : stryMutAct_9fa48("184") ? Math.abs(term) <= 1e-16 : stryMutAct_9fa48("183") ? false : stryMutAct_9fa48("182") ? true : (stryCov_9fa48("182", "183", "184", "185"), Math.abs(term) < 1e-16)) break;
      }
    }
    return stryMutAct_9fa48("186") ? Math.max(1, Math.max(0, 2 * sum)) : (stryCov_9fa48("186"), Math.min(1, stryMutAct_9fa48("187") ? Math.min(0, 2 * sum) : (stryCov_9fa48("187"), Math.max(0, stryMutAct_9fa48("188") ? 2 / sum : (stryCov_9fa48("188"), 2 * sum)))));
  }
}

/** Asymptotic two-sided p-value of the two-sample KS statistic (Stephens 1970 correction). */
export function ksPValue(d: number, n: number, m: number): number {
  if (stryMutAct_9fa48("189")) {
    {}
  } else {
    stryCov_9fa48("189");
    const en = Math.sqrt(stryMutAct_9fa48("190") ? n * m * (n + m) : (stryCov_9fa48("190"), (stryMutAct_9fa48("191") ? n / m : (stryCov_9fa48("191"), n * m)) / (stryMutAct_9fa48("192") ? n - m : (stryCov_9fa48("192"), n + m))));
    return kolmogorovSurvival(stryMutAct_9fa48("193") ? (en + 0.12 + 0.11 / en) / d : (stryCov_9fa48("193"), (stryMutAct_9fa48("194") ? en + 0.12 - 0.11 / en : (stryCov_9fa48("194"), (stryMutAct_9fa48("195") ? en - 0.12 : (stryCov_9fa48("195"), en + 0.12)) + (stryMutAct_9fa48("196") ? 0.11 * en : (stryCov_9fa48("196"), 0.11 / en)))) * d));
  }
}

/** ∫ |F_a − F_b| dx for two sorted samples (scipy.stats.wasserstein_distance). */
export function wasserstein(a: Float64Array, b: Float64Array): number {
  if (stryMutAct_9fa48("197")) {
    {}
  } else {
    stryCov_9fa48("197");
    let i = 0;
    let j = 0;
    let area = 0;
    let previous = stryMutAct_9fa48("198") ? Math.max(a[0], b[0]) : (stryCov_9fa48("198"), Math.min(a[0], b[0]));
    while (stryMutAct_9fa48("200") ? i < a.length && j < b.length : stryMutAct_9fa48("199") ? false : (stryCov_9fa48("199", "200"), (stryMutAct_9fa48("203") ? i >= a.length : stryMutAct_9fa48("202") ? i <= a.length : stryMutAct_9fa48("201") ? false : (stryCov_9fa48("201", "202", "203"), i < a.length)) || (stryMutAct_9fa48("206") ? j >= b.length : stryMutAct_9fa48("205") ? j <= b.length : stryMutAct_9fa48("204") ? false : (stryCov_9fa48("204", "205", "206"), j < b.length)))) {
      if (stryMutAct_9fa48("207")) {
        {}
      } else {
        stryCov_9fa48("207");
        const x = (stryMutAct_9fa48("210") ? j >= b.length && i < a.length && a[i] <= b[j] : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), (stryMutAct_9fa48("213") ? j < b.length : stryMutAct_9fa48("212") ? j > b.length : stryMutAct_9fa48("211") ? false : (stryCov_9fa48("211", "212", "213"), j >= b.length)) || (stryMutAct_9fa48("215") ? i < a.length || a[i] <= b[j] : stryMutAct_9fa48("214") ? false : (stryCov_9fa48("214", "215"), (stryMutAct_9fa48("218") ? i >= a.length : stryMutAct_9fa48("217") ? i <= a.length : stryMutAct_9fa48("216") ? true : (stryCov_9fa48("216", "217", "218"), i < a.length)) && (stryMutAct_9fa48("221") ? a[i] > b[j] : stryMutAct_9fa48("220") ? a[i] < b[j] : stryMutAct_9fa48("219") ? true : (stryCov_9fa48("219", "220", "221"), a[i] <= b[j])))))) ? a[i] : b[j];
        stryMutAct_9fa48("222") ? area -= Math.abs(i / a.length - j / b.length) * (x - previous) : (stryCov_9fa48("222"), area += stryMutAct_9fa48("223") ? Math.abs(i / a.length - j / b.length) / (x - previous) : (stryCov_9fa48("223"), Math.abs(stryMutAct_9fa48("224") ? i / a.length + j / b.length : (stryCov_9fa48("224"), (stryMutAct_9fa48("225") ? i * a.length : (stryCov_9fa48("225"), i / a.length)) - (stryMutAct_9fa48("226") ? j * b.length : (stryCov_9fa48("226"), j / b.length)))) * (stryMutAct_9fa48("227") ? x + previous : (stryCov_9fa48("227"), x - previous))));
        previous = x;
        while (stryMutAct_9fa48("229") ? i < a.length || a[i] === x : stryMutAct_9fa48("228") ? false : (stryCov_9fa48("228", "229"), (stryMutAct_9fa48("232") ? i >= a.length : stryMutAct_9fa48("231") ? i <= a.length : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231", "232"), i < a.length)) && (stryMutAct_9fa48("234") ? a[i] !== x : stryMutAct_9fa48("233") ? true : (stryCov_9fa48("233", "234"), a[i] === x)))) stryMutAct_9fa48("235") ? i-- : (stryCov_9fa48("235"), i++);
        while (stryMutAct_9fa48("237") ? j < b.length || b[j] === x : stryMutAct_9fa48("236") ? false : (stryCov_9fa48("236", "237"), (stryMutAct_9fa48("240") ? j >= b.length : stryMutAct_9fa48("239") ? j <= b.length : stryMutAct_9fa48("238") ? true : (stryCov_9fa48("238", "239", "240"), j < b.length)) && (stryMutAct_9fa48("242") ? b[j] !== x : stryMutAct_9fa48("241") ? true : (stryCov_9fa48("241", "242"), b[j] === x)))) stryMutAct_9fa48("243") ? j-- : (stryCov_9fa48("243"), j++);
      }
    }
    return area;
  }
}

/** √(JS divergence) in base 2, between two count vectors (normalised here). */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (stryMutAct_9fa48("244")) {
    {}
  } else {
    stryCov_9fa48("244");
    const sp = sum(p);
    const sq = sum(q);
    let divergence = 0;
    for (let k = 0; stryMutAct_9fa48("247") ? k >= p.length : stryMutAct_9fa48("246") ? k <= p.length : stryMutAct_9fa48("245") ? false : (stryCov_9fa48("245", "246", "247"), k < p.length); stryMutAct_9fa48("248") ? k-- : (stryCov_9fa48("248"), k++)) {
      if (stryMutAct_9fa48("249")) {
        {}
      } else {
        stryCov_9fa48("249");
        const a = stryMutAct_9fa48("250") ? p[k] * sp : (stryCov_9fa48("250"), p[k] / sp);
        const b = stryMutAct_9fa48("251") ? q[k] * sq : (stryCov_9fa48("251"), q[k] / sq);
        const m = stryMutAct_9fa48("252") ? (a + b) * 2 : (stryCov_9fa48("252"), (stryMutAct_9fa48("253") ? a - b : (stryCov_9fa48("253"), a + b)) / 2);
        if (stryMutAct_9fa48("257") ? a <= 0 : stryMutAct_9fa48("256") ? a >= 0 : stryMutAct_9fa48("255") ? false : stryMutAct_9fa48("254") ? true : (stryCov_9fa48("254", "255", "256", "257"), a > 0)) stryMutAct_9fa48("258") ? divergence -= 0.5 * a * Math.log2(a / m) : (stryCov_9fa48("258"), divergence += stryMutAct_9fa48("259") ? 0.5 * a / Math.log2(a / m) : (stryCov_9fa48("259"), (stryMutAct_9fa48("260") ? 0.5 / a : (stryCov_9fa48("260"), 0.5 * a)) * Math.log2(stryMutAct_9fa48("261") ? a * m : (stryCov_9fa48("261"), a / m))));
        if (stryMutAct_9fa48("265") ? b <= 0 : stryMutAct_9fa48("264") ? b >= 0 : stryMutAct_9fa48("263") ? false : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263", "264", "265"), b > 0)) stryMutAct_9fa48("266") ? divergence -= 0.5 * b * Math.log2(b / m) : (stryCov_9fa48("266"), divergence += stryMutAct_9fa48("267") ? 0.5 * b / Math.log2(b / m) : (stryCov_9fa48("267"), (stryMutAct_9fa48("268") ? 0.5 / b : (stryCov_9fa48("268"), 0.5 * b)) * Math.log2(stryMutAct_9fa48("269") ? b * m : (stryCov_9fa48("269"), b / m))));
      }
    }
    return Math.sqrt(stryMutAct_9fa48("270") ? Math.min(0, divergence) : (stryCov_9fa48("270"), Math.max(0, divergence)));
  }
}

/** Population stability index Σ (c − r) ln(c / r) over bins, with empty bins floored at 1e-4. */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (stryMutAct_9fa48("271")) {
    {}
  } else {
    stryCov_9fa48("271");
    const sr = sum(reference);
    const sc = sum(current);
    let total = 0;
    for (let k = 0; stryMutAct_9fa48("274") ? k >= reference.length : stryMutAct_9fa48("273") ? k <= reference.length : stryMutAct_9fa48("272") ? false : (stryCov_9fa48("272", "273", "274"), k < reference.length); stryMutAct_9fa48("275") ? k-- : (stryCov_9fa48("275"), k++)) {
      if (stryMutAct_9fa48("276")) {
        {}
      } else {
        stryCov_9fa48("276");
        const r = stryMutAct_9fa48("277") ? Math.min(1e-4, reference[k] / sr) : (stryCov_9fa48("277"), Math.max(1e-4, stryMutAct_9fa48("278") ? reference[k] * sr : (stryCov_9fa48("278"), reference[k] / sr)));
        const c = stryMutAct_9fa48("279") ? Math.min(1e-4, current[k] / sc) : (stryCov_9fa48("279"), Math.max(1e-4, stryMutAct_9fa48("280") ? current[k] * sc : (stryCov_9fa48("280"), current[k] / sc)));
        stryMutAct_9fa48("281") ? total -= (c - r) * Math.log(c / r) : (stryCov_9fa48("281"), total += stryMutAct_9fa48("282") ? (c - r) / Math.log(c / r) : (stryCov_9fa48("282"), (stryMutAct_9fa48("283") ? c + r : (stryCov_9fa48("283"), c - r)) * Math.log(stryMutAct_9fa48("284") ? c * r : (stryCov_9fa48("284"), c / r))));
      }
    }
    return total;
  }
}
function sum(xs: ArrayLike<number>): number {
  if (stryMutAct_9fa48("285")) {
    {}
  } else {
    stryCov_9fa48("285");
    let s = 0;
    for (let i = 0; stryMutAct_9fa48("288") ? i >= xs.length : stryMutAct_9fa48("287") ? i <= xs.length : stryMutAct_9fa48("286") ? false : (stryCov_9fa48("286", "287", "288"), i < xs.length); stryMutAct_9fa48("289") ? i-- : (stryCov_9fa48("289"), i++)) stryMutAct_9fa48("290") ? s -= xs[i] : (stryCov_9fa48("290"), s += xs[i]);
    return s;
  }
}