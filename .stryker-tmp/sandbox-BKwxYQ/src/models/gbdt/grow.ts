/**
 * Grows one regression tree on gradients and hessians, leaf-wise: the leaf whose best
 * split gains most is split next, until maxLeafNodes leaves. Each node's histogram
 * (Σg, Σh and count per feature and bin) is built by one pass over its rows; the larger
 * child's histogram is the parent's minus the smaller child's. Missing values go to
 * whichever side gains more.
 */
// @ts-nocheck

import { BINS } from "./binning.js";
import type { Workspace } from "./workspace.js";

export interface GrowParams {
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly l2: number;
  readonly learningRate: number;
}

export interface BoostedTree {
  readonly feature: Int32Array;
  /** Rows with bin ≤ binThreshold go left (the real-valued threshold is kept for raw data). */
  readonly binThreshold: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

const MIN_HESSIAN = 1e-3;

interface Node {
  id: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  histogram: Float64Array;
  split?: Split;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
}

export interface GrowContext {
  readonly rows: number;
  readonly cols: number;
  /** Number of non-missing bins per feature. */
  readonly binCounts: Int32Array;
  readonly missingBin: number;
  readonly thresholds: readonly Float64Array[];
  /** The binned rows, their indices (partitioned in place node by node) and the loops over them; reused across trees. */
  readonly workspace: Workspace;
}

function buildHistogram(ctx: GrowContext, gh: Float32Array, start: number, end: number): Float64Array {
  const histogram = new Float64Array(ctx.cols * BINS * 3);
  ctx.workspace.addRows(histogram, gh, start, end);
  return histogram;
}

function bestSplit(ctx: GrowContext, node: Node, params: GrowParams): Split | undefined {
  const { histogram } = node;
  const count = node.end - node.start;
  const parentScore = (node.g * node.g) / (node.h + params.l2);
  let best: Split | undefined;
  for (let j = 0; j < ctx.cols; j++) {
    const offset = j * BINS * 3;
    const missing = offset + ctx.missingBin * 3;
    const gMissing = histogram[missing];
    const hMissing = histogram[missing + 1];
    const nMissing = histogram[missing + 2];
    let gLeft = 0;
    let hLeft = 0;
    let nLeft = 0;
    const bins = ctx.binCounts[j];
    for (let b = 0; b < bins - 1 + (nMissing > 0 ? 1 : 0); b++) {
      if (b < bins) {
        const slot = offset + b * 3;
        gLeft += histogram[slot];
        hLeft += histogram[slot + 1];
        nLeft += histogram[slot + 2];
      }
      for (let side = 0; side < (nMissing > 0 ? 2 : 1); side++) {
        const missingLeft = side === 1;
        // With every present value on the left, only "missing right" is a split.
        if (b >= bins - 1 && !(!missingLeft && nMissing > 0 && nLeft > 0)) continue;
        const gl = missingLeft ? gLeft + gMissing : gLeft;
        const hl = missingLeft ? hLeft + hMissing : hLeft;
        const nl = missingLeft ? nLeft + nMissing : nLeft;
        const nr = count - nl;
        if (nl < params.minSamplesLeaf || nr < params.minSamplesLeaf) continue;
        const hr = node.h - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
        const gr = node.g - gl;
        const gain = (gl * gl) / (hl + params.l2) + (gr * gr) / (hr + params.l2) - parentScore;
        if (gain > 1e-12 && (!best || gain > best.gain)) best = { gain, feature: j, bin: Math.min(b, bins - 1), missingLeft };
      }
    }
  }
  return best;
}

// Hot loops sit in small functions of their own, which V8 optimises as ordinary calls.
function subtract(from: Float64Array, amount: Float64Array): void {
  for (let i = 0; i < from.length; i++) from[i] -= amount[i];
}

function fillIdentity(indices: Int32Array): void {
  for (let i = 0; i < indices.length; i++) indices[i] = i;
}

/** Grows a tree over every row (the workspace's indices are reset and left partitioned by leaf). */
export function growTree(ctx: GrowContext, gh: Float32Array, params: GrowParams): { tree: BoostedTree; leaves: { start: number; end: number; value: number }[] } {
  const feature: number[] = [];
  const binThreshold: number[] = [];
  const threshold: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const leafValue = (g: number, h: number) => (-params.learningRate * g) / (h + params.l2 + 2.220446049250313e-16);
  const makeNode = (start: number, end: number, depth: number, histogram: Float64Array): Node => {
    let g = 0;
    let h = 0;
    // Totals from feature 0's histogram: every row lands in exactly one of its bins.
    for (let b = 0; b < BINS; b++) {
      g += histogram[b * 3];
      h += histogram[b * 3 + 1];
    }
    const id = feature.length;
    feature.push(-1);
    binThreshold.push(0);
    threshold.push(0);
    missingLeft.push(0);
    left.push(-1);
    right.push(-1);
    value.push(leafValue(g, h));
    const node: Node = { id, start, end, depth, g, h, histogram };
    if (depth < params.maxDepth && end - start >= 2 * params.minSamplesLeaf) node.split = bestSplit(ctx, node, params);
    return node;
  };
  fillIdentity(ctx.workspace.indices);
  const root = makeNode(0, ctx.rows, 0, buildHistogram(ctx, gh, 0, ctx.rows));
  const open: Node[] = [root];
  const leaves: Node[] = [];
  let leafCount = 1;
  while (open.length > 0) {
    // Best-first: split the open node with the largest gain.
    let pick = -1;
    for (let i = 0; i < open.length; i++) if (open[i].split && (pick < 0 || open[i].split!.gain > open[pick].split!.gain)) pick = i;
    if (pick < 0 || leafCount >= params.maxLeafNodes) break;
    const node = open.splice(pick, 1)[0];
    const split = node.split!;
    const goesLeft = new Uint8Array(BINS);
    goesLeft.fill(1, 0, split.bin + 1);
    goesLeft[ctx.missingBin] = split.missingLeft ? 1 : 0;
    const lo = ctx.workspace.partition(ctx.workspace.columns[split.feature], goesLeft, node.start, node.end);
    const leftSize = lo - node.start;
    const rightSize = node.end - lo;
    const smallIsLeft = leftSize <= rightSize;
    const small = smallIsLeft ? buildHistogram(ctx, gh, node.start, lo) : buildHistogram(ctx, gh, lo, node.end);
    const large = node.histogram;
    subtract(large, small);
    const leftNode = makeNode(node.start, lo, node.depth + 1, smallIsLeft ? small : large);
    const rightNode = makeNode(lo, node.end, node.depth + 1, smallIsLeft ? large : small);
    feature[node.id] = split.feature;
    binThreshold[node.id] = split.bin;
    const t = ctx.thresholds[split.feature];
    threshold[node.id] = split.bin < t.length ? t[split.bin] : Infinity;
    missingLeft[node.id] = split.missingLeft ? 1 : 0;
    left[node.id] = leftNode.id;
    right[node.id] = rightNode.id;
    node.histogram = new Float64Array(0);
    open.push(leftNode, rightNode);
    leafCount++;
  }
  for (const node of open) leaves.push(node);
  const tree: BoostedTree = {
    feature: Int32Array.from(feature),
    binThreshold: Int32Array.from(binThreshold),
    threshold: Float64Array.from(threshold),
    missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
  return { tree, leaves: leaves.map((n) => ({ start: n.start, end: n.end, value: tree.value[n.id] })) };
}
