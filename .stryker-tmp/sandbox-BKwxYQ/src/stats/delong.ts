/**
 * ROC AUC with its standard error by DeLong, DeLong and Clarke-Pearson (1988): each
 * positive's placement among the negatives and each negative's among the positives (ties
 * count half); the AUC is their mean and its variance the placements' variances over the
 * group sizes. One sort, so it serves samples of millions where a bootstrap would refit
 * the AUC hundreds of times.
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
export interface AucInterval {
  readonly auc: number;
  readonly standardError: number;
  readonly low: number;
  readonly high: number;
}

/** `positive[i]` is 1 for the positive class; a higher score means more positive. */
export function delongAuc(positive: ArrayLike<number>, scores: ArrayLike<number>, confidence = 0.95): AucInterval {
  if (stryMutAct_9fa48("15")) {
    {}
  } else {
    stryCov_9fa48("15");
    const n = scores.length;
    const order = stryMutAct_9fa48("16") ? Int32Array.from({
      length: n
    }, (_, i) => i) : (stryCov_9fa48("16"), Int32Array.from(stryMutAct_9fa48("17") ? {} : (stryCov_9fa48("17"), {
      length: n
    }), stryMutAct_9fa48("18") ? () => undefined : (stryCov_9fa48("18"), (_, i) => i)).sort(stryMutAct_9fa48("19") ? () => undefined : (stryCov_9fa48("19"), (a, b) => stryMutAct_9fa48("20") ? scores[a] + scores[b] : (stryCov_9fa48("20"), scores[a] - scores[b]))));
    let positives = 0;
    for (let i = 0; stryMutAct_9fa48("23") ? i >= n : stryMutAct_9fa48("22") ? i <= n : stryMutAct_9fa48("21") ? false : (stryCov_9fa48("21", "22", "23"), i < n); stryMutAct_9fa48("24") ? i-- : (stryCov_9fa48("24"), i++)) if (stryMutAct_9fa48("27") ? positive[i] !== 1 : stryMutAct_9fa48("26") ? false : stryMutAct_9fa48("25") ? true : (stryCov_9fa48("25", "26", "27"), positive[i] === 1)) stryMutAct_9fa48("28") ? positives-- : (stryCov_9fa48("28"), positives++);
    const negatives = stryMutAct_9fa48("29") ? n + positives : (stryCov_9fa48("29"), n - positives);
    if (stryMutAct_9fa48("32") ? positives === 0 && negatives === 0 : stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31", "32"), (stryMutAct_9fa48("34") ? positives !== 0 : stryMutAct_9fa48("33") ? false : (stryCov_9fa48("33", "34"), positives === 0)) || (stryMutAct_9fa48("36") ? negatives !== 0 : stryMutAct_9fa48("35") ? false : (stryCov_9fa48("35", "36"), negatives === 0)))) return stryMutAct_9fa48("37") ? {} : (stryCov_9fa48("37"), {
      auc: NaN,
      standardError: NaN,
      low: NaN,
      high: NaN
    });
    // For each run of tied scores: negatives below the run (and half the tied ones) place each positive;
    // positives above the run (and half the tied ones) place each negative.
    const placement = new Float64Array(n);
    let negativesBelow = 0;
    let positivesBelow = 0;
    for (let start = 0; stryMutAct_9fa48("40") ? start >= n : stryMutAct_9fa48("39") ? start <= n : stryMutAct_9fa48("38") ? false : (stryCov_9fa48("38", "39", "40"), start < n);) {
      if (stryMutAct_9fa48("41")) {
        {}
      } else {
        stryCov_9fa48("41");
        let end = start;
        let tiedPositives = 0;
        while (stryMutAct_9fa48("43") ? end < n || scores[order[end]] === scores[order[start]] : stryMutAct_9fa48("42") ? false : (stryCov_9fa48("42", "43"), (stryMutAct_9fa48("46") ? end >= n : stryMutAct_9fa48("45") ? end <= n : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46"), end < n)) && (stryMutAct_9fa48("48") ? scores[order[end]] !== scores[order[start]] : stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47", "48"), scores[order[end]] === scores[order[start]])))) {
          if (stryMutAct_9fa48("49")) {
            {}
          } else {
            stryCov_9fa48("49");
            if (stryMutAct_9fa48("52") ? positive[order[end]] !== 1 : stryMutAct_9fa48("51") ? false : stryMutAct_9fa48("50") ? true : (stryCov_9fa48("50", "51", "52"), positive[order[end]] === 1)) stryMutAct_9fa48("53") ? tiedPositives-- : (stryCov_9fa48("53"), tiedPositives++);
            stryMutAct_9fa48("54") ? end-- : (stryCov_9fa48("54"), end++);
          }
        }
        const tiedNegatives = stryMutAct_9fa48("55") ? end - start + tiedPositives : (stryCov_9fa48("55"), (stryMutAct_9fa48("56") ? end + start : (stryCov_9fa48("56"), end - start)) - tiedPositives);
        for (let k = start; stryMutAct_9fa48("59") ? k >= end : stryMutAct_9fa48("58") ? k <= end : stryMutAct_9fa48("57") ? false : (stryCov_9fa48("57", "58", "59"), k < end); stryMutAct_9fa48("60") ? k-- : (stryCov_9fa48("60"), k++)) {
          if (stryMutAct_9fa48("61")) {
            {}
          } else {
            stryCov_9fa48("61");
            const row = order[k];
            placement[row] = (stryMutAct_9fa48("64") ? positive[row] !== 1 : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), positive[row] === 1)) ? stryMutAct_9fa48("65") ? (negativesBelow + tiedNegatives / 2) * negatives : (stryCov_9fa48("65"), (stryMutAct_9fa48("66") ? negativesBelow - tiedNegatives / 2 : (stryCov_9fa48("66"), negativesBelow + (stryMutAct_9fa48("67") ? tiedNegatives * 2 : (stryCov_9fa48("67"), tiedNegatives / 2)))) / negatives) : stryMutAct_9fa48("68") ? (positives - positivesBelow - tiedPositives + tiedPositives / 2) * positives : (stryCov_9fa48("68"), (stryMutAct_9fa48("69") ? positives - positivesBelow - tiedPositives - tiedPositives / 2 : (stryCov_9fa48("69"), (stryMutAct_9fa48("70") ? positives - positivesBelow + tiedPositives : (stryCov_9fa48("70"), (stryMutAct_9fa48("71") ? positives + positivesBelow : (stryCov_9fa48("71"), positives - positivesBelow)) - tiedPositives)) + (stryMutAct_9fa48("72") ? tiedPositives * 2 : (stryCov_9fa48("72"), tiedPositives / 2)))) / positives);
          }
        }
        stryMutAct_9fa48("73") ? negativesBelow -= tiedNegatives : (stryCov_9fa48("73"), negativesBelow += tiedNegatives);
        stryMutAct_9fa48("74") ? positivesBelow -= tiedPositives : (stryCov_9fa48("74"), positivesBelow += tiedPositives);
        start = end;
      }
    }
    let sumPositive = 0;
    let sumNegative = 0;
    for (let i = 0; stryMutAct_9fa48("77") ? i >= n : stryMutAct_9fa48("76") ? i <= n : stryMutAct_9fa48("75") ? false : (stryCov_9fa48("75", "76", "77"), i < n); stryMutAct_9fa48("78") ? i-- : (stryCov_9fa48("78"), i++)) if (stryMutAct_9fa48("81") ? positive[i] !== 1 : stryMutAct_9fa48("80") ? false : stryMutAct_9fa48("79") ? true : (stryCov_9fa48("79", "80", "81"), positive[i] === 1)) stryMutAct_9fa48("82") ? sumPositive -= placement[i] : (stryCov_9fa48("82"), sumPositive += placement[i]);else stryMutAct_9fa48("83") ? sumNegative -= placement[i] : (stryCov_9fa48("83"), sumNegative += placement[i]);
    const auc = stryMutAct_9fa48("84") ? sumPositive * positives : (stryCov_9fa48("84"), sumPositive / positives);
    const meanNegative = stryMutAct_9fa48("85") ? sumNegative * negatives : (stryCov_9fa48("85"), sumNegative / negatives);
    let ssPositive = 0;
    let ssNegative = 0;
    for (let i = 0; stryMutAct_9fa48("88") ? i >= n : stryMutAct_9fa48("87") ? i <= n : stryMutAct_9fa48("86") ? false : (stryCov_9fa48("86", "87", "88"), i < n); stryMutAct_9fa48("89") ? i-- : (stryCov_9fa48("89"), i++)) {
      if (stryMutAct_9fa48("90")) {
        {}
      } else {
        stryCov_9fa48("90");
        if (stryMutAct_9fa48("93") ? positive[i] !== 1 : stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92", "93"), positive[i] === 1)) stryMutAct_9fa48("94") ? ssPositive -= (placement[i] - auc) ** 2 : (stryCov_9fa48("94"), ssPositive += (stryMutAct_9fa48("95") ? placement[i] + auc : (stryCov_9fa48("95"), placement[i] - auc)) ** 2);else stryMutAct_9fa48("96") ? ssNegative -= (placement[i] - meanNegative) ** 2 : (stryCov_9fa48("96"), ssNegative += (stryMutAct_9fa48("97") ? placement[i] + meanNegative : (stryCov_9fa48("97"), placement[i] - meanNegative)) ** 2);
      }
    }
    const variance = stryMutAct_9fa48("98") ? (positives > 1 ? ssPositive / (positives - 1) / positives : 0) - (negatives > 1 ? ssNegative / (negatives - 1) / negatives : 0) : (stryCov_9fa48("98"), ((stryMutAct_9fa48("102") ? positives <= 1 : stryMutAct_9fa48("101") ? positives >= 1 : stryMutAct_9fa48("100") ? false : stryMutAct_9fa48("99") ? true : (stryCov_9fa48("99", "100", "101", "102"), positives > 1)) ? stryMutAct_9fa48("103") ? ssPositive / (positives - 1) * positives : (stryCov_9fa48("103"), (stryMutAct_9fa48("104") ? ssPositive * (positives - 1) : (stryCov_9fa48("104"), ssPositive / (stryMutAct_9fa48("105") ? positives + 1 : (stryCov_9fa48("105"), positives - 1)))) / positives) : 0) + ((stryMutAct_9fa48("109") ? negatives <= 1 : stryMutAct_9fa48("108") ? negatives >= 1 : stryMutAct_9fa48("107") ? false : stryMutAct_9fa48("106") ? true : (stryCov_9fa48("106", "107", "108", "109"), negatives > 1)) ? stryMutAct_9fa48("110") ? ssNegative / (negatives - 1) * negatives : (stryCov_9fa48("110"), (stryMutAct_9fa48("111") ? ssNegative * (negatives - 1) : (stryCov_9fa48("111"), ssNegative / (stryMutAct_9fa48("112") ? negatives + 1 : (stryCov_9fa48("112"), negatives - 1)))) / negatives) : 0));
    const standardError = Math.sqrt(variance);
    const z = normalQuantile(stryMutAct_9fa48("113") ? 1 + (1 - confidence) / 2 : (stryCov_9fa48("113"), 1 - (stryMutAct_9fa48("114") ? (1 - confidence) * 2 : (stryCov_9fa48("114"), (stryMutAct_9fa48("115") ? 1 + confidence : (stryCov_9fa48("115"), 1 - confidence)) / 2))));
    return stryMutAct_9fa48("116") ? {} : (stryCov_9fa48("116"), {
      auc,
      standardError,
      low: stryMutAct_9fa48("117") ? Math.min(0, auc - z * standardError) : (stryCov_9fa48("117"), Math.max(0, stryMutAct_9fa48("118") ? auc + z * standardError : (stryCov_9fa48("118"), auc - (stryMutAct_9fa48("119") ? z / standardError : (stryCov_9fa48("119"), z * standardError))))),
      high: stryMutAct_9fa48("120") ? Math.max(1, auc + z * standardError) : (stryCov_9fa48("120"), Math.min(1, stryMutAct_9fa48("121") ? auc - z * standardError : (stryCov_9fa48("121"), auc + (stryMutAct_9fa48("122") ? z / standardError : (stryCov_9fa48("122"), z * standardError)))))
    });
  }
}