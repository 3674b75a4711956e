/**
 * A dense numeric matrix, column-major (each feature contiguous, as models scan
 * features), with a name per column. Models take and return these.
 */
// @ts-nocheck

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** data[c * rows + r] is row r of column c. */
  readonly data: Float64Array;
  readonly names: readonly string[];
}

export function matrix(rows: number, cols: number, names?: readonly string[], data?: Float64Array): Matrix {
  return {
    rows,
    cols,
    data: data ?? new Float64Array(rows * cols),
    names: names ?? Array.from({ length: cols }, (_, c) => `x${c}`),
  };
}

/** Builds a matrix from columns of equal length. */
export function fromColumns(columns: readonly ArrayLike<number>[], names?: readonly string[]): Matrix {
  const rows = columns.length ? columns[0].length : 0;
  const m = matrix(rows, columns.length, names);
  columns.forEach((column, c) => m.data.set(column, c * rows));
  return m;
}

export function column(m: Matrix, c: number): Float64Array {
  return m.data.subarray(c * m.rows, (c + 1) * m.rows);
}

/** The given rows, in order, as a new matrix. */
export function takeMatrixRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const out = matrix(rows.length, m.cols, m.names);
  for (let c = 0; c < m.cols; c++) {
    const from = c * m.rows;
    const to = c * rows.length;
    for (let i = 0; i < rows.length; i++) out.data[to + i] = m.data[from + rows[i]];
  }
  return out;
}

/** Turns each row of scores (column-major) into probabilities, in place, stably (log-sum-exp). */
export function softmaxRows(m: Matrix): Matrix {
  const { rows, cols, data } = m;
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, data[c * rows + i]);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += data[c * rows + i] = Math.exp(data[c * rows + i] - max);
    for (let c = 0; c < cols; c++) data[c * rows + i] /= sum;
  }
  return m;
}

/** Index of the largest column per row (first on ties): the predicted class of a probability matrix. */
export function argmaxRows(proba: Matrix): Int32Array {
  const { rows, cols, data } = proba;
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (data[c * rows + i] > data[best * rows + i]) best = c;
    out[i] = best;
  }
  return out;
}
