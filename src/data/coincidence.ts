/**
 * How often rows coincide by chance. Rows that take few values repeat without being copies:
 * two people who give the same coarse survey answers are two people. So a count of copies
 * only means something against what independent rows from the same distribution would
 * produce. That distribution is estimated as a chain of frequencies read from the data:
 * the columns that together take few combinations (at least MIN_PER_COMBINATION rows each,
 * so their joint frequencies are well read) form one block; each other column follows at its
 * frequency given the earlier column that predicts it best (a coarse answer given a
 * correlated one; a distance given the route), or at its own frequency. Fine-grained columns
 * (numbers nearly all different) are never read given another column, since a copied row
 * would then vouch for itself. Every frequency leaves the row itself out: a value seen once
 * has no chance of recurring, so copies of fine-grained rows stand far beyond chance. Where
 * several coarse columns hang together beyond pairs, a latent class model of them
 * (src/stats/latent-class.ts) may give a row a larger chance; the larger one is used, so that
 * a copy is only called one when both models find it unlikely.
 */
import { fitLatentClasses } from "../stats/latent-class.js";
import { combineKeys } from "./row-keys.js";

/** Rows per value (or combination) from which frequencies are trusted for conditioning. */
const MIN_PER_COMBINATION = 2;
/** Columns modelled jointly or as conditions; the pairwise searches grow with their square. */
const MAX_COLUMNS_TRIED = 24;
/** Columns with at most this many values also enter the latent class model. */
const MAX_LATENT_LEVELS = 64;

interface Counted {
  readonly keys: Float64Array;
  readonly distinct: number;
  /** How many rows share each row's key (itself included). */
  readonly counts: Float64Array;
}

function counted(keys: Float64Array): Counted {
  const tally = new Map<number, number>();
  for (const k of keys) tally.set(k, (tally.get(k) ?? 0) + 1);
  return { keys, distinct: tally.size, counts: Float64Array.from(keys, (k) => tally.get(k)!) };
}

/** Leave-one-out frequency of each row's child value given its parent value (or overall, without a parent). */
function conditional(child: Counted, parent: Counted | undefined, nRows: number): Float64Array {
  if (parent === undefined) return Float64Array.from(child.counts, (c) => (c - 1) / (nRows - 1));
  const joint = counted(combineKeys([parent.keys, child.keys], nRows));
  return Float64Array.from(joint.counts, (c, r) => (parent.counts[r] > 1 ? (c - 1) / (parent.counts[r] - 1) : 0));
}

function logLikelihood(p: Float64Array, floor: number): number {
  let sum = 0;
  for (const x of p) sum += Math.log(Math.max(x, floor));
  return sum;
}

/**
 * For each row, the probability that one other row drawn independently from the data's
 * distribution equals it on every column (`keys`: one key array per column).
 */
export function coincidenceProbabilities(keys: readonly Float64Array[], nRows: number): Float64Array {
  const q = new Float64Array(nRows).fill(1);
  if (nRows < 2) return q.fill(0);
  const columns = keys.map(counted);
  // Whether a column's values repeat is judged against the distinct rows: rows copied wholesale must not make a fine column look coarse.
  const distinctRows = new Set(combineKeys(keys, nRows)).size;
  const repeats = (c: Counted, times: number) => c.distinct <= distinctRows / times;
  const coarse = (c: Counted) => c.distinct <= nRows / MIN_PER_COMBINATION;
  // The block grows by the column that adds the fewest combinations, while its combinations stay well populated.
  let block: Counted | undefined;
  let candidates = columns.filter((c) => repeats(c, MIN_PER_COMBINATION)).sort((a, b) => a.distinct - b.distinct).slice(0, MAX_COLUMNS_TRIED);
  const rest = new Set(columns);
  while (candidates.length > 0) {
    let best: Counted | undefined;
    let from: Counted | undefined;
    for (const c of candidates) {
      const joined = block ? counted(combineKeys([block.keys, c.keys], nRows)) : c;
      if (coarse(joined) && (best === undefined || joined.distinct < best.distinct)) [best, from] = [joined, c];
    }
    if (best === undefined) break;
    block = best;
    rest.delete(from!);
    candidates = candidates.filter((c) => c !== from);
  }
  const parents: Counted[] = [];
  if (block) {
    for (let r = 0; r < nRows; r++) q[r] = (block.counts[r] - 1) / (nRows - 1);
    parents.push(block);
  }
  for (const child of [...rest].sort((a, b) => a.distinct - b.distinct)) {
    let factor = conditional(child, undefined, nRows);
    if (repeats(child, MIN_PER_COMBINATION)) {
      // The condition that predicts the column best, rows left out one at a time (a sparse condition predicts badly and loses).
      let score = logLikelihood(factor, 1 / nRows);
      for (const parent of parents.slice(0, MAX_COLUMNS_TRIED)) {
        const given = conditional(child, parent, nRows);
        const s = logLikelihood(given, 1 / nRows);
        if (s > score) [factor, score] = [given, s];
      }
    } else {
      // A fine column counts once when a column whose values repeat (three rows each on average) determines it (a log of a value), never on a looser condition.
      const determiner = parents.find((p) => repeats(p, 3) && counted(combineKeys([p.keys, child.keys], nRows)).distinct === p.distinct);
      if (determiner) factor = conditional(child, determiner, nRows);
    }
    for (let r = 0; r < nRows; r++) q[r] *= factor[r];
    if (repeats(child, 3)) parents.push(child);
  }
  // Pairs of columns miss answers that hang together in threes and fours (a kind of respondent); a latent class model sees those. The larger chance stands.
  const categorical = columns.filter((c) => repeats(c, MIN_PER_COMBINATION) && c.distinct <= MAX_LATENT_LEVELS);
  if (categorical.length >= 3) {
    const codes = categorical.map((c) => {
      const index = new Map<number, number>();
      return Int32Array.from(c.keys, (k) => index.get(k) ?? index.set(k, index.size).get(k)!);
    });
    const { logProbability } = fitLatentClasses(codes, categorical.map((c) => c.distinct), nRows);
    const others = columns.filter((c) => !categorical.includes(c));
    for (let r = 0; r < nRows; r++) {
      let latent = Math.exp(logProbability[r]);
      for (const c of others) latent *= (c.counts[r] - 1) / (nRows - 1);
      if (latent > q[r]) q[r] = latent;
    }
  }
  return q;
}

/** Expected number of `test` rows that equal at least one of `trainRows` independent rows, by chance. */
export function expectedMatches(probabilities: Float64Array, test: ArrayLike<number>, trainRows: number): number {
  let expected = 0;
  for (let i = 0; i < test.length; i++) {
    const p = probabilities[test[i]];
    expected += p >= 1 ? 1 : -Math.expm1(trainRows * Math.log1p(-p));
  }
  return expected;
}

/**
 * Matches beyond what chance predicts, or 0 when the excess is within chance. The chance
 * model is rough (it sees pairs of columns, not every interaction), so the excess must pass
 * 10% of the expectation as well as three Poisson standard deviations.
 */
export function beyondChance(observed: number, expected: number): number {
  const excess = observed - expected;
  return excess > 0.1 * expected + 3 * Math.sqrt(expected) + 1 ? excess : 0;
}
