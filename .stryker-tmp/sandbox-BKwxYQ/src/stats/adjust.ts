/**
 * Holm's step-down adjustment of p-values for multiple comparisons (controls the
 * family-wise error rate; statsmodels' multipletests(method="holm")). NaN stays NaN.
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
export function holm(pValues: readonly number[]): number[] {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const order = stryMutAct_9fa48("2") ? pValues.map((p, i) => ({
      p,
      i
    })).sort((a, b) => a.p - b.p) : stryMutAct_9fa48("1") ? pValues.map((p, i) => ({
      p,
      i
    })).filter(({
      p
    }) => !Number.isNaN(p)) : (stryCov_9fa48("1", "2"), pValues.map(stryMutAct_9fa48("3") ? () => undefined : (stryCov_9fa48("3"), (p, i) => stryMutAct_9fa48("4") ? {} : (stryCov_9fa48("4"), {
      p,
      i
    }))).filter(stryMutAct_9fa48("5") ? () => undefined : (stryCov_9fa48("5"), ({
      p
    }) => stryMutAct_9fa48("6") ? Number.isNaN(p) : (stryCov_9fa48("6"), !Number.isNaN(p)))).sort(stryMutAct_9fa48("7") ? () => undefined : (stryCov_9fa48("7"), (a, b) => stryMutAct_9fa48("8") ? a.p + b.p : (stryCov_9fa48("8"), a.p - b.p))));
    const m = order.length;
    const adjusted = pValues.map(stryMutAct_9fa48("9") ? () => undefined : (stryCov_9fa48("9"), () => NaN));
    let running = 0;
    order.forEach(({
      p,
      i
    }, rank) => {
      if (stryMutAct_9fa48("10")) {
        {}
      } else {
        stryCov_9fa48("10");
        running = stryMutAct_9fa48("11") ? Math.min(running, Math.min(1, (m - rank) * p)) : (stryCov_9fa48("11"), Math.max(running, stryMutAct_9fa48("12") ? Math.max(1, (m - rank) * p) : (stryCov_9fa48("12"), Math.min(1, stryMutAct_9fa48("13") ? (m - rank) / p : (stryCov_9fa48("13"), (stryMutAct_9fa48("14") ? m + rank : (stryCov_9fa48("14"), m - rank)) * p)))));
        adjusted[i] = running;
      }
    });
    return adjusted;
  }
}