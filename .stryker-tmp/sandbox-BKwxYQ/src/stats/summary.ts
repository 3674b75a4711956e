/**
 * Mean, variance and standard deviation with one rule for missing values: NaN is
 * skipped (d3-array's rule). Two passes (mean, then squared deviations) keep the
 * variance exact for data far from zero, as Welford's update does, without a division
 * per value. `ddof` is numpy's: 1 for the sample variance (the default), 0 for the
 * population variance. Fewer than `ddof + 1` values give NaN.
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
export function mean(values: ArrayLike<number>): number {
  if (stryMutAct_9fa48("916")) {
    {}
  } else {
    stryCov_9fa48("916");
    let sum = 0;
    let n = 0;
    for (let i = 0; stryMutAct_9fa48("919") ? i >= values.length : stryMutAct_9fa48("918") ? i <= values.length : stryMutAct_9fa48("917") ? false : (stryCov_9fa48("917", "918", "919"), i < values.length); stryMutAct_9fa48("920") ? i-- : (stryCov_9fa48("920"), i++)) {
      if (stryMutAct_9fa48("921")) {
        {}
      } else {
        stryCov_9fa48("921");
        const v = values[i];
        if (stryMutAct_9fa48("924") ? v !== v : stryMutAct_9fa48("923") ? false : stryMutAct_9fa48("922") ? true : (stryCov_9fa48("922", "923", "924"), v === v)) {
          if (stryMutAct_9fa48("925")) {
            {}
          } else {
            stryCov_9fa48("925");
            stryMutAct_9fa48("926") ? sum -= v : (stryCov_9fa48("926"), sum += v);
            stryMutAct_9fa48("927") ? n-- : (stryCov_9fa48("927"), n++);
          }
        }
      }
    }
    return (stryMutAct_9fa48("930") ? n !== 0 : stryMutAct_9fa48("929") ? false : stryMutAct_9fa48("928") ? true : (stryCov_9fa48("928", "929", "930"), n === 0)) ? NaN : stryMutAct_9fa48("931") ? sum * n : (stryCov_9fa48("931"), sum / n);
  }
}
export function variance(values: ArrayLike<number>, ddof = 1): number {
  if (stryMutAct_9fa48("932")) {
    {}
  } else {
    stryCov_9fa48("932");
    const m = mean(values);
    let squares = 0;
    let compensation = 0;
    let n = 0;
    for (let i = 0; stryMutAct_9fa48("935") ? i >= values.length : stryMutAct_9fa48("934") ? i <= values.length : stryMutAct_9fa48("933") ? false : (stryCov_9fa48("933", "934", "935"), i < values.length); stryMutAct_9fa48("936") ? i-- : (stryCov_9fa48("936"), i++)) {
      if (stryMutAct_9fa48("937")) {
        {}
      } else {
        stryCov_9fa48("937");
        const v = values[i];
        if (stryMutAct_9fa48("940") ? v === v : stryMutAct_9fa48("939") ? false : stryMutAct_9fa48("938") ? true : (stryCov_9fa48("938", "939", "940"), v !== v)) continue;
        const d = stryMutAct_9fa48("941") ? v + m : (stryCov_9fa48("941"), v - m);
        stryMutAct_9fa48("942") ? squares -= d * d : (stryCov_9fa48("942"), squares += stryMutAct_9fa48("943") ? d / d : (stryCov_9fa48("943"), d * d));
        stryMutAct_9fa48("944") ? compensation -= d : (stryCov_9fa48("944"), compensation += d);
        stryMutAct_9fa48("945") ? n-- : (stryCov_9fa48("945"), n++);
      }
    }
    if (stryMutAct_9fa48("949") ? n - ddof > 0 : stryMutAct_9fa48("948") ? n - ddof < 0 : stryMutAct_9fa48("947") ? false : stryMutAct_9fa48("946") ? true : (stryCov_9fa48("946", "947", "948", "949"), (stryMutAct_9fa48("950") ? n + ddof : (stryCov_9fa48("950"), n - ddof)) <= 0)) return NaN;
    // The compensation term removes the rounding left in the mean (the corrected two-pass algorithm).
    return stryMutAct_9fa48("951") ? (squares - compensation * compensation / n) * (n - ddof) : (stryCov_9fa48("951"), (stryMutAct_9fa48("952") ? squares + compensation * compensation / n : (stryCov_9fa48("952"), squares - (stryMutAct_9fa48("953") ? compensation * compensation * n : (stryCov_9fa48("953"), (stryMutAct_9fa48("954") ? compensation / compensation : (stryCov_9fa48("954"), compensation * compensation)) / n)))) / (stryMutAct_9fa48("955") ? n + ddof : (stryCov_9fa48("955"), n - ddof)));
  }
}

/** The sample standard deviation (ddof 1), as pandas' `std()` and d3's `deviation`. */
export function sampleStd(values: ArrayLike<number>): number {
  if (stryMutAct_9fa48("956")) {
    {}
  } else {
    stryCov_9fa48("956");
    return Math.sqrt(variance(values, 1));
  }
}

/** The population standard deviation (ddof 0), as numpy's `std()`. */
export function populationStd(values: ArrayLike<number>): number {
  if (stryMutAct_9fa48("957")) {
    {}
  } else {
    stryCov_9fa48("957");
    return Math.sqrt(variance(values, 0));
  }
}