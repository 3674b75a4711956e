/**
 * Stratified analysis of 2 × 2 tables (Agresti, Categorical Data Analysis, §6.3):
 * the Mantel–Haenszel common odds ratio with the Robins–Breslow–Greenland confidence
 * interval, and the Cochran–Mantel–Haenszel test of conditional independence with
 * continuity correction (R's mantelhaen.test). Each table is [a, b, c, d]: exposure
 * level 1 with and without the outcome, then level 2 with and without it.
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
import { chiSquaredSurvival } from "./special.js";
export interface MantelHaenszel {
  readonly oddsRatio: number;
  readonly low: number;
  readonly high: number;
  readonly statistic: number;
  readonly pValue: number;
}
export function mantelHaenszel(tables: readonly (readonly [number, number, number, number])[], confidence = 0.95): MantelHaenszel {
  if (stryMutAct_9fa48("358")) {
    {}
  } else {
    stryCov_9fa48("358");
    let R = 0;
    let S = 0;
    let PR = 0;
    let PSQR = 0;
    let QS = 0;
    let observed = 0;
    let expected = 0;
    let variance = 0;
    for (const [a, b, c, d] of tables) {
      if (stryMutAct_9fa48("359")) {
        {}
      } else {
        stryCov_9fa48("359");
        const n = stryMutAct_9fa48("360") ? a + b + c - d : (stryCov_9fa48("360"), (stryMutAct_9fa48("361") ? a + b - c : (stryCov_9fa48("361"), (stryMutAct_9fa48("362") ? a - b : (stryCov_9fa48("362"), a + b)) + c)) + d);
        if (stryMutAct_9fa48("366") ? n >= 2 : stryMutAct_9fa48("365") ? n <= 2 : stryMutAct_9fa48("364") ? false : stryMutAct_9fa48("363") ? true : (stryCov_9fa48("363", "364", "365", "366"), n < 2)) continue;
        const r = stryMutAct_9fa48("367") ? a * d * n : (stryCov_9fa48("367"), (stryMutAct_9fa48("368") ? a / d : (stryCov_9fa48("368"), a * d)) / n);
        const s = stryMutAct_9fa48("369") ? b * c * n : (stryCov_9fa48("369"), (stryMutAct_9fa48("370") ? b / c : (stryCov_9fa48("370"), b * c)) / n);
        const p = stryMutAct_9fa48("371") ? (a + d) * n : (stryCov_9fa48("371"), (stryMutAct_9fa48("372") ? a - d : (stryCov_9fa48("372"), a + d)) / n);
        const q = stryMutAct_9fa48("373") ? (b + c) * n : (stryCov_9fa48("373"), (stryMutAct_9fa48("374") ? b - c : (stryCov_9fa48("374"), b + c)) / n);
        stryMutAct_9fa48("375") ? R -= r : (stryCov_9fa48("375"), R += r);
        stryMutAct_9fa48("376") ? S -= s : (stryCov_9fa48("376"), S += s);
        stryMutAct_9fa48("377") ? PR -= p * r : (stryCov_9fa48("377"), PR += stryMutAct_9fa48("378") ? p / r : (stryCov_9fa48("378"), p * r));
        stryMutAct_9fa48("379") ? PSQR -= p * s + q * r : (stryCov_9fa48("379"), PSQR += stryMutAct_9fa48("380") ? p * s - q * r : (stryCov_9fa48("380"), (stryMutAct_9fa48("381") ? p / s : (stryCov_9fa48("381"), p * s)) + (stryMutAct_9fa48("382") ? q / r : (stryCov_9fa48("382"), q * r))));
        stryMutAct_9fa48("383") ? QS -= q * s : (stryCov_9fa48("383"), QS += stryMutAct_9fa48("384") ? q / s : (stryCov_9fa48("384"), q * s));
        stryMutAct_9fa48("385") ? observed -= a : (stryCov_9fa48("385"), observed += a);
        stryMutAct_9fa48("386") ? expected -= (a + b) * (a + c) / n : (stryCov_9fa48("386"), expected += stryMutAct_9fa48("387") ? (a + b) * (a + c) * n : (stryCov_9fa48("387"), (stryMutAct_9fa48("388") ? (a + b) / (a + c) : (stryCov_9fa48("388"), (stryMutAct_9fa48("389") ? a - b : (stryCov_9fa48("389"), a + b)) * (stryMutAct_9fa48("390") ? a - c : (stryCov_9fa48("390"), a + c)))) / n));
        stryMutAct_9fa48("391") ? variance -= (a + b) * (c + d) * (a + c) * (b + d) / (n * n * (n - 1)) : (stryCov_9fa48("391"), variance += stryMutAct_9fa48("392") ? (a + b) * (c + d) * (a + c) * (b + d) * (n * n * (n - 1)) : (stryCov_9fa48("392"), (stryMutAct_9fa48("393") ? (a + b) * (c + d) * (a + c) / (b + d) : (stryCov_9fa48("393"), (stryMutAct_9fa48("394") ? (a + b) * (c + d) / (a + c) : (stryCov_9fa48("394"), (stryMutAct_9fa48("395") ? (a + b) / (c + d) : (stryCov_9fa48("395"), (stryMutAct_9fa48("396") ? a - b : (stryCov_9fa48("396"), a + b)) * (stryMutAct_9fa48("397") ? c - d : (stryCov_9fa48("397"), c + d)))) * (stryMutAct_9fa48("398") ? a - c : (stryCov_9fa48("398"), a + c)))) * (stryMutAct_9fa48("399") ? b - d : (stryCov_9fa48("399"), b + d)))) / (stryMutAct_9fa48("400") ? n * n / (n - 1) : (stryCov_9fa48("400"), (stryMutAct_9fa48("401") ? n / n : (stryCov_9fa48("401"), n * n)) * (stryMutAct_9fa48("402") ? n + 1 : (stryCov_9fa48("402"), n - 1))))));
      }
    }
    const oddsRatio = stryMutAct_9fa48("403") ? R * S : (stryCov_9fa48("403"), R / S);
    const se = Math.sqrt(stryMutAct_9fa48("404") ? PR / (2 * R * R) + PSQR / (2 * R * S) - QS / (2 * S * S) : (stryCov_9fa48("404"), (stryMutAct_9fa48("405") ? PR / (2 * R * R) - PSQR / (2 * R * S) : (stryCov_9fa48("405"), (stryMutAct_9fa48("406") ? PR * (2 * R * R) : (stryCov_9fa48("406"), PR / (stryMutAct_9fa48("407") ? 2 * R / R : (stryCov_9fa48("407"), (stryMutAct_9fa48("408") ? 2 / R : (stryCov_9fa48("408"), 2 * R)) * R)))) + (stryMutAct_9fa48("409") ? PSQR * (2 * R * S) : (stryCov_9fa48("409"), PSQR / (stryMutAct_9fa48("410") ? 2 * R / S : (stryCov_9fa48("410"), (stryMutAct_9fa48("411") ? 2 / R : (stryCov_9fa48("411"), 2 * R)) * S)))))) + (stryMutAct_9fa48("412") ? QS * (2 * S * S) : (stryCov_9fa48("412"), QS / (stryMutAct_9fa48("413") ? 2 * S / S : (stryCov_9fa48("413"), (stryMutAct_9fa48("414") ? 2 / S : (stryCov_9fa48("414"), 2 * S)) * S))))));
    const z = normalQuantile(stryMutAct_9fa48("415") ? 1 + (1 - confidence) / 2 : (stryCov_9fa48("415"), 1 - (stryMutAct_9fa48("416") ? (1 - confidence) * 2 : (stryCov_9fa48("416"), (stryMutAct_9fa48("417") ? 1 + confidence : (stryCov_9fa48("417"), 1 - confidence)) / 2))));
    const statistic = stryMutAct_9fa48("418") ? Math.max(0, Math.abs(observed - expected) - 0.5) ** 2 * variance : (stryCov_9fa48("418"), (stryMutAct_9fa48("419") ? Math.min(0, Math.abs(observed - expected) - 0.5) : (stryCov_9fa48("419"), Math.max(0, stryMutAct_9fa48("420") ? Math.abs(observed - expected) + 0.5 : (stryCov_9fa48("420"), Math.abs(stryMutAct_9fa48("421") ? observed + expected : (stryCov_9fa48("421"), observed - expected)) - 0.5)))) ** 2 / variance);
    return stryMutAct_9fa48("422") ? {} : (stryCov_9fa48("422"), {
      oddsRatio,
      low: Math.exp(stryMutAct_9fa48("423") ? Math.log(oddsRatio) + z * se : (stryCov_9fa48("423"), Math.log(oddsRatio) - (stryMutAct_9fa48("424") ? z / se : (stryCov_9fa48("424"), z * se)))),
      high: Math.exp(stryMutAct_9fa48("425") ? Math.log(oddsRatio) - z * se : (stryCov_9fa48("425"), Math.log(oddsRatio) + (stryMutAct_9fa48("426") ? z / se : (stryCov_9fa48("426"), z * se)))),
      statistic,
      pValue: chiSquaredSurvival(statistic, 1)
    });
  }
}