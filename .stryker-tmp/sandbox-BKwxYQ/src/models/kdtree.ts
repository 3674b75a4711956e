/**
 * A k-d tree over the rows of a column-major matrix for exact k-nearest-neighbour
 * queries in Euclidean distance (Bentley 1975; Friedman, Bentley and Finkel 1977):
 * nodes split at the median of their widest dimension, leaves hold up to 32 points,
 * and a query visits the nearer child first and skips any node whose bounding box is
 * farther than the current k-th neighbour.
 */
// @ts-nocheck

const LEAF_SIZE = 32;

export interface KdTree {
  readonly points: Float64Array;
  readonly rows: number;
  readonly dims: number;
  /** Point indices, reordered so every node's points are contiguous. */
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Bounding boxes, node-major: lower[node·dims + d]. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export function buildKdTree(points: Float64Array, rows: number, dims: number): KdTree {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const maxNodes = 2 * Math.ceil(rows / LEAF_SIZE) * 2 + 1;
  const start = new Int32Array(maxNodes);
  const end = new Int32Array(maxNodes);
  const left = new Int32Array(maxNodes).fill(-1);
  const right = new Int32Array(maxNodes).fill(-1);
  const lower = new Float64Array(maxNodes * dims);
  const upper = new Float64Array(maxNodes * dims);
  let count = 0;
  const stack: [number, number, number][] = [[count++, 0, rows]];
  while (stack.length) {
    const [node, from, to] = stack.pop()!;
    start[node] = from;
    end[node] = to;
    let widest = 0;
    let widestSpan = -1;
    for (let d = 0; d < dims; d++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = from; i < to; i++) {
        const v = points[d * rows + order[i]];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      lower[node * dims + d] = lo;
      upper[node * dims + d] = hi;
      if (hi - lo > widestSpan) {
        widestSpan = hi - lo;
        widest = d;
      }
    }
    if (to - from <= LEAF_SIZE || widestSpan <= 0) continue;
    const mid = (from + to) >> 1;
    select(order, from, to - 1, mid, (i) => points[widest * rows + i]);
    const l = count++;
    const r = count++;
    left[node] = l;
    right[node] = r;
    stack.push([l, from, mid], [r, mid, to]);
  }
  return { points, rows, dims, order, start, end, left, right, lower, upper };
}

/** Quickselect: puts the element of rank k (by key) at position k, smaller keys before it. */
function select(order: Int32Array, lo: number, hi: number, k: number, key: (i: number) => number): void {
  while (hi > lo) {
    const pivot = key(order[(lo + hi) >> 1]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key(order[i]) < pivot) i++;
      while (key(order[j]) > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i++] = order[j];
        order[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The k nearest training rows of each query row (column-major, `queryRows` rows):
 * indices and squared distances, nearest first, k per query.
 */
export function queryKdTree(tree: KdTree, query: Float64Array, queryRows: number, k: number): { index: Int32Array; distance: Float64Array } {
  const { dims, rows, points, order } = tree;
  const index = new Int32Array(queryRows * k);
  const distance = new Float64Array(queryRows * k);
  const point = new Float64Array(dims);
  const heapIndex = new Int32Array(k);
  const heapDistance = new Float64Array(k);
  const stack = new Int32Array(256);
  for (let q = 0; q < queryRows; q++) {
    for (let d = 0; d < dims; d++) point[d] = query[d * queryRows + q];
    heapDistance.fill(Infinity);
    heapIndex.fill(-1);
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (boxDistance(tree, node, point) >= heapDistance[0]) continue;
      if (tree.left[node] < 0) {
        for (let i = tree.start[node]; i < tree.end[node]; i++) {
          const row = order[i];
          let sum = 0;
          for (let d = 0; d < dims; d++) {
            const diff = points[d * rows + row] - point[d];
            sum += diff * diff;
          }
          if (sum < heapDistance[0]) siftDown(heapIndex, heapDistance, row, sum);
        }
        continue;
      }
      const l = tree.left[node];
      const r = tree.right[node];
      // Push the farther child first so the nearer one is searched first.
      if (boxDistance(tree, l, point) <= boxDistance(tree, r, point)) {
        stack[top++] = r;
        stack[top++] = l;
      } else {
        stack[top++] = l;
        stack[top++] = r;
      }
    }
    // The heap holds the k nearest, farthest on top; read them out nearest first.
    const sorted = Array.from({ length: k }, (_, i) => i).sort((a, b) => heapDistance[a] - heapDistance[b] || heapIndex[a] - heapIndex[b]);
    sorted.forEach((h, i) => {
      index[q * k + i] = heapIndex[h];
      distance[q * k + i] = heapDistance[h];
    });
  }
  return { index, distance };
}

function boxDistance(tree: KdTree, node: number, point: Float64Array): number {
  let sum = 0;
  const base = node * tree.dims;
  for (let d = 0; d < tree.dims; d++) {
    const v = point[d];
    const lo = tree.lower[base + d];
    const hi = tree.upper[base + d];
    const gap = v < lo ? lo - v : v > hi ? v - hi : 0;
    sum += gap * gap;
  }
  return sum;
}

/** Replaces the farthest of the k kept neighbours (the max-heap's root) and restores the heap. */
function siftDown(heapIndex: Int32Array, heapDistance: Float64Array, row: number, distance: number): void {
  const k = heapDistance.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let largest = -1;
    let largestDistance = distance;
    if (l < k && heapDistance[l] > largestDistance) {
      largest = l;
      largestDistance = heapDistance[l];
    }
    if (r < k && heapDistance[r] > largestDistance) largest = r;
    if (largest < 0) break;
    heapDistance[i] = heapDistance[largest];
    heapIndex[i] = heapIndex[largest];
    i = largest;
  }
  heapDistance[i] = distance;
  heapIndex[i] = row;
}
