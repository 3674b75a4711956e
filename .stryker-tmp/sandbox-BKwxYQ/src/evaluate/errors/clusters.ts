/**
 * Clusters of the rows a model gets wrong, on their binned values: k-means over the one-hot
 * bins (one 1 per column), seeded with k-means++. With one-hot rows the squared distance to
 * a centroid is columns − 2·Σ centroid[bin] + ‖centroid‖², so each distance costs one
 * lookup per column. A cluster is described by the bins it over-represents most.
 */
// @ts-nocheck

import { Random } from "../../util/random.js";
import type { BinnedColumn } from "./slice-line.js";

export interface ErrorCluster {
  readonly size: number;
  /** Column index and bin, with the share of the cluster in it and that share among all rows. */
  readonly traits: readonly { readonly column: number; readonly bin: number; readonly share: number; readonly overall: number }[];
}

/** The best of several seeded k-means runs (lowest within-cluster sum of squares): one run can settle in a poor local optimum. */
export function clusterRows(columns: readonly BinnedColumn[], rows: Int32Array, k: number, seed: number, restarts = 4): Int32Array {
  let best: { assignment: Int32Array; inertia: number } | undefined;
  for (let run = 0; run < restarts; run++) {
    const candidate = kMeansOnce(columns, rows, k, seed + run);
    if (!best || candidate.inertia < best.inertia) best = candidate;
  }
  return best!.assignment;
}

function kMeansOnce(columns: readonly BinnedColumn[], rows: Int32Array, k: number, seed: number, iterations = 25): { assignment: Int32Array; inertia: number } {
  const offsets = Int32Array.from(columns, (_, c) => columns.slice(0, c).reduce((a, col) => a + col.labels.length, 0));
  const width = columns.reduce((a, col) => a + col.labels.length, 0);
  const m = rows.length;
  const hot = (i: number, c: number) => offsets[c] + columns[c].bins[rows[i]];
  const centroids = new Float64Array(k * width);
  const norms = new Float64Array(k);
  const distance = (i: number, j: number) => {
    let dot = 0;
    for (let c = 0; c < columns.length; c++) dot += centroids[j * width + hot(i, c)];
    return columns.length - 2 * dot + norms[j];
  };
  const setCentroidToRow = (j: number, i: number) => {
    centroids.fill(0, j * width, (j + 1) * width);
    for (let c = 0; c < columns.length; c++) centroids[j * width + hot(i, c)] = 1;
    norms[j] = columns.length;
  };
  const random = new Random(seed);
  const assignment = new Int32Array(m);
  const nearest = new Float64Array(m).fill(Infinity);
  setCentroidToRow(0, random.int(m));
  for (let j = 1; j < k; j++) {
    let total = 0;
    for (let i = 0; i < m; i++) total += nearest[i] = Math.min(nearest[i], distance(i, j - 1));
    // k-means++: the next seed is a row drawn with probability proportional to its squared distance.
    let pick = random.float() * total;
    let chosen = 0;
    while (chosen < m - 1 && (pick -= nearest[chosen]) > 0) chosen++;
    setCentroidToRow(j, chosen);
  }
  let inertia = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    inertia = 0;
    for (let i = 0; i < m; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let j = 0; j < k; j++) {
        const d = distance(i, j);
        if (d < bestDistance) [best, bestDistance] = [j, d];
      }
      if (assignment[i] !== best || iteration === 0) moved++;
      assignment[i] = best;
      inertia += bestDistance;
    }
    const sizes = new Int32Array(k);
    centroids.fill(0);
    for (let i = 0; i < m; i++) {
      sizes[assignment[i]]++;
      for (let c = 0; c < columns.length; c++) centroids[assignment[i] * width + hot(i, c)]++;
    }
    for (let j = 0; j < k; j++) {
      let norm = 0;
      for (let x = j * width; x < (j + 1) * width; x++) norm += (centroids[x] /= Math.max(1, sizes[j])) ** 2;
      norms[j] = norm;
    }
    if (moved === 0) break;
  }
  return { assignment, inertia };
}

/** Each cluster's size and the bins it holds far more often than all rows do (at least half the cluster, twice the overall share). */
export function describeClusters(columns: readonly BinnedColumn[], rows: Int32Array, assignment: Int32Array, k: number): ErrorCluster[] {
  const overallCounts = columns.map(({ bins, labels }) => {
    const counts = new Int32Array(labels.length);
    for (const b of bins) counts[b]++;
    return counts;
  });
  const totalRows = columns[0]?.bins.length ?? 0;
  const clusters: ErrorCluster[] = [];
  for (let j = 0; j < k; j++) {
    const members = rows.filter((_, i) => assignment[i] === j);
    if (members.length === 0) continue;
    const traits: ErrorCluster["traits"][number][] = [];
    columns.forEach(({ bins, labels }, column) => {
      const inCluster = new Int32Array(labels.length);
      for (const r of members) inCluster[bins[r]]++;
      for (let bin = 0; bin < labels.length; bin++) {
        const share = inCluster[bin] / members.length;
        const base = overallCounts[column][bin] / totalRows;
        if (share >= 0.5 && share >= 2 * base) traits.push({ column, bin, share, overall: base });
      }
    });
    traits.sort((a, b) => b.share / b.overall - a.share / a.overall);
    clusters.push({ size: members.length, traits: traits.slice(0, 3) });
  }
  return clusters.sort((a, b) => b.size - a.size);
}
