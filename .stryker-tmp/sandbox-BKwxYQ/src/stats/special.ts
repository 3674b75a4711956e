/**
 * Special functions behind the p-values: log-gamma (Lanczos, g = 7, n = 9), the
 * regularized incomplete gamma (series below a+1, Lentz continued fraction above) and
 * the regularized incomplete beta (Lentz continued fraction). Accurate to ~1e-14,
 * checked against scipy.special in tests/stats.
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
const LANCZOS = stryMutAct_9fa48("695") ? [] : (stryCov_9fa48("695"), [0.99999999999980993, 676.5203681218851, stryMutAct_9fa48("696") ? +1259.1392167224028 : (stryCov_9fa48("696"), -1259.1392167224028), 771.32342877765313, stryMutAct_9fa48("697") ? +176.61502916214059 : (stryCov_9fa48("697"), -176.61502916214059), 12.507343278686905, stryMutAct_9fa48("698") ? +0.13857109526572012 : (stryCov_9fa48("698"), -0.13857109526572012), 9.9843695780195716e-6, 1.5056327351493116e-7]);
export function logGamma(x: number): number {
  if (stryMutAct_9fa48("699")) {
    {}
  } else {
    stryCov_9fa48("699");
    if (stryMutAct_9fa48("703") ? x >= 0.5 : stryMutAct_9fa48("702") ? x <= 0.5 : stryMutAct_9fa48("701") ? false : stryMutAct_9fa48("700") ? true : (stryCov_9fa48("700", "701", "702", "703"), x < 0.5)) return stryMutAct_9fa48("704") ? Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) + logGamma(1 - x) : (stryCov_9fa48("704"), Math.log(stryMutAct_9fa48("705") ? Math.PI * Math.abs(Math.sin(Math.PI * x)) : (stryCov_9fa48("705"), Math.PI / Math.abs(Math.sin(stryMutAct_9fa48("706") ? Math.PI / x : (stryCov_9fa48("706"), Math.PI * x))))) - logGamma(stryMutAct_9fa48("707") ? 1 + x : (stryCov_9fa48("707"), 1 - x)));
    const z = stryMutAct_9fa48("708") ? x + 1 : (stryCov_9fa48("708"), x - 1);
    let sum = LANCZOS[0];
    for (let i = 1; stryMutAct_9fa48("711") ? i >= 9 : stryMutAct_9fa48("710") ? i <= 9 : stryMutAct_9fa48("709") ? false : (stryCov_9fa48("709", "710", "711"), i < 9); stryMutAct_9fa48("712") ? i-- : (stryCov_9fa48("712"), i++)) stryMutAct_9fa48("713") ? sum -= LANCZOS[i] / (z + i) : (stryCov_9fa48("713"), sum += stryMutAct_9fa48("714") ? LANCZOS[i] * (z + i) : (stryCov_9fa48("714"), LANCZOS[i] / (stryMutAct_9fa48("715") ? z - i : (stryCov_9fa48("715"), z + i))));
    const t = stryMutAct_9fa48("716") ? z - 7.5 : (stryCov_9fa48("716"), z + 7.5);
    return stryMutAct_9fa48("717") ? 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t - Math.log(sum) : (stryCov_9fa48("717"), (stryMutAct_9fa48("718") ? 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) + t : (stryCov_9fa48("718"), (stryMutAct_9fa48("719") ? 0.5 * Math.log(2 * Math.PI) - (z + 0.5) * Math.log(t) : (stryCov_9fa48("719"), (stryMutAct_9fa48("720") ? 0.5 / Math.log(2 * Math.PI) : (stryCov_9fa48("720"), 0.5 * Math.log(stryMutAct_9fa48("721") ? 2 / Math.PI : (stryCov_9fa48("721"), 2 * Math.PI)))) + (stryMutAct_9fa48("722") ? (z + 0.5) / Math.log(t) : (stryCov_9fa48("722"), (stryMutAct_9fa48("723") ? z - 0.5 : (stryCov_9fa48("723"), z + 0.5)) * Math.log(t))))) - t)) + Math.log(sum));
  }
}
const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** P(a, x): the regularized lower incomplete gamma function. */
export function gammaP(a: number, x: number): number {
  if (stryMutAct_9fa48("724")) {
    {}
  } else {
    stryCov_9fa48("724");
    if (stryMutAct_9fa48("728") ? x > 0 : stryMutAct_9fa48("727") ? x < 0 : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727", "728"), x <= 0)) return 0;
    if (stryMutAct_9fa48("732") ? x >= a + 1 : stryMutAct_9fa48("731") ? x <= a + 1 : stryMutAct_9fa48("730") ? false : stryMutAct_9fa48("729") ? true : (stryCov_9fa48("729", "730", "731", "732"), x < (stryMutAct_9fa48("733") ? a - 1 : (stryCov_9fa48("733"), a + 1)))) {
      if (stryMutAct_9fa48("734")) {
        {}
      } else {
        stryCov_9fa48("734");
        let term = stryMutAct_9fa48("735") ? 1 * a : (stryCov_9fa48("735"), 1 / a);
        let sum = term;
        for (let n = 1; stryMutAct_9fa48("738") ? n >= MAX_ITERATIONS : stryMutAct_9fa48("737") ? n <= MAX_ITERATIONS : stryMutAct_9fa48("736") ? false : (stryCov_9fa48("736", "737", "738"), n < MAX_ITERATIONS); stryMutAct_9fa48("739") ? n-- : (stryCov_9fa48("739"), n++)) {
          if (stryMutAct_9fa48("740")) {
            {}
          } else {
            stryCov_9fa48("740");
            stryMutAct_9fa48("741") ? term /= x / (a + n) : (stryCov_9fa48("741"), term *= stryMutAct_9fa48("742") ? x * (a + n) : (stryCov_9fa48("742"), x / (stryMutAct_9fa48("743") ? a - n : (stryCov_9fa48("743"), a + n))));
            stryMutAct_9fa48("744") ? sum -= term : (stryCov_9fa48("744"), sum += term);
            if (stryMutAct_9fa48("748") ? Math.abs(term) >= Math.abs(sum) * EPSILON : stryMutAct_9fa48("747") ? Math.abs(term) <= Math.abs(sum) * EPSILON : stryMutAct_9fa48("746") ? false : stryMutAct_9fa48("745") ? true : (stryCov_9fa48("745", "746", "747", "748"), Math.abs(term) < (stryMutAct_9fa48("749") ? Math.abs(sum) / EPSILON : (stryCov_9fa48("749"), Math.abs(sum) * EPSILON)))) break;
          }
        }
        return stryMutAct_9fa48("750") ? sum / Math.exp(-x + a * Math.log(x) - logGamma(a)) : (stryCov_9fa48("750"), sum * Math.exp(stryMutAct_9fa48("751") ? -x + a * Math.log(x) + logGamma(a) : (stryCov_9fa48("751"), (stryMutAct_9fa48("752") ? -x - a * Math.log(x) : (stryCov_9fa48("752"), (stryMutAct_9fa48("753") ? +x : (stryCov_9fa48("753"), -x)) + (stryMutAct_9fa48("754") ? a / Math.log(x) : (stryCov_9fa48("754"), a * Math.log(x))))) - logGamma(a))));
      }
    }
    return stryMutAct_9fa48("755") ? 1 + gammaQContinuedFraction(a, x) : (stryCov_9fa48("755"), 1 - gammaQContinuedFraction(a, x));
  }
}

/** Q(a, x) = 1 − P(a, x), computed directly in the upper tail so small p-values keep their digits. */
export function gammaQ(a: number, x: number): number {
  if (stryMutAct_9fa48("756")) {
    {}
  } else {
    stryCov_9fa48("756");
    if (stryMutAct_9fa48("760") ? x > 0 : stryMutAct_9fa48("759") ? x < 0 : stryMutAct_9fa48("758") ? false : stryMutAct_9fa48("757") ? true : (stryCov_9fa48("757", "758", "759", "760"), x <= 0)) return 1;
    return (stryMutAct_9fa48("764") ? x >= a + 1 : stryMutAct_9fa48("763") ? x <= a + 1 : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763", "764"), x < (stryMutAct_9fa48("765") ? a - 1 : (stryCov_9fa48("765"), a + 1)))) ? stryMutAct_9fa48("766") ? 1 + gammaP(a, x) : (stryCov_9fa48("766"), 1 - gammaP(a, x)) : gammaQContinuedFraction(a, x);
  }
}
function gammaQContinuedFraction(a: number, x: number): number {
  if (stryMutAct_9fa48("767")) {
    {}
  } else {
    stryCov_9fa48("767");
    let b = stryMutAct_9fa48("768") ? x + 1 + a : (stryCov_9fa48("768"), (stryMutAct_9fa48("769") ? x - 1 : (stryCov_9fa48("769"), x + 1)) - a);
    let c = stryMutAct_9fa48("770") ? 1 * TINY : (stryCov_9fa48("770"), 1 / TINY);
    let d = stryMutAct_9fa48("771") ? 1 * b : (stryCov_9fa48("771"), 1 / b);
    let h = d;
    for (let i = 1; stryMutAct_9fa48("774") ? i >= MAX_ITERATIONS : stryMutAct_9fa48("773") ? i <= MAX_ITERATIONS : stryMutAct_9fa48("772") ? false : (stryCov_9fa48("772", "773", "774"), i < MAX_ITERATIONS); stryMutAct_9fa48("775") ? i-- : (stryCov_9fa48("775"), i++)) {
      if (stryMutAct_9fa48("776")) {
        {}
      } else {
        stryCov_9fa48("776");
        const an = stryMutAct_9fa48("777") ? -i / (i - a) : (stryCov_9fa48("777"), (stryMutAct_9fa48("778") ? +i : (stryCov_9fa48("778"), -i)) * (stryMutAct_9fa48("779") ? i + a : (stryCov_9fa48("779"), i - a)));
        stryMutAct_9fa48("780") ? b -= 2 : (stryCov_9fa48("780"), b += 2);
        d = stryMutAct_9fa48("781") ? an * d - b : (stryCov_9fa48("781"), (stryMutAct_9fa48("782") ? an / d : (stryCov_9fa48("782"), an * d)) + b);
        if (stryMutAct_9fa48("786") ? Math.abs(d) >= TINY : stryMutAct_9fa48("785") ? Math.abs(d) <= TINY : stryMutAct_9fa48("784") ? false : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784", "785", "786"), Math.abs(d) < TINY)) d = TINY;
        c = stryMutAct_9fa48("787") ? b - an / c : (stryCov_9fa48("787"), b + (stryMutAct_9fa48("788") ? an * c : (stryCov_9fa48("788"), an / c)));
        if (stryMutAct_9fa48("792") ? Math.abs(c) >= TINY : stryMutAct_9fa48("791") ? Math.abs(c) <= TINY : stryMutAct_9fa48("790") ? false : stryMutAct_9fa48("789") ? true : (stryCov_9fa48("789", "790", "791", "792"), Math.abs(c) < TINY)) c = TINY;
        d = stryMutAct_9fa48("793") ? 1 * d : (stryCov_9fa48("793"), 1 / d);
        const delta = stryMutAct_9fa48("794") ? d / c : (stryCov_9fa48("794"), d * c);
        stryMutAct_9fa48("795") ? h /= delta : (stryCov_9fa48("795"), h *= delta);
        if (stryMutAct_9fa48("799") ? Math.abs(delta - 1) >= EPSILON : stryMutAct_9fa48("798") ? Math.abs(delta - 1) <= EPSILON : stryMutAct_9fa48("797") ? false : stryMutAct_9fa48("796") ? true : (stryCov_9fa48("796", "797", "798", "799"), Math.abs(stryMutAct_9fa48("800") ? delta + 1 : (stryCov_9fa48("800"), delta - 1)) < EPSILON)) break;
      }
    }
    return stryMutAct_9fa48("801") ? Math.exp(-x + a * Math.log(x) - logGamma(a)) / h : (stryCov_9fa48("801"), Math.exp(stryMutAct_9fa48("802") ? -x + a * Math.log(x) + logGamma(a) : (stryCov_9fa48("802"), (stryMutAct_9fa48("803") ? -x - a * Math.log(x) : (stryCov_9fa48("803"), (stryMutAct_9fa48("804") ? +x : (stryCov_9fa48("804"), -x)) + (stryMutAct_9fa48("805") ? a / Math.log(x) : (stryCov_9fa48("805"), a * Math.log(x))))) - logGamma(a))) * h);
  }
}

/** I_x(a, b): the regularized incomplete beta function. */
export function betaI(x: number, a: number, b: number): number {
  if (stryMutAct_9fa48("806")) {
    {}
  } else {
    stryCov_9fa48("806");
    if (stryMutAct_9fa48("810") ? x > 0 : stryMutAct_9fa48("809") ? x < 0 : stryMutAct_9fa48("808") ? false : stryMutAct_9fa48("807") ? true : (stryCov_9fa48("807", "808", "809", "810"), x <= 0)) return 0;
    if (stryMutAct_9fa48("814") ? x < 1 : stryMutAct_9fa48("813") ? x > 1 : stryMutAct_9fa48("812") ? false : stryMutAct_9fa48("811") ? true : (stryCov_9fa48("811", "812", "813", "814"), x >= 1)) return 1;
    const front = Math.exp(stryMutAct_9fa48("815") ? logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) - b * Math.log(1 - x) : (stryCov_9fa48("815"), (stryMutAct_9fa48("816") ? logGamma(a + b) - logGamma(a) - logGamma(b) - a * Math.log(x) : (stryCov_9fa48("816"), (stryMutAct_9fa48("817") ? logGamma(a + b) - logGamma(a) + logGamma(b) : (stryCov_9fa48("817"), (stryMutAct_9fa48("818") ? logGamma(a + b) + logGamma(a) : (stryCov_9fa48("818"), logGamma(stryMutAct_9fa48("819") ? a - b : (stryCov_9fa48("819"), a + b)) - logGamma(a))) - logGamma(b))) + (stryMutAct_9fa48("820") ? a / Math.log(x) : (stryCov_9fa48("820"), a * Math.log(x))))) + (stryMutAct_9fa48("821") ? b / Math.log(1 - x) : (stryCov_9fa48("821"), b * Math.log(stryMutAct_9fa48("822") ? 1 + x : (stryCov_9fa48("822"), 1 - x))))));
    // The continued fraction converges fast only on one side of the mean; use symmetry on the other.
    if (stryMutAct_9fa48("826") ? x >= (a + 1) / (a + b + 2) : stryMutAct_9fa48("825") ? x <= (a + 1) / (a + b + 2) : stryMutAct_9fa48("824") ? false : stryMutAct_9fa48("823") ? true : (stryCov_9fa48("823", "824", "825", "826"), x < (stryMutAct_9fa48("827") ? (a + 1) * (a + b + 2) : (stryCov_9fa48("827"), (stryMutAct_9fa48("828") ? a - 1 : (stryCov_9fa48("828"), a + 1)) / (stryMutAct_9fa48("829") ? a + b - 2 : (stryCov_9fa48("829"), (stryMutAct_9fa48("830") ? a - b : (stryCov_9fa48("830"), a + b)) + 2)))))) return stryMutAct_9fa48("831") ? front * betaContinuedFraction(x, a, b) * a : (stryCov_9fa48("831"), (stryMutAct_9fa48("832") ? front / betaContinuedFraction(x, a, b) : (stryCov_9fa48("832"), front * betaContinuedFraction(x, a, b))) / a);
    return stryMutAct_9fa48("833") ? 1 + front * betaContinuedFraction(1 - x, b, a) / b : (stryCov_9fa48("833"), 1 - (stryMutAct_9fa48("834") ? front * betaContinuedFraction(1 - x, b, a) * b : (stryCov_9fa48("834"), (stryMutAct_9fa48("835") ? front / betaContinuedFraction(1 - x, b, a) : (stryCov_9fa48("835"), front * betaContinuedFraction(stryMutAct_9fa48("836") ? 1 + x : (stryCov_9fa48("836"), 1 - x), b, a))) / b)));
  }
}
function betaContinuedFraction(x: number, a: number, b: number): number {
  if (stryMutAct_9fa48("837")) {
    {}
  } else {
    stryCov_9fa48("837");
    let c = 1;
    let d = stryMutAct_9fa48("838") ? 1 + (a + b) * x / (a + 1) : (stryCov_9fa48("838"), 1 - (stryMutAct_9fa48("839") ? (a + b) * x * (a + 1) : (stryCov_9fa48("839"), (stryMutAct_9fa48("840") ? (a + b) / x : (stryCov_9fa48("840"), (stryMutAct_9fa48("841") ? a - b : (stryCov_9fa48("841"), a + b)) * x)) / (stryMutAct_9fa48("842") ? a - 1 : (stryCov_9fa48("842"), a + 1)))));
    if (stryMutAct_9fa48("846") ? Math.abs(d) >= TINY : stryMutAct_9fa48("845") ? Math.abs(d) <= TINY : stryMutAct_9fa48("844") ? false : stryMutAct_9fa48("843") ? true : (stryCov_9fa48("843", "844", "845", "846"), Math.abs(d) < TINY)) d = TINY;
    d = stryMutAct_9fa48("847") ? 1 * d : (stryCov_9fa48("847"), 1 / d);
    let h = d;
    for (let m = 1; stryMutAct_9fa48("850") ? m >= MAX_ITERATIONS : stryMutAct_9fa48("849") ? m <= MAX_ITERATIONS : stryMutAct_9fa48("848") ? false : (stryCov_9fa48("848", "849", "850"), m < MAX_ITERATIONS); stryMutAct_9fa48("851") ? m-- : (stryCov_9fa48("851"), m++)) {
      if (stryMutAct_9fa48("852")) {
        {}
      } else {
        stryCov_9fa48("852");
        const m2 = stryMutAct_9fa48("853") ? 2 / m : (stryCov_9fa48("853"), 2 * m);
        let aa = stryMutAct_9fa48("854") ? m * (b - m) * x * ((a + m2 - 1) * (a + m2)) : (stryCov_9fa48("854"), (stryMutAct_9fa48("855") ? m * (b - m) / x : (stryCov_9fa48("855"), (stryMutAct_9fa48("856") ? m / (b - m) : (stryCov_9fa48("856"), m * (stryMutAct_9fa48("857") ? b + m : (stryCov_9fa48("857"), b - m)))) * x)) / (stryMutAct_9fa48("858") ? (a + m2 - 1) / (a + m2) : (stryCov_9fa48("858"), (stryMutAct_9fa48("859") ? a + m2 + 1 : (stryCov_9fa48("859"), (stryMutAct_9fa48("860") ? a - m2 : (stryCov_9fa48("860"), a + m2)) - 1)) * (stryMutAct_9fa48("861") ? a - m2 : (stryCov_9fa48("861"), a + m2)))));
        d = stryMutAct_9fa48("862") ? 1 - aa * d : (stryCov_9fa48("862"), 1 + (stryMutAct_9fa48("863") ? aa / d : (stryCov_9fa48("863"), aa * d)));
        if (stryMutAct_9fa48("867") ? Math.abs(d) >= TINY : stryMutAct_9fa48("866") ? Math.abs(d) <= TINY : stryMutAct_9fa48("865") ? false : stryMutAct_9fa48("864") ? true : (stryCov_9fa48("864", "865", "866", "867"), Math.abs(d) < TINY)) d = TINY;
        c = stryMutAct_9fa48("868") ? 1 - aa / c : (stryCov_9fa48("868"), 1 + (stryMutAct_9fa48("869") ? aa * c : (stryCov_9fa48("869"), aa / c)));
        if (stryMutAct_9fa48("873") ? Math.abs(c) >= TINY : stryMutAct_9fa48("872") ? Math.abs(c) <= TINY : stryMutAct_9fa48("871") ? false : stryMutAct_9fa48("870") ? true : (stryCov_9fa48("870", "871", "872", "873"), Math.abs(c) < TINY)) c = TINY;
        d = stryMutAct_9fa48("874") ? 1 * d : (stryCov_9fa48("874"), 1 / d);
        stryMutAct_9fa48("875") ? h /= d * c : (stryCov_9fa48("875"), h *= stryMutAct_9fa48("876") ? d / c : (stryCov_9fa48("876"), d * c));
        aa = stryMutAct_9fa48("877") ? -(a + m) * (a + b + m) * x * ((a + m2) * (a + m2 + 1)) : (stryCov_9fa48("877"), (stryMutAct_9fa48("878") ? -(a + m) * (a + b + m) / x : (stryCov_9fa48("878"), (stryMutAct_9fa48("879") ? -(a + m) / (a + b + m) : (stryCov_9fa48("879"), (stryMutAct_9fa48("880") ? +(a + m) : (stryCov_9fa48("880"), -(stryMutAct_9fa48("881") ? a - m : (stryCov_9fa48("881"), a + m)))) * (stryMutAct_9fa48("882") ? a + b - m : (stryCov_9fa48("882"), (stryMutAct_9fa48("883") ? a - b : (stryCov_9fa48("883"), a + b)) + m)))) * x)) / (stryMutAct_9fa48("884") ? (a + m2) / (a + m2 + 1) : (stryCov_9fa48("884"), (stryMutAct_9fa48("885") ? a - m2 : (stryCov_9fa48("885"), a + m2)) * (stryMutAct_9fa48("886") ? a + m2 - 1 : (stryCov_9fa48("886"), (stryMutAct_9fa48("887") ? a - m2 : (stryCov_9fa48("887"), a + m2)) + 1)))));
        d = stryMutAct_9fa48("888") ? 1 - aa * d : (stryCov_9fa48("888"), 1 + (stryMutAct_9fa48("889") ? aa / d : (stryCov_9fa48("889"), aa * d)));
        if (stryMutAct_9fa48("893") ? Math.abs(d) >= TINY : stryMutAct_9fa48("892") ? Math.abs(d) <= TINY : stryMutAct_9fa48("891") ? false : stryMutAct_9fa48("890") ? true : (stryCov_9fa48("890", "891", "892", "893"), Math.abs(d) < TINY)) d = TINY;
        c = stryMutAct_9fa48("894") ? 1 - aa / c : (stryCov_9fa48("894"), 1 + (stryMutAct_9fa48("895") ? aa * c : (stryCov_9fa48("895"), aa / c)));
        if (stryMutAct_9fa48("899") ? Math.abs(c) >= TINY : stryMutAct_9fa48("898") ? Math.abs(c) <= TINY : stryMutAct_9fa48("897") ? false : stryMutAct_9fa48("896") ? true : (stryCov_9fa48("896", "897", "898", "899"), Math.abs(c) < TINY)) c = TINY;
        d = stryMutAct_9fa48("900") ? 1 * d : (stryCov_9fa48("900"), 1 / d);
        const delta = stryMutAct_9fa48("901") ? d / c : (stryCov_9fa48("901"), d * c);
        stryMutAct_9fa48("902") ? h /= delta : (stryCov_9fa48("902"), h *= delta);
        if (stryMutAct_9fa48("906") ? Math.abs(delta - 1) >= EPSILON : stryMutAct_9fa48("905") ? Math.abs(delta - 1) <= EPSILON : stryMutAct_9fa48("904") ? false : stryMutAct_9fa48("903") ? true : (stryCov_9fa48("903", "904", "905", "906"), Math.abs(stryMutAct_9fa48("907") ? delta + 1 : (stryCov_9fa48("907"), delta - 1)) < EPSILON)) break;
      }
    }
    return h;
  }
}

/** Survival function of the chi-squared distribution: P(X > x) with `df` degrees of freedom. */
export function chiSquaredSurvival(x: number, df: number): number {
  if (stryMutAct_9fa48("908")) {
    {}
  } else {
    stryCov_9fa48("908");
    return gammaQ(stryMutAct_9fa48("909") ? df * 2 : (stryCov_9fa48("909"), df / 2), stryMutAct_9fa48("910") ? x * 2 : (stryCov_9fa48("910"), x / 2));
  }
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTTwoSided(t: number, df: number): number {
  if (stryMutAct_9fa48("911")) {
    {}
  } else {
    stryCov_9fa48("911");
    return betaI(stryMutAct_9fa48("912") ? df * (df + t * t) : (stryCov_9fa48("912"), df / (stryMutAct_9fa48("913") ? df - t * t : (stryCov_9fa48("913"), df + (stryMutAct_9fa48("914") ? t / t : (stryCov_9fa48("914"), t * t))))), stryMutAct_9fa48("915") ? df * 2 : (stryCov_9fa48("915"), df / 2), 0.5);
  }
}