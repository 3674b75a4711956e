/**
 * Principal components of a column-major matrix (centred; the covariance's eigenvectors by
 * cyclic Jacobi rotations, exact for the few dozen columns a table has) and each row's
 * reconstruction error from the leading components that explain a given share of variance.
 */
import type { Matrix } from "../../data/matrix.js";

/** Eigenvalues (descending) and eigenvectors (columns of `vectors`, p × p row-major) of a symmetric matrix. */
export function symmetricEigen(a: Float64Array, p: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += m[i * p + j] ** 2;
    if (off < 1e-22) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = m[i * p + j];
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (m[j * p + j] - m[i * p + i]) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const mik = m[i * p + k];
          const mjk = m[j * p + k];
          m[i * p + k] = c * mik - s * mjk;
          m[j * p + k] = s * mik + c * mjk;
        }
        for (let k = 0; k < p; k++) {
          const mki = m[k * p + i];
          const mkj = m[k * p + j];
          m[k * p + i] = c * mki - s * mkj;
          m[k * p + j] = s * mki + c * mkj;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i];
          const vkj = v[k * p + j];
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => m[y * p + y] - m[x * p + x]);
  const values = Float64Array.from(order, (i) => m[i * p + i]);
  const vectors = new Float64Array(p * p);
  order.forEach((from, to) => {
    for (let k = 0; k < p; k++) vectors[k * p + to] = v[k * p + from];
  });
  return { values, vectors };
}

export function pcaReconstructionErrors(X: Matrix, varianceShare = 0.9): { errors: Float64Array; components: number } {
  const { rows: n, cols: p, data } = X;
  const means = Float64Array.from({ length: p }, (_, c) => data.subarray(c * n, (c + 1) * n).reduce((a, b) => a + b, 0) / n);
  const covariance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += (data[i * n + r] - means[i]) * (data[j * n + r] - means[j]);
      covariance[i * p + j] = covariance[j * p + i] = sum / Math.max(1, n - 1);
    }
  }
  const { values, vectors } = symmetricEigen(covariance, p);
  const total = values.reduce((a, b) => a + Math.max(0, b), 0);
  // scikit-learn's rule (PCA(n_components=share)): the fewest components whose cumulative share
  // reaches it; but never all of them, whose reconstruction error is rounding noise (1e-15), not a score.
  let components = 0;
  for (let explained = 0; components < p && explained < varianceShare * total * (1 - 1e-12); components++) explained += Math.max(0, values[components]);
  components = Math.min(components, Math.max(1, p - 1));
  const errors = new Float64Array(n);
  const centred = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < p; c++) centred[c] = data[c * n + r] - means[c];
    let norm = 0;
    for (let c = 0; c < p; c++) norm += centred[c] ** 2;
    let projected = 0;
    for (let k = 0; k < components; k++) {
      let dot = 0;
      for (let c = 0; c < p; c++) dot += centred[c] * vectors[c * p + k];
      projected += dot * dot;
    }
    errors[r] = Math.max(0, norm - projected);
  }
  return { errors, components };
}
