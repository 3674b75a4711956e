/**
 * A multi-layer perceptron (dense layers, ReLU, softmax or linear output) trained with
 * Adam on mini-batches by TensorFlow.js, with seeded initialisation and shuffling so the
 * same data and seed give the same network. Prediction runs in plain TypeScript from
 * the learned weights: a saved MLP loads and predicts without TensorFlow.js.
 */
// @ts-nocheck

import { argmaxRows, type Matrix, matrix } from "../data/matrix.js";
import { Progress } from "../runtime/context.js";
import { Random } from "../util/random.js";
import type { FitOptions, FittedModel, Model, SavedModel, Target, Task } from "./contract.js";
import { nonNegative, positive, wholeNumber } from "./params.js";
import { arrayIn, arrayOut, checkSaved } from "./saved.js";
import { loadTensorflow } from "./tf.js";
import { checkFitInput, checkPredictInput } from "./validate.js";
import { rowWeights } from "./weights.js";

export interface MlpParams {
  readonly hidden?: readonly number[];
  readonly epochs?: number;
  readonly batchSize?: number;
  readonly learningRate?: number;
  /** L2 penalty on the weights (scikit-learn's alpha). */
  readonly l2?: number;
  readonly seed?: number;
}

const MODEL = "mlp";
const VERSION = 1;
const TASKS: readonly Task[] = ["classification", "regression"];

interface Layer {
  readonly inputs: number;
  readonly outputs: number;
  /** inputs × outputs, row-major. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export class MultiLayerPerceptron implements Model<MlpParams> {
  readonly model = MODEL;
  readonly tasks = TASKS;
  constructor(readonly params: MlpParams = {}) {}

  async fit(X: Matrix, y: Target, options: FitOptions = {}): Promise<FittedModel> {
    checkFitInput(MODEL, TASKS, X, y, options);
    const p = this.params;
    const hidden = p.hidden ?? [64];
    hidden.forEach((h, i) => wholeNumber(MODEL, `hidden[${i}]`, h, 64));
    const epochs = wholeNumber(MODEL, "epochs", p.epochs, 100);
    const batchSize = wholeNumber(MODEL, "batchSize", p.batchSize, 64);
    const learningRate = positive(MODEL, "learningRate", p.learningRate, 0.01);
    const l2 = nonNegative(MODEL, "l2", p.l2, 1e-4);
    const seed = p.seed ?? 0;
    const { tf } = await loadTensorflow();
    const n = X.rows;
    const outputs = y.kind === "classification" ? y.classes.length : 1;
    const weights = rowWeights(y.kind === "classification" ? y : undefined, n, options);
    // Regression targets are standardised for training and mapped back for prediction.
    const [yMean, yScale] = y.kind === "regression" ? meanAndScale(y.values) : [0, 1];
    const sizes = [X.cols, ...hidden, outputs];
    const random = new Random(seed);
    const variables = sizes.slice(1).map((out, l) => {
      const fanIn = sizes[l];
      const limit = Math.sqrt(6 / (fanIn + out));
      const init = Float32Array.from({ length: fanIn * out }, () => (2 * random.float() - 1) * limit);
      return { w: tf.variable(tf.tensor2d(init, [fanIn, out])), b: tf.variable(tf.zeros([out])) };
    });
    const optimizer = tf.train.adam(learningRate);
    const progress = new Progress("training the MLP", epochs);
    const batchX = new Float32Array(batchSize * X.cols);
    const batchY = new Float32Array(batchSize * outputs);
    const batchW = new Float32Array(batchSize);
    try {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const order = random.permutation(n);
        for (let start = 0; start < n; start += batchSize) {
          const size = Math.min(batchSize, n - start);
          batchY.fill(0);
          for (let i = 0; i < size; i++) {
            const row = order[start + i];
            for (let j = 0; j < X.cols; j++) batchX[i * X.cols + j] = X.data[j * n + row];
            if (y.kind === "classification") batchY[i * outputs + y.codes[row]] = 1;
            else batchY[i] = (y.values[row] - yMean) / yScale;
            batchW[i] = weights[row];
          }
          tf.tidy(() => {
            const xs = tf.tensor2d(batchX.subarray(0, size * X.cols), [size, X.cols]);
            const ys = tf.tensor2d(batchY.subarray(0, size * outputs), [size, outputs]);
            const ws = tf.tensor1d(batchW.subarray(0, size));
            optimizer.minimize(() => {
              let h = xs;
              variables.forEach(({ w, b }, l) => {
                h = tf.add(tf.matMul(h, w), b);
                if (l < variables.length - 1) h = tf.relu(h);
              });
              const perRow =
                y.kind === "classification"
                  ? tf.neg(tf.sum(tf.mul(ys, tf.logSoftmax(h)), 1))
                  : tf.mul(tf.sum(tf.square(tf.sub(h, ys)), 1), 0.5);
              const data = tf.div(tf.sum(tf.mul(perRow, ws)), tf.sum(ws));
              const penalty = variables.reduce((s, { w }) => tf.add(s, tf.sum(tf.square(w))), tf.scalar(0));
              return tf.add(data, tf.mul(penalty, (0.5 * l2) / n)) as import("@tensorflow/tfjs").Scalar;
            });
          });
        }
        await progress.step();
      }
      progress.finish();
      const layers: Layer[] = variables.map(({ w, b }, l) => ({
        inputs: sizes[l],
        outputs: sizes[l + 1],
        weights: Float64Array.from(w.dataSync()),
        bias: Float64Array.from(b.dataSync()),
      }));
      return fittedMlp(p, X.names, layers, y.kind === "classification" ? y.classes : undefined, yMean, yScale);
    } finally {
      variables.forEach(({ w, b }) => {
        w.dispose();
        b.dispose();
      });
      optimizer.dispose();
    }
  }
}

function meanAndScale(values: Float64Array): [number, number] {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const scale = Math.sqrt(variance / values.length);
  return [mean, scale > 0 ? scale : 1];
}

/** The network's last-layer outputs for every row (row-major n × outputs). */
function forward(layers: readonly Layer[], X: Matrix): Float64Array {
  const n = X.rows;
  let h = new Float64Array(n * X.cols);
  for (let i = 0; i < n; i++) for (let j = 0; j < X.cols; j++) h[i * X.cols + j] = X.data[j * n + i];
  layers.forEach((layer, l) => {
    const out = new Float64Array(n * layer.outputs);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < layer.outputs; o++) {
        let sum = layer.bias[o];
        for (let k = 0; k < layer.inputs; k++) sum += h[i * layer.inputs + k] * layer.weights[k * layer.outputs + o];
        out[i * layer.outputs + o] = l < layers.length - 1 && sum < 0 ? 0 : sum;
      }
    }
    h = out;
  });
  return h;
}

function fittedMlp(params: MlpParams, features: readonly string[], layers: Layer[], classes: readonly string[] | undefined, yMean: number, yScale: number): FittedModel {
  const toJSON = (): SavedModel => ({
    format: "litml-model",
    version: VERSION,
    model: MODEL,
    params,
    features,
    ...(classes ? { classes } : {}),
    state: { layers: layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, weights: arrayOut(l.weights), bias: arrayOut(l.bias) })), yMean, yScale },
  });
  if (!classes) {
    return {
      task: "regression",
      model: MODEL,
      params,
      features,
      toJSON,
      predict: (X: Matrix) => {
        checkPredictInput(MODEL, features, X);
        return forward(layers, X).map((v) => v * yScale + yMean);
      },
    };
  }
  const k = classes.length;
  const predictProba = (X: Matrix): Matrix => {
    checkPredictInput(MODEL, features, X);
    const logits = forward(layers, X);
    const out = matrix(X.rows, k, classes);
    for (let i = 0; i < X.rows; i++) {
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, logits[i * k + c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += out.data[c * X.rows + i] = Math.exp(logits[i * k + c] - max);
      for (let c = 0; c < k; c++) out.data[c * X.rows + i] /= sum;
    }
    return out;
  };
  return { task: "classification", model: MODEL, params, features, classes, predictProba, predict: (X: Matrix) => argmaxRows(predictProba(X)), toJSON };
}

export function loadMlp(saved: unknown): FittedModel {
  const s = checkSaved(saved, MODEL, VERSION);
  const state = s.state as { layers: { inputs: number; outputs: number; weights: number[]; bias: number[] }[]; yMean: number; yScale: number };
  const layers = state.layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, weights: arrayIn(l.weights), bias: arrayIn(l.bias) }));
  return fittedMlp(s.params as MlpParams, s.features, layers, s.classes, state.yMean, state.yScale);
}
