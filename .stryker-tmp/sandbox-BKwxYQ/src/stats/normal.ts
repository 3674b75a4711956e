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
import { gammaQ } from "./special.js";

/** Φ(x), from the complementary error function so that both tails keep their digits. */
export function normalCdf(x: number): number {
  if (stryMutAct_9fa48("427")) {
    {}
  } else {
    stryCov_9fa48("427");
    const tail = stryMutAct_9fa48("428") ? 0.5 / gammaQ(0.5, x * x / 2) : (stryCov_9fa48("428"), 0.5 * gammaQ(0.5, stryMutAct_9fa48("429") ? x * x * 2 : (stryCov_9fa48("429"), (stryMutAct_9fa48("430") ? x / x : (stryCov_9fa48("430"), x * x)) / 2)));
    return (stryMutAct_9fa48("434") ? x >= 0 : stryMutAct_9fa48("433") ? x <= 0 : stryMutAct_9fa48("432") ? false : stryMutAct_9fa48("431") ? true : (stryCov_9fa48("431", "432", "433", "434"), x < 0)) ? tail : stryMutAct_9fa48("435") ? 1 + tail : (stryCov_9fa48("435"), 1 - tail);
  }
}

/**
 * Quantile of the standard normal: Acklam's rational approximation (relative error
 * 1.15e-9), polished by one Newton step on the CDF.
 */
export function normalQuantile(p: number): number {
  if (stryMutAct_9fa48("436")) {
    {}
  } else {
    stryCov_9fa48("436");
    if (stryMutAct_9fa48("440") ? p > 0 : stryMutAct_9fa48("439") ? p < 0 : stryMutAct_9fa48("438") ? false : stryMutAct_9fa48("437") ? true : (stryCov_9fa48("437", "438", "439", "440"), p <= 0)) return stryMutAct_9fa48("441") ? +Infinity : (stryCov_9fa48("441"), -Infinity);
    if (stryMutAct_9fa48("445") ? p < 1 : stryMutAct_9fa48("444") ? p > 1 : stryMutAct_9fa48("443") ? false : stryMutAct_9fa48("442") ? true : (stryCov_9fa48("442", "443", "444", "445"), p >= 1)) return Infinity;
    const a = stryMutAct_9fa48("446") ? [] : (stryCov_9fa48("446"), [stryMutAct_9fa48("447") ? +3.969683028665376e1 : (stryCov_9fa48("447"), -3.969683028665376e1), 2.209460984245205e2, stryMutAct_9fa48("448") ? +2.759285104469687e2 : (stryCov_9fa48("448"), -2.759285104469687e2), 1.38357751867269e2, stryMutAct_9fa48("449") ? +3.066479806614716e1 : (stryCov_9fa48("449"), -3.066479806614716e1), 2.506628277459239]);
    const b = stryMutAct_9fa48("450") ? [] : (stryCov_9fa48("450"), [stryMutAct_9fa48("451") ? +5.447609879822406e1 : (stryCov_9fa48("451"), -5.447609879822406e1), 1.615858368580409e2, stryMutAct_9fa48("452") ? +1.556989798598866e2 : (stryCov_9fa48("452"), -1.556989798598866e2), 6.680131188771972e1, stryMutAct_9fa48("453") ? +1.328068155288572e1 : (stryCov_9fa48("453"), -1.328068155288572e1)]);
    const c = stryMutAct_9fa48("454") ? [] : (stryCov_9fa48("454"), [stryMutAct_9fa48("455") ? +7.784894002430293e-3 : (stryCov_9fa48("455"), -7.784894002430293e-3), stryMutAct_9fa48("456") ? +3.223964580411365e-1 : (stryCov_9fa48("456"), -3.223964580411365e-1), stryMutAct_9fa48("457") ? +2.400758277161838 : (stryCov_9fa48("457"), -2.400758277161838), stryMutAct_9fa48("458") ? +2.549732539343734 : (stryCov_9fa48("458"), -2.549732539343734), 4.374664141464968, 2.938163982698783]);
    const d = stryMutAct_9fa48("459") ? [] : (stryCov_9fa48("459"), [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]);
    const low = 0.02425;
    let x: number;
    if (stryMutAct_9fa48("463") ? p >= low : stryMutAct_9fa48("462") ? p <= low : stryMutAct_9fa48("461") ? false : stryMutAct_9fa48("460") ? true : (stryCov_9fa48("460", "461", "462", "463"), p < low)) {
      if (stryMutAct_9fa48("464")) {
        {}
      } else {
        stryCov_9fa48("464");
        const q = Math.sqrt(stryMutAct_9fa48("465") ? -2 / Math.log(p) : (stryCov_9fa48("465"), (stryMutAct_9fa48("466") ? +2 : (stryCov_9fa48("466"), -2)) * Math.log(p)));
        x = stryMutAct_9fa48("467") ? (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) * ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1) : (stryCov_9fa48("467"), (stryMutAct_9fa48("468") ? ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q - c[5] : (stryCov_9fa48("468"), (stryMutAct_9fa48("469") ? ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) / q : (stryCov_9fa48("469"), (stryMutAct_9fa48("470") ? (((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q - c[4] : (stryCov_9fa48("470"), (stryMutAct_9fa48("471") ? (((c[0] * q + c[1]) * q + c[2]) * q + c[3]) / q : (stryCov_9fa48("471"), (stryMutAct_9fa48("472") ? ((c[0] * q + c[1]) * q + c[2]) * q - c[3] : (stryCov_9fa48("472"), (stryMutAct_9fa48("473") ? ((c[0] * q + c[1]) * q + c[2]) / q : (stryCov_9fa48("473"), (stryMutAct_9fa48("474") ? (c[0] * q + c[1]) * q - c[2] : (stryCov_9fa48("474"), (stryMutAct_9fa48("475") ? (c[0] * q + c[1]) / q : (stryCov_9fa48("475"), (stryMutAct_9fa48("476") ? c[0] * q - c[1] : (stryCov_9fa48("476"), (stryMutAct_9fa48("477") ? c[0] / q : (stryCov_9fa48("477"), c[0] * q)) + c[1])) * q)) + c[2])) * q)) + c[3])) * q)) + c[4])) * q)) + c[5])) / (stryMutAct_9fa48("478") ? (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q - 1 : (stryCov_9fa48("478"), (stryMutAct_9fa48("479") ? (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) / q : (stryCov_9fa48("479"), (stryMutAct_9fa48("480") ? ((d[0] * q + d[1]) * q + d[2]) * q - d[3] : (stryCov_9fa48("480"), (stryMutAct_9fa48("481") ? ((d[0] * q + d[1]) * q + d[2]) / q : (stryCov_9fa48("481"), (stryMutAct_9fa48("482") ? (d[0] * q + d[1]) * q - d[2] : (stryCov_9fa48("482"), (stryMutAct_9fa48("483") ? (d[0] * q + d[1]) / q : (stryCov_9fa48("483"), (stryMutAct_9fa48("484") ? d[0] * q - d[1] : (stryCov_9fa48("484"), (stryMutAct_9fa48("485") ? d[0] / q : (stryCov_9fa48("485"), d[0] * q)) + d[1])) * q)) + d[2])) * q)) + d[3])) * q)) + 1)));
      }
    } else if (stryMutAct_9fa48("489") ? p > 1 - low : stryMutAct_9fa48("488") ? p < 1 - low : stryMutAct_9fa48("487") ? false : stryMutAct_9fa48("486") ? true : (stryCov_9fa48("486", "487", "488", "489"), p <= (stryMutAct_9fa48("490") ? 1 + low : (stryCov_9fa48("490"), 1 - low)))) {
      if (stryMutAct_9fa48("491")) {
        {}
      } else {
        stryCov_9fa48("491");
        const q = stryMutAct_9fa48("492") ? p + 0.5 : (stryCov_9fa48("492"), p - 0.5);
        const r = stryMutAct_9fa48("493") ? q / q : (stryCov_9fa48("493"), q * q);
        x = stryMutAct_9fa48("494") ? (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q * (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1) : (stryCov_9fa48("494"), (stryMutAct_9fa48("495") ? (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) / q : (stryCov_9fa48("495"), (stryMutAct_9fa48("496") ? ((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r - a[5] : (stryCov_9fa48("496"), (stryMutAct_9fa48("497") ? ((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) / r : (stryCov_9fa48("497"), (stryMutAct_9fa48("498") ? (((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r - a[4] : (stryCov_9fa48("498"), (stryMutAct_9fa48("499") ? (((a[0] * r + a[1]) * r + a[2]) * r + a[3]) / r : (stryCov_9fa48("499"), (stryMutAct_9fa48("500") ? ((a[0] * r + a[1]) * r + a[2]) * r - a[3] : (stryCov_9fa48("500"), (stryMutAct_9fa48("501") ? ((a[0] * r + a[1]) * r + a[2]) / r : (stryCov_9fa48("501"), (stryMutAct_9fa48("502") ? (a[0] * r + a[1]) * r - a[2] : (stryCov_9fa48("502"), (stryMutAct_9fa48("503") ? (a[0] * r + a[1]) / r : (stryCov_9fa48("503"), (stryMutAct_9fa48("504") ? a[0] * r - a[1] : (stryCov_9fa48("504"), (stryMutAct_9fa48("505") ? a[0] / r : (stryCov_9fa48("505"), a[0] * r)) + a[1])) * r)) + a[2])) * r)) + a[3])) * r)) + a[4])) * r)) + a[5])) * q)) / (stryMutAct_9fa48("506") ? ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r - 1 : (stryCov_9fa48("506"), (stryMutAct_9fa48("507") ? ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) / r : (stryCov_9fa48("507"), (stryMutAct_9fa48("508") ? (((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r - b[4] : (stryCov_9fa48("508"), (stryMutAct_9fa48("509") ? (((b[0] * r + b[1]) * r + b[2]) * r + b[3]) / r : (stryCov_9fa48("509"), (stryMutAct_9fa48("510") ? ((b[0] * r + b[1]) * r + b[2]) * r - b[3] : (stryCov_9fa48("510"), (stryMutAct_9fa48("511") ? ((b[0] * r + b[1]) * r + b[2]) / r : (stryCov_9fa48("511"), (stryMutAct_9fa48("512") ? (b[0] * r + b[1]) * r - b[2] : (stryCov_9fa48("512"), (stryMutAct_9fa48("513") ? (b[0] * r + b[1]) / r : (stryCov_9fa48("513"), (stryMutAct_9fa48("514") ? b[0] * r - b[1] : (stryCov_9fa48("514"), (stryMutAct_9fa48("515") ? b[0] / r : (stryCov_9fa48("515"), b[0] * r)) + b[1])) * r)) + b[2])) * r)) + b[3])) * r)) + b[4])) * r)) + 1)));
      }
    } else {
      if (stryMutAct_9fa48("516")) {
        {}
      } else {
        stryCov_9fa48("516");
        const q = Math.sqrt(stryMutAct_9fa48("517") ? -2 / Math.log(1 - p) : (stryCov_9fa48("517"), (stryMutAct_9fa48("518") ? +2 : (stryCov_9fa48("518"), -2)) * Math.log(stryMutAct_9fa48("519") ? 1 + p : (stryCov_9fa48("519"), 1 - p))));
        x = stryMutAct_9fa48("520") ? -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) * ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1) : (stryCov_9fa48("520"), (stryMutAct_9fa48("521") ? +(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) : (stryCov_9fa48("521"), -(stryMutAct_9fa48("522") ? ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q - c[5] : (stryCov_9fa48("522"), (stryMutAct_9fa48("523") ? ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) / q : (stryCov_9fa48("523"), (stryMutAct_9fa48("524") ? (((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q - c[4] : (stryCov_9fa48("524"), (stryMutAct_9fa48("525") ? (((c[0] * q + c[1]) * q + c[2]) * q + c[3]) / q : (stryCov_9fa48("525"), (stryMutAct_9fa48("526") ? ((c[0] * q + c[1]) * q + c[2]) * q - c[3] : (stryCov_9fa48("526"), (stryMutAct_9fa48("527") ? ((c[0] * q + c[1]) * q + c[2]) / q : (stryCov_9fa48("527"), (stryMutAct_9fa48("528") ? (c[0] * q + c[1]) * q - c[2] : (stryCov_9fa48("528"), (stryMutAct_9fa48("529") ? (c[0] * q + c[1]) / q : (stryCov_9fa48("529"), (stryMutAct_9fa48("530") ? c[0] * q - c[1] : (stryCov_9fa48("530"), (stryMutAct_9fa48("531") ? c[0] / q : (stryCov_9fa48("531"), c[0] * q)) + c[1])) * q)) + c[2])) * q)) + c[3])) * q)) + c[4])) * q)) + c[5])))) / (stryMutAct_9fa48("532") ? (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q - 1 : (stryCov_9fa48("532"), (stryMutAct_9fa48("533") ? (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) / q : (stryCov_9fa48("533"), (stryMutAct_9fa48("534") ? ((d[0] * q + d[1]) * q + d[2]) * q - d[3] : (stryCov_9fa48("534"), (stryMutAct_9fa48("535") ? ((d[0] * q + d[1]) * q + d[2]) / q : (stryCov_9fa48("535"), (stryMutAct_9fa48("536") ? (d[0] * q + d[1]) * q - d[2] : (stryCov_9fa48("536"), (stryMutAct_9fa48("537") ? (d[0] * q + d[1]) / q : (stryCov_9fa48("537"), (stryMutAct_9fa48("538") ? d[0] * q - d[1] : (stryCov_9fa48("538"), (stryMutAct_9fa48("539") ? d[0] / q : (stryCov_9fa48("539"), d[0] * q)) + d[1])) * q)) + d[2])) * q)) + d[3])) * q)) + 1)));
      }
    }
    const error = stryMutAct_9fa48("540") ? normalCdf(x) + p : (stryCov_9fa48("540"), normalCdf(x) - p);
    return stryMutAct_9fa48("541") ? x + error * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2) : (stryCov_9fa48("541"), x - (stryMutAct_9fa48("542") ? error * Math.sqrt(2 * Math.PI) / Math.exp(x * x / 2) : (stryCov_9fa48("542"), (stryMutAct_9fa48("543") ? error / Math.sqrt(2 * Math.PI) : (stryCov_9fa48("543"), error * Math.sqrt(stryMutAct_9fa48("544") ? 2 / Math.PI : (stryCov_9fa48("544"), 2 * Math.PI)))) * Math.exp(stryMutAct_9fa48("545") ? x * x * 2 : (stryCov_9fa48("545"), (stryMutAct_9fa48("546") ? x / x : (stryCov_9fa48("546"), x * x)) / 2)))));
  }
}