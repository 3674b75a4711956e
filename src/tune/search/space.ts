/**
 * The search space: checked against the model's own params (an unknown one names the
 * closest), then turned into candidates. A grid is every combination of the lists, in
 * scikit-learn's ParameterGrid order (params sorted by name, the last varying fastest); a
 * random search draws `budget` candidates as ParameterSampler does (without replacement
 * from the grid when every param is a list, else each param on its own).
 */
import { message } from "../../messages.js";
import type { Random } from "../../util/random.js";
import type { ParamRange, ParamValue, SearchKind, SearchSpace } from "./types.js";

export type Params = Readonly<Record<string, ParamValue>>;

export function isRange(value: unknown): value is ParamRange {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Checks every param of `space` for `model` (whose params are `known`); returns the params, sorted by name. */
export function checkSpace(analysis: string, space: SearchSpace | undefined, model: string, known: readonly string[], search: SearchKind | undefined): string[] {
  if (space === undefined) throw message.badOption(analysis, "space", undefined, `the params to search, e.g. --space {{ ${known[0] ?? "C"}: [0.1, 1, 10] }}`);
  const names = Object.keys(space).sort();
  if (names.length === 0) throw message.badOption(analysis, "space", space, `at least one param of ${model} (${known.join(", ")})`);
  for (const name of names) {
    if (!known.includes(name)) throw message.unknownSpaceParam(analysis, name, model, known, scikitLearnAlias(name, known));
    const values = space[name];
    if (Array.isArray(values)) {
      if (values.length === 0) throw message.emptySpace(analysis, name, values, "give at least one value, e.g. [0.1, 1, 10]");
      const bad = values.find((v) => !(typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))));
      if (bad !== undefined) throw message.badOption(analysis, `space.${name}`, bad, "finite numbers, text or true/false");
    } else if (isRange(values)) {
      checkRange(analysis, name, values);
      if (search === "grid") throw message.badOption(analysis, `space.${name}`, values, "a list of values for a grid search (ranges are sampled: use --search random or halving)");
    } else {
      throw message.badOption(analysis, `space.${name}`, values, "a list of values or a range {min, max, log?, integer?}");
    }
  }
  return names;
}

/** scikit-learn's names whose litml names differ by more than case (the rest are snake_case of camelCase). */
const SCIKIT_LEARN: Readonly<Record<string, string>> = { n_neighbors: "k", max_iter: "maxIterations", tol: "tolerance", random_state: "seed", hidden_layer_sizes: "hidden", alpha: "l2" };

/** The litml param a scikit-learn user means by `name` (n_neighbors → k, max_depth → maxDepth), when the model has it. */
function scikitLearnAlias(name: string, known: readonly string[]): string | undefined {
  const camel = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const alias = Object.hasOwn(SCIKIT_LEARN, name) ? SCIKIT_LEARN[name] : camel;
  return alias !== name && known.includes(alias) ? alias : undefined;
}

function checkRange(analysis: string, name: string, range: ParamRange): void {
  const extra = Object.keys(range).find((k) => !["min", "max", "log", "integer"].includes(k));
  if (extra !== undefined) throw message.badOption(analysis, `space.${name}`, range, `a range {min, max, log?, integer?} (not "${extra}")`);
  const { min, max } = range;
  if (typeof min !== "number" || typeof max !== "number" || !Number.isFinite(min) || !Number.isFinite(max)) {
    throw message.badOption(analysis, `space.${name}`, range, "a range with finite numbers min and max");
  }
  if (min > max) throw message.emptySpace(analysis, name, range, `give min ≤ max (swap them: {min: ${max}, max: ${min}})`);
  if (range.integer && Math.ceil(min) > Math.floor(max)) throw message.emptySpace(analysis, name, range, "widen it to hold a whole number");
  if (range.log && min <= 0) throw message.badOption(analysis, `space.${name}`, range, "a log range with min > 0");
}

/** Every param a list: candidates can be enumerated. */
export function isGrid(space: SearchSpace): boolean {
  return Object.values(space).every((v) => Array.isArray(v));
}

export function gridSize(space: SearchSpace): number {
  return Object.values(space).reduce((n, v) => n * (v as readonly ParamValue[]).length, 1);
}

/** The i-th combination in ParameterGrid's order: names sorted, the last name varying fastest. */
function gridAt(space: SearchSpace, names: readonly string[], index: number): Params {
  const out: Record<string, ParamValue> = {};
  let rest = index;
  for (let p = names.length - 1; p >= 0; p--) {
    const values = space[names[p]] as readonly ParamValue[];
    out[names[p]] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  return Object.fromEntries(names.map((n) => [n, out[n]]));
}

export function gridCandidates(space: SearchSpace, names: readonly string[]): Params[] {
  return Array.from({ length: gridSize(space) }, (_, i) => gridAt(space, names, i));
}

/** `count` candidates drawn at random; a list-only space gives distinct grid points (at most the whole grid). */
export function randomCandidates(space: SearchSpace, names: readonly string[], count: number, random: Random): Params[] {
  if (isGrid(space)) {
    const size = gridSize(space);
    if (count >= size) return gridCandidates(space, names);
    return Array.from(random.permutation(size).subarray(0, count), (i) => gridAt(space, names, i));
  }
  return Array.from({ length: count }, () => Object.fromEntries(names.map((n) => [n, draw(space[n], random)])));
}

function draw(values: readonly ParamValue[] | ParamRange, random: Random): ParamValue {
  if (Array.isArray(values)) return values[random.int(values.length)];
  const { min, max, log, integer } = values as ParamRange;
  if (integer) {
    const [lo, hi] = [Math.ceil(min), Math.floor(max)];
    if (!log) return lo + random.int(hi - lo + 1);
    // Log-uniform over [lo, hi + 1), floored: each whole number k gets the share log((k+1)/k).
    return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + random.float() * (Math.log(hi + 1) - Math.log(lo)))));
  }
  if (log) return Math.exp(Math.log(min) + random.float() * (Math.log(max) - Math.log(min)));
  return min + random.float() * (max - min);
}

/** The smallest and largest value searched for each numeric param, for telling when the best lies on an edge. */
export function searchedBounds(space: SearchSpace, name: string): [number, number] | undefined {
  const values = space[name];
  if (isRange(values)) return [values.min, values.max];
  const numbers = (values as readonly ParamValue[]).filter((v): v is number => typeof v === "number");
  return numbers.length >= 3 ? [Math.min(...numbers), Math.max(...numbers)] : undefined;
}
