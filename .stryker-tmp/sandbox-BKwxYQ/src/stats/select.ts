/**
 * Order statistics without sorting: quickselect (Hoare's FIND) in O(n) on a copy of the
 * present (non-NaN) values. The median and quantiles use numpy's "linear" rule.
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
export function presentValues(values: Float64Array): Float64Array {
  if (stryMutAct_9fa48("547")) {
    {}
  } else {
    stryCov_9fa48("547");
    let count = 0;
    for (let i = 0; stryMutAct_9fa48("550") ? i >= values.length : stryMutAct_9fa48("549") ? i <= values.length : stryMutAct_9fa48("548") ? false : (stryCov_9fa48("548", "549", "550"), i < values.length); stryMutAct_9fa48("551") ? i-- : (stryCov_9fa48("551"), i++)) if (stryMutAct_9fa48("554") ? values[i] !== values[i] : stryMutAct_9fa48("553") ? false : stryMutAct_9fa48("552") ? true : (stryCov_9fa48("552", "553", "554"), values[i] === values[i])) stryMutAct_9fa48("555") ? count-- : (stryCov_9fa48("555"), count++);
    if (stryMutAct_9fa48("558") ? count !== values.length : stryMutAct_9fa48("557") ? false : stryMutAct_9fa48("556") ? true : (stryCov_9fa48("556", "557", "558"), count === values.length)) return stryMutAct_9fa48("559") ? values : (stryCov_9fa48("559"), values.slice());
    const out = new Float64Array(count);
    let k = 0;
    for (let i = 0; stryMutAct_9fa48("562") ? i >= values.length : stryMutAct_9fa48("561") ? i <= values.length : stryMutAct_9fa48("560") ? false : (stryCov_9fa48("560", "561", "562"), i < values.length); stryMutAct_9fa48("563") ? i-- : (stryCov_9fa48("563"), i++)) if (stryMutAct_9fa48("566") ? values[i] !== values[i] : stryMutAct_9fa48("565") ? false : stryMutAct_9fa48("564") ? true : (stryCov_9fa48("564", "565", "566"), values[i] === values[i])) out[stryMutAct_9fa48("567") ? k-- : (stryCov_9fa48("567"), k++)] = values[i];
    return out;
  }
}

/** The k-th smallest value (0-based); reorders `values`. */
export function selectInPlace(values: Float64Array, k: number): number {
  if (stryMutAct_9fa48("568")) {
    {}
  } else {
    stryCov_9fa48("568");
    let lo = 0;
    let hi = stryMutAct_9fa48("569") ? values.length + 1 : (stryCov_9fa48("569"), values.length - 1);
    while (stryMutAct_9fa48("572") ? hi <= lo : stryMutAct_9fa48("571") ? hi >= lo : stryMutAct_9fa48("570") ? false : (stryCov_9fa48("570", "571", "572"), hi > lo)) {
      if (stryMutAct_9fa48("573")) {
        {}
      } else {
        stryCov_9fa48("573");
        const pivot = values[(stryMutAct_9fa48("574") ? lo - hi : (stryCov_9fa48("574"), lo + hi)) >> 1];
        let i = lo;
        let j = hi;
        while (stryMutAct_9fa48("577") ? i > j : stryMutAct_9fa48("576") ? i < j : stryMutAct_9fa48("575") ? false : (stryCov_9fa48("575", "576", "577"), i <= j)) {
          if (stryMutAct_9fa48("578")) {
            {}
          } else {
            stryCov_9fa48("578");
            while (stryMutAct_9fa48("581") ? values[i] >= pivot : stryMutAct_9fa48("580") ? values[i] <= pivot : stryMutAct_9fa48("579") ? false : (stryCov_9fa48("579", "580", "581"), values[i] < pivot)) stryMutAct_9fa48("582") ? i-- : (stryCov_9fa48("582"), i++);
            while (stryMutAct_9fa48("585") ? values[j] <= pivot : stryMutAct_9fa48("584") ? values[j] >= pivot : stryMutAct_9fa48("583") ? false : (stryCov_9fa48("583", "584", "585"), values[j] > pivot)) stryMutAct_9fa48("586") ? j++ : (stryCov_9fa48("586"), j--);
            if (stryMutAct_9fa48("590") ? i > j : stryMutAct_9fa48("589") ? i < j : stryMutAct_9fa48("588") ? false : stryMutAct_9fa48("587") ? true : (stryCov_9fa48("587", "588", "589", "590"), i <= j)) {
              if (stryMutAct_9fa48("591")) {
                {}
              } else {
                stryCov_9fa48("591");
                const t = values[i];
                values[stryMutAct_9fa48("592") ? i-- : (stryCov_9fa48("592"), i++)] = values[j];
                values[stryMutAct_9fa48("593") ? j++ : (stryCov_9fa48("593"), j--)] = t;
              }
            }
          }
        }
        if (stryMutAct_9fa48("597") ? k > j : stryMutAct_9fa48("596") ? k < j : stryMutAct_9fa48("595") ? false : stryMutAct_9fa48("594") ? true : (stryCov_9fa48("594", "595", "596", "597"), k <= j)) hi = j;else if (stryMutAct_9fa48("601") ? k < i : stryMutAct_9fa48("600") ? k > i : stryMutAct_9fa48("599") ? false : stryMutAct_9fa48("598") ? true : (stryCov_9fa48("598", "599", "600", "601"), k >= i)) lo = i;else break;
      }
    }
    return values[k];
  }
}

/** The q-quantile of the present values (linear interpolation), NaN when there are none. */
export function quantile(values: Float64Array, q: number): number {
  if (stryMutAct_9fa48("602")) {
    {}
  } else {
    stryCov_9fa48("602");
    const present = presentValues(values);
    if (stryMutAct_9fa48("605") ? present.length !== 0 : stryMutAct_9fa48("604") ? false : stryMutAct_9fa48("603") ? true : (stryCov_9fa48("603", "604", "605"), present.length === 0)) return NaN;
    const position = stryMutAct_9fa48("606") ? (present.length - 1) / q : (stryCov_9fa48("606"), (stryMutAct_9fa48("607") ? present.length + 1 : (stryCov_9fa48("607"), present.length - 1)) * q);
    const below = Math.floor(position);
    const low = selectInPlace(present, below);
    if (stryMutAct_9fa48("610") ? below !== position : stryMutAct_9fa48("609") ? false : stryMutAct_9fa48("608") ? true : (stryCov_9fa48("608", "609", "610"), below === position)) return low;
    // The next order statistic is the smallest value above position `below`.
    let next = Infinity;
    for (let i = stryMutAct_9fa48("611") ? below - 1 : (stryCov_9fa48("611"), below + 1); stryMutAct_9fa48("614") ? i >= present.length : stryMutAct_9fa48("613") ? i <= present.length : stryMutAct_9fa48("612") ? false : (stryCov_9fa48("612", "613", "614"), i < present.length); stryMutAct_9fa48("615") ? i-- : (stryCov_9fa48("615"), i++)) if (stryMutAct_9fa48("619") ? present[i] >= next : stryMutAct_9fa48("618") ? present[i] <= next : stryMutAct_9fa48("617") ? false : stryMutAct_9fa48("616") ? true : (stryCov_9fa48("616", "617", "618", "619"), present[i] < next)) next = present[i];
    return stryMutAct_9fa48("620") ? low - (next - low) * (position - below) : (stryCov_9fa48("620"), low + (stryMutAct_9fa48("621") ? (next - low) / (position - below) : (stryCov_9fa48("621"), (stryMutAct_9fa48("622") ? next + low : (stryCov_9fa48("622"), next - low)) * (stryMutAct_9fa48("623") ? position + below : (stryCov_9fa48("623"), position - below)))));
  }
}