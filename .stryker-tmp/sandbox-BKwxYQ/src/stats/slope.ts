/**
 * Least-squares slopes from sufficient statistics: one group's slope with its standard
 * error, and the pooled within-group slope (a common slope with a separate intercept
 * per group: the fixed-effects estimate that holds the grouping constant).
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
import { studentTTwoSided } from "./special.js";

/** Σ-statistics of (x, y) pairs, centred per group for numerical stability. */
export interface Moments {
  n: number;
  meanX: number;
  meanY: number;
  sxx: number;
  sxy: number;
  syy: number;
}
export function emptyMoments(): Moments {
  if (stryMutAct_9fa48("624")) {
    {}
  } else {
    stryCov_9fa48("624");
    return stryMutAct_9fa48("625") ? {} : (stryCov_9fa48("625"), {
      n: 0,
      meanX: 0,
      meanY: 0,
      sxx: 0,
      sxy: 0,
      syy: 0
    });
  }
}

/** Welford-style update of the co-moments. */
export function addPair(m: Moments, x: number, y: number): void {
  if (stryMutAct_9fa48("626")) {
    {}
  } else {
    stryCov_9fa48("626");
    stryMutAct_9fa48("627") ? m.n-- : (stryCov_9fa48("627"), m.n++);
    const dx = stryMutAct_9fa48("628") ? x + m.meanX : (stryCov_9fa48("628"), x - m.meanX);
    const dy = stryMutAct_9fa48("629") ? y + m.meanY : (stryCov_9fa48("629"), y - m.meanY);
    stryMutAct_9fa48("630") ? m.meanX -= dx / m.n : (stryCov_9fa48("630"), m.meanX += stryMutAct_9fa48("631") ? dx * m.n : (stryCov_9fa48("631"), dx / m.n));
    stryMutAct_9fa48("632") ? m.meanY -= dy / m.n : (stryCov_9fa48("632"), m.meanY += stryMutAct_9fa48("633") ? dy * m.n : (stryCov_9fa48("633"), dy / m.n));
    stryMutAct_9fa48("634") ? m.sxx -= dx * (x - m.meanX) : (stryCov_9fa48("634"), m.sxx += stryMutAct_9fa48("635") ? dx / (x - m.meanX) : (stryCov_9fa48("635"), dx * (stryMutAct_9fa48("636") ? x + m.meanX : (stryCov_9fa48("636"), x - m.meanX))));
    stryMutAct_9fa48("637") ? m.syy -= dy * (y - m.meanY) : (stryCov_9fa48("637"), m.syy += stryMutAct_9fa48("638") ? dy / (y - m.meanY) : (stryCov_9fa48("638"), dy * (stryMutAct_9fa48("639") ? y + m.meanY : (stryCov_9fa48("639"), y - m.meanY))));
    stryMutAct_9fa48("640") ? m.sxy -= dx * (y - m.meanY) : (stryCov_9fa48("640"), m.sxy += stryMutAct_9fa48("641") ? dx / (y - m.meanY) : (stryCov_9fa48("641"), dx * (stryMutAct_9fa48("642") ? y + m.meanY : (stryCov_9fa48("642"), y - m.meanY))));
  }
}
export interface SlopeEstimate {
  readonly slope: number;
  readonly se: number;
  readonly df: number;
  readonly pValue: number;
  readonly low: number;
  readonly high: number;
  readonly correlation: number;
}
export function slopeOf(m: Moments, confidence = 0.95): SlopeEstimate {
  if (stryMutAct_9fa48("643")) {
    {}
  } else {
    stryCov_9fa48("643");
    const slope = stryMutAct_9fa48("644") ? m.sxy * m.sxx : (stryCov_9fa48("644"), m.sxy / m.sxx);
    const df = stryMutAct_9fa48("645") ? m.n + 2 : (stryCov_9fa48("645"), m.n - 2);
    const rss = stryMutAct_9fa48("646") ? Math.min(0, m.syy - slope * m.sxy) : (stryCov_9fa48("646"), Math.max(0, stryMutAct_9fa48("647") ? m.syy + slope * m.sxy : (stryCov_9fa48("647"), m.syy - (stryMutAct_9fa48("648") ? slope / m.sxy : (stryCov_9fa48("648"), slope * m.sxy)))));
    return estimate(slope, Math.sqrt(stryMutAct_9fa48("649") ? rss / df * m.sxx : (stryCov_9fa48("649"), (stryMutAct_9fa48("650") ? rss * df : (stryCov_9fa48("650"), rss / df)) / m.sxx)), df, stryMutAct_9fa48("651") ? m.sxy * Math.sqrt(m.sxx * m.syy) : (stryCov_9fa48("651"), m.sxy / Math.sqrt(stryMutAct_9fa48("652") ? m.sxx / m.syy : (stryCov_9fa48("652"), m.sxx * m.syy))), confidence);
  }
}
export function pooledSlope(groups: readonly Moments[], confidence = 0.95): SlopeEstimate {
  if (stryMutAct_9fa48("653")) {
    {}
  } else {
    stryCov_9fa48("653");
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    let n = 0;
    for (const g of groups) {
      if (stryMutAct_9fa48("654")) {
        {}
      } else {
        stryCov_9fa48("654");
        stryMutAct_9fa48("655") ? sxx -= g.sxx : (stryCov_9fa48("655"), sxx += g.sxx);
        stryMutAct_9fa48("656") ? sxy -= g.sxy : (stryCov_9fa48("656"), sxy += g.sxy);
        stryMutAct_9fa48("657") ? syy -= g.syy : (stryCov_9fa48("657"), syy += g.syy);
        stryMutAct_9fa48("658") ? n -= g.n : (stryCov_9fa48("658"), n += g.n);
      }
    }
    const slope = stryMutAct_9fa48("659") ? sxy * sxx : (stryCov_9fa48("659"), sxy / sxx);
    const df = stryMutAct_9fa48("660") ? n - groups.length + 1 : (stryCov_9fa48("660"), (stryMutAct_9fa48("661") ? n + groups.length : (stryCov_9fa48("661"), n - groups.length)) - 1);
    const rss = stryMutAct_9fa48("662") ? Math.min(0, syy - slope * sxy) : (stryCov_9fa48("662"), Math.max(0, stryMutAct_9fa48("663") ? syy + slope * sxy : (stryCov_9fa48("663"), syy - (stryMutAct_9fa48("664") ? slope / sxy : (stryCov_9fa48("664"), slope * sxy)))));
    return estimate(slope, Math.sqrt(stryMutAct_9fa48("665") ? rss / df * sxx : (stryCov_9fa48("665"), (stryMutAct_9fa48("666") ? rss * df : (stryCov_9fa48("666"), rss / df)) / sxx)), df, stryMutAct_9fa48("667") ? sxy * Math.sqrt(sxx * syy) : (stryCov_9fa48("667"), sxy / Math.sqrt(stryMutAct_9fa48("668") ? sxx / syy : (stryCov_9fa48("668"), sxx * syy))), confidence);
  }
}
function estimate(slope: number, se: number, df: number, correlation: number, confidence: number): SlopeEstimate {
  if (stryMutAct_9fa48("669")) {
    {}
  } else {
    stryCov_9fa48("669");
    const t = tQuantile(stryMutAct_9fa48("670") ? 1 + (1 - confidence) / 2 : (stryCov_9fa48("670"), 1 - (stryMutAct_9fa48("671") ? (1 - confidence) * 2 : (stryCov_9fa48("671"), (stryMutAct_9fa48("672") ? 1 + confidence : (stryCov_9fa48("672"), 1 - confidence)) / 2))), df);
    return stryMutAct_9fa48("673") ? {} : (stryCov_9fa48("673"), {
      slope,
      se,
      df,
      pValue: studentTTwoSided(stryMutAct_9fa48("674") ? slope * se : (stryCov_9fa48("674"), slope / se), df),
      low: stryMutAct_9fa48("675") ? slope + t * se : (stryCov_9fa48("675"), slope - (stryMutAct_9fa48("676") ? t / se : (stryCov_9fa48("676"), t * se))),
      high: stryMutAct_9fa48("677") ? slope - t * se : (stryCov_9fa48("677"), slope + (stryMutAct_9fa48("678") ? t / se : (stryCov_9fa48("678"), t * se))),
      correlation
    });
  }
}

/** Quantile of Student's t by bisection on the two-sided tail (60 halvings: far below double precision). */
export function tQuantile(p: number, df: number): number {
  if (stryMutAct_9fa48("679")) {
    {}
  } else {
    stryCov_9fa48("679");
    const tail = stryMutAct_9fa48("680") ? 2 / (1 - p) : (stryCov_9fa48("680"), 2 * (stryMutAct_9fa48("681") ? 1 + p : (stryCov_9fa48("681"), 1 - p)));
    let lo = 0;
    let hi = 1e3;
    for (let i = 0; stryMutAct_9fa48("684") ? i >= 80 : stryMutAct_9fa48("683") ? i <= 80 : stryMutAct_9fa48("682") ? false : (stryCov_9fa48("682", "683", "684"), i < 80); stryMutAct_9fa48("685") ? i-- : (stryCov_9fa48("685"), i++)) {
      if (stryMutAct_9fa48("686")) {
        {}
      } else {
        stryCov_9fa48("686");
        const mid = stryMutAct_9fa48("687") ? (lo + hi) * 2 : (stryCov_9fa48("687"), (stryMutAct_9fa48("688") ? lo - hi : (stryCov_9fa48("688"), lo + hi)) / 2);
        if (stryMutAct_9fa48("692") ? studentTTwoSided(mid, df) <= tail : stryMutAct_9fa48("691") ? studentTTwoSided(mid, df) >= tail : stryMutAct_9fa48("690") ? false : stryMutAct_9fa48("689") ? true : (stryCov_9fa48("689", "690", "691", "692"), studentTTwoSided(mid, df) > tail)) lo = mid;else hi = mid;
      }
    }
    return stryMutAct_9fa48("693") ? (lo + hi) * 2 : (stryCov_9fa48("693"), (stryMutAct_9fa48("694") ? lo - hi : (stryCov_9fa48("694"), lo + hi)) / 2);
  }
}