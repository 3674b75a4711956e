/**
 * Successive halving's schedule, as scikit-learn's HalvingRandomSearchCV (1.x,
 * `_search_successive_halving.py`) computes it with resource = rows: the first iteration's
 * rows ("smallest": 2 per fold per class; "exhaust": as many as let the last iteration use
 * nearly every row), then each iteration keeps ⌈n/factor⌉ candidates and multiplies the
 * rows by factor, for min(iterations required, iterations possible) iterations.
 */
import type { HalvingSchedule } from "./types.js";

export interface HalvingRequest {
  /** Candidates to draw, or "exhaust": as many as max/min rows. */
  readonly candidates: number | "exhaust";
  readonly minResources: number | "exhaust" | "smallest";
  readonly maxResources: number;
  readonly factor: number;
  readonly folds: number;
  /** Classes of a classification target (1 for numbers). */
  readonly classes: number;
  /** A list-only space holds at most this many distinct candidates. */
  readonly gridSize?: number;
}

/** Python's math.log(x, base), whose floor the schedule takes. */
const logBase = (x: number, base: number) => Math.log(x) / Math.log(base);

export function halvingSchedule(request: HalvingRequest): HalvingSchedule {
  const { factor, maxResources } = request;
  let minResources = typeof request.minResources === "number" ? request.minResources : request.folds * 2 * request.classes;
  let candidates = request.candidates === "exhaust" ? Math.floor(maxResources / minResources) : request.candidates;
  if (request.gridSize !== undefined) candidates = Math.min(candidates, request.gridSize);
  const requiredIterations = 1 + Math.floor(logBase(candidates, factor));
  if (request.minResources === "exhaust") minResources = Math.max(minResources, Math.floor(maxResources / factor ** (requiredIterations - 1)));
  const possibleIterations = 1 + Math.floor(logBase(Math.floor(maxResources / minResources), factor));
  const iterations = Math.min(possibleIterations, requiredIterations);
  const counts: number[] = [];
  const resources: number[] = [];
  for (let i = 0, n = candidates; i < iterations; i++, n = Math.ceil(n / factor)) {
    counts.push(n);
    resources.push(Math.min(Math.trunc(factor ** i * minResources), maxResources));
  }
  return { factor, minResources, maxResources, candidates: counts, resources, requiredIterations, possibleIterations };
}
