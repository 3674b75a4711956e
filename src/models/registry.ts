/** Models by the names `--model` takes, and loading any saved model by the name it records. */
import { message } from "../messages.js";
import { Baseline, type BaselineParams, loadBaseline } from "./baselines.js";
import type { FittedModel, Model, SavedModel } from "./contract.js";
import { LinearRegression, loadLinear, type RidgeParams } from "./linear.js";
import { LogisticRegression, loadLogistic, type LogisticParams } from "./logistic.js";
import { DecisionTree, loadTree, type TreeParams } from "./tree.js";
import { GradientBoosting, loadGbdt, type GbdtParams } from "./gbdt.js";
import { NaiveBayes, loadNaiveBayes, type NaiveBayesParams } from "./naive-bayes.js";
import { KNearestNeighbours, loadKnn, type KnnParams } from "./knn.js";
import { MultiLayerPerceptron, loadMlp, type MlpParams } from "./mlp.js";

interface Entry {
  readonly create: (params: any) => Model;
  readonly load: (saved: unknown) => FittedModel;
  readonly summary: string;
  /** Every param the model reads, so that a misspelt one fails instead of being ignored. */
  readonly params: readonly string[];
}

/** A model's param names, checked by the compiler against its params interface (all of them, no others). */
function paramNames<P>(names: Record<keyof Required<P>, true>): string[] {
  return Object.keys(names);
}

const BASELINE = paramNames<BaselineParams>({ statistic: true, seed: true });
const LINEAR = paramNames<RidgeParams>({ alpha: true, fitIntercept: true });

const MODELS: Record<string, Entry> = {
  random: { create: (p: BaselineParams) => new Baseline("random", p), load: loadBaseline, summary: "guesses uniformly at random", params: BASELINE },
  stratified: { create: (p: BaselineParams) => new Baseline("stratified", p), load: loadBaseline, summary: "guesses in proportion to the training classes", params: BASELINE },
  "zero-rule": { create: (p: BaselineParams) => new Baseline("zero-rule", p), load: loadBaseline, summary: "always the majority class, the mean or the median", params: BASELINE },
  logistic: { create: (p: LogisticParams) => new LogisticRegression(p), load: loadLogistic, summary: "L2-regularised logistic regression (multinomial for 3+ classes)", params: paramNames<LogisticParams>({ C: true, fitIntercept: true, maxIterations: true, tolerance: true, classWeight: true }) },
  ridge: { create: (p: RidgeParams) => new LinearRegression("ridge", p), load: (s) => loadLinear(s, "ridge"), summary: "least squares with an L2 penalty", params: LINEAR },
  linear: { create: (p: RidgeParams) => new LinearRegression("linear", p), load: (s) => loadLinear(s, "linear"), summary: "ordinary least squares", params: LINEAR },
  tree: { create: (p: TreeParams) => new DecisionTree(p), load: loadTree, summary: "a CART decision tree (gini, entropy or squared error)", params: paramNames<TreeParams>({ criterion: true, maxDepth: true, minSamplesSplit: true, minSamplesLeaf: true, classWeight: true, seed: true }) },
  gbdt: { create: (p: GbdtParams) => new GradientBoosting(p), load: loadGbdt, summary: "histogram gradient boosting (log-loss, softmax or squared error)", params: paramNames<GbdtParams>({ maxIterations: true, learningRate: true, maxLeafNodes: true, maxDepth: true, minSamplesLeaf: true, l2Regularization: true, maxBins: true, classWeight: true, seed: true }) },
  "naive-bayes": { create: (p: NaiveBayesParams) => new NaiveBayes(p), load: loadNaiveBayes, summary: "Gaussian or multinomial naive Bayes", params: paramNames<NaiveBayesParams>({ variant: true, varSmoothing: true, alpha: true, classWeight: true }) },
  knn: { create: (p: KnnParams) => new KNearestNeighbours(p), load: loadKnn, summary: "k-nearest neighbours (k-d tree search)", params: paramNames<KnnParams>({ k: true, weights: true }) },
  mlp: { create: (p: MlpParams) => new MultiLayerPerceptron(p), load: loadMlp, summary: "a multi-layer perceptron trained with TensorFlow.js", params: paramNames<MlpParams>({ hidden: true, epochs: true, batchSize: true, learningRate: true, l2: true, seed: true }) },
};

export function modelNames(): string[] {
  return Object.keys(MODELS);
}

function entry(name: string): Entry {
  const found = Object.hasOwn(MODELS, name) ? MODELS[name] : undefined;
  if (!found) throw message.unknownModel(name, modelNames());
  return found;
}

/** The params a registry model reads (an unknown model name fails, suggesting the closest). */
export function modelParams(name: string): readonly string[] {
  return entry(name).params;
}

/** A new, unfitted model by its registry name. */
export function createModel(name: string, params: object = {}): Model {
  const found = entry(name);
  for (const key of Object.keys(params ?? {})) if (!found.params.includes(key)) throw message.unknownOption(`model "${name}"`, key, found.params);
  return found.create(params);
}

/** Loads a model saved with `fitted.toJSON()` (the object or its JSON text). */
export function loadModel(saved: unknown): FittedModel {
  const value = typeof saved === "string" ? parseSaved(saved) : saved;
  const name = (value as SavedModel | null)?.model;
  if (typeof name !== "string" || (value as SavedModel).format !== "litml-model") {
    throw message.badSavedModel("it is not a litml model (no format: \"litml-model\")");
  }
  return entry(name).load(value);
}

function parseSaved(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw message.badSavedModel(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
