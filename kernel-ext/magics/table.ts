/**
 * The magic table: each magic is one row naming the API call it expands to, its
 * arguments and its help. Adding an analysis's magic means adding a row here.
 */
import { BASELINE_OPTIONS } from "../../src/evaluate/baseline/options.js";
import { LEARNING_CURVE_OPTIONS } from "../../src/evaluate/learning-curve/options.js";
import { OVERFIT_CHECK_OPTIONS } from "../../src/evaluate/overfit-check/options.js";

export type ArgKind = "data" | "string" | "number" | "flag" | "strings" | "numbers";

export interface ArgSpec {
  readonly kind: ArgKind;
  readonly help: string;
  /** The API option this fills, when it is not the option's own name in camelCase. */
  readonly key?: string;
}

export interface MagicSpec {
  readonly name: string;
  readonly summary: string;
  /** The public API function the magic awaits, as `litml.<call>`. */
  readonly call: string;
  /** Positional arguments, in order, all required (DATA and the like). */
  readonly positional: readonly (ArgSpec & { readonly name: string })[];
  /** `--kebab-name` options; each becomes the camelCase key of the call's options object. */
  readonly options: Readonly<Record<string, ArgSpec>>;
  /** For cell magics (%%name): the API receives the cell body as its last argument. */
  readonly body?: ArgSpec & { readonly name: string };
  /** A cell magic that also works on one line, taking this word instead of the body (%frame FILE.yaml). */
  readonly lineForm?: ArgSpec & { readonly name: string };
  readonly example: string;
}

const DATA_HELP =
  "a notebook variable (Dataset, arquero table, records, danfo DataFrame), a registry name, or a CSV/TSV/JSON path; registry:NAME forces the registry";

export const MAGICS: readonly MagicSpec[] = [
  {
    name: "frame",
    summary: "Write the framing card: problem, what to ignore, customers, existing solution and its score, success metric and value, minimum gain, error costs, time column, slices.",
    call: "frame",
    positional: [],
    options: {},
    body: { name: "BODY", kind: "string", help: '"key: value" lines, e.g. "metric: accuracy" and "success: 0.9"' },
    lineForm: { name: "FILE", kind: "string", help: "a .yaml or .txt file of key: value lines, to share one card across notebooks" },
    example: "%%frame\nproblem: tell penguin species apart from body measurements\nmetric: accuracy\nsuccess: 0.95",
  },
  {
    name: "profile",
    summary: "Profile a data set: types, missing values (and whether they relate to the target), distinct counts, ranges, class balance, duplicates.",
    call: "profile",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: { target: { kind: "string", help: "the column to predict (default: the data set's target role)" } },
    example: '%profile penguins --target Species',
  },
  {
    name: "baseline",
    summary: "Compare models with random, stratified and zero-rule baselines, a heuristic and a human score, cross-validated with intervals.",
    call: "baseline",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    // --models stays as the plural spelling users already type.
    options: { ...BASELINE_OPTIONS.magicOptions(), models: { kind: "strings", help: "the same as --model" } },
    example: "%baseline penguins --target Species --model logistic,gbdt",
  },
  {
    name: "learning_curve",
    summary: "Train on growing subsets: training and validation scores, a power law with a floor, whether more data would help and how many rows would reach the success value.",
    call: "learningCurve",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: LEARNING_CURVE_OPTIONS.magicOptions(),
    example: "%learning_curve penguins --target Species --folds 5",
  },
  {
    name: "overfit_check",
    summary: "The end-to-end sanity check: the pipeline must fit a tiny batch clearly better than the same batch with shuffled labels (or memorise it).",
    call: "overfitCheck",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: OVERFIT_CHECK_OPTIONS.magicOptions(),
    example: "%overfit_check penguins --target Species --rows 32",
  },
  {
    name: "slices",
    summary: "Evaluate per slice (and per intersection of two columns): metric, interval, gap to overall, worst first, corrected for many slices.",
    call: "slices",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column to predict (default: the data set's target role)" },
      by: { kind: "strings", help: "the column to slice by, or two for intersections (numbers are bucketed)" },
      model: { kind: "string", help: "the model (default: logistic, or ridge for numbers)" },
      metric: { kind: "string", help: "the metric (default: accuracy, or rmse for numbers)" },
      weight: { kind: "string", help: "a column of row weights for rows that matter more" },
      folds: { kind: "number", help: "cross-validation folds for out-of-fold predictions (default 5)" },
      "min-size": { kind: "number", help: "rows a slice needs to be judged (default 30)" },
      buckets: { kind: "number", help: "buckets for numeric columns (default 4)" },
      seed: { kind: "number", help: "seed for folds and intervals" },
    },
    example: "%slices penguins --target Species --by Island,Sex",
  },
  {
    name: "backtest",
    summary: "Backtest on time-ordered folds: refit per period, score the period after, compare with a baseline, and judge stability and trend.",
    call: "backtest",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column to predict" },
      time: { kind: "string", help: "the column that orders rows in time (default: the data set's time role)" },
      window: { kind: "string", help: "expanding (all past rows) or sliding (the latest --train-size rows)" },
      folds: { kind: "number", help: "test periods (default 5)" },
      gap: { kind: "number", help: "rows left out between training and test (default 0)" },
      horizon: { kind: "number", help: "rows per test period (default: rows / (folds + 1))" },
      "train-size": { kind: "number", help: "rows in a sliding window (default: twice the horizon)" },
      model: { kind: "string", help: "the model (default: logistic, or ridge for numbers)" },
      metric: { kind: "string", help: "the metric" },
      baseline: { kind: "string", help: "zero-rule, last-value (persistence) or seasonal" },
      season: { kind: "number", help: "rows per season, for the seasonal baseline" },
    },
    example: "%backtest seattle-weather --target weather --time date --folds 5",
  },
  {
    name: "invariance",
    summary: "Invariance tests: swap only the sensitive attribute and count the predictions that change; check that raising a column moves the prediction the expected way.",
    call: "invariance",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column to predict" },
      sensitive: { kind: "string", help: "the attribute to swap (default: the data set's sensitive role)" },
      features: { kind: "strings", help: "the model's inputs (default: every column but the target)" },
      model: { kind: "string", help: "the model (default: logistic, or ridge for numbers)" },
      folds: { kind: "number", help: "folds for the out-of-fold models (default 5)" },
    },
    example: "%invariance cps-wages-1985 --target wage --sensitive gender",
  },
  {
    name: "fairness",
    summary: "Group fairness: per group, the share predicted positive and the true and false positive rates; demographic parity and equalized odds differences with intervals.",
    call: "fairness",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the two-class column to predict" },
      sensitive: { kind: "string", help: "the column whose groups to compare" },
      positive: { kind: "string", help: "the favourable outcome (default: the rarer class)" },
      features: { kind: "strings", help: "the model's inputs (default: every column but the target); leave the sensitive column out for a blind model" },
      model: { kind: "string", help: "the model (default logistic)" },
      folds: { kind: "number", help: "folds for the out-of-fold predictions (default 5)" },
      tolerance: { kind: "number", help: "a difference from which groups count as treated differently (default 0.1)" },
    },
    example: "%fairness wages --target pay --sensitive gender",
  },
  {
    name: "errors",
    summary: "Error analysis: slices where the model fails (SliceLine), a depth-3 surrogate tree of the errors, clusters of the misclassified rows, and what fixing each slice is worth.",
    call: "errors",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column to predict" },
      model: { kind: "string", help: "the model (default: logistic, or ridge for numbers)" },
      by: { kind: "strings", help: "the columns to search for slices (default: every feature)" },
      folds: { kind: "number", help: "folds for the out-of-fold predictions (default 5)" },
      "min-support": { kind: "number", help: "smallest slice worth reporting, in rows (default 1% of rows, at least 30)" },
      "max-level": { kind: "number", help: "predicates per slice, 1 to 3 (default 2)" },
      top: { kind: "number", help: "slices to report (default 10)" },
      bins: { kind: "number", help: "bins per numeric column (default 10)" },
      clusters: { kind: "number", help: "clusters of the misclassified rows (default 3)" },
    },
    example: "%errors flights --target late --model gbdt",
  },
  {
    name: "thresholds",
    summary: "Learn the decision threshold from validation data (never a fixed 0.5): precision, recall, F1 and cost at every threshold, with a slider.",
    call: "thresholds",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the class column (two classes)" },
      positive: { kind: "string", help: "the class to find (default: the rarer one)" },
      model: { kind: "string", help: "the model (default logistic)" },
      folds: { kind: "number", help: "folds for the out-of-fold probabilities (default 5)" },
      costs: { kind: "numbers", help: "the cost of a false positive and of a miss, e.g. 1,10 (default: the framing card's; without costs, F1 decides)" },
    },
    example: "%thresholds transactions --target fraud --costs 1,10",
  },
  {
    name: "leakage",
    summary: "Look for leakage inside each validation fold: copies of test rows in training, shared groups, the future in training, and features that predict the target on their own.",
    call: "leakage",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column to predict" },
      test: { kind: "data", help: "a separate test set to compare DATA with (instead of folds)" },
      time: { kind: "string", help: "the column that orders rows in time" },
      group: { kind: "string", help: "an id or group column that must not appear on both sides" },
      split: { kind: "string", help: "the validation to check: kfold, stratified, group or time (default: what cross-validation would choose)" },
      folds: { kind: "number", help: "folds (default 5)" },
      threshold: { kind: "number", help: "single-feature score from which a feature is called a leak (default 0.95)" },
    },
    example: "%leakage penguins --target Species",
  },
  {
    name: "drift",
    summary: "Has the data changed? Per column, a test chosen by type and size, and a verdict from the share of drifted columns.",
    call: "drift",
    positional: [
      { name: "REFERENCE", kind: "data", help: DATA_HELP },
      { name: "CURRENT", kind: "data", help: DATA_HELP },
    ],
    options: {
      columns: { kind: "strings", help: "the columns to compare (default: all of the reference's)" },
      "large-sample": { kind: "number", help: "reference rows from which effect sizes replace tests (default 1000)" },
      threshold: { kind: "number", help: "effect size that counts as drift (default 0.1)" },
      psi: { kind: "flag", help: "also report the population stability index" },
    },
    example: "%drift january june",
  },
  {
    name: "outliers",
    summary: "Outliers by three detectors (isolation forest, nearest-neighbour distance, PCA reconstruction error); with a target, which of them are edge cases the model gets wrong.",
    call: "outliers",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      target: { kind: "string", help: "the column a model predicts: tells edge cases from harmless outliers" },
      columns: { kind: "strings", help: "the columns to examine (default: all but the target)" },
      contamination: { kind: "number", help: "the share of rows each detector flags (default 0.01)" },
      k: { kind: "number", help: "neighbours for the distance detector (default 5)" },
      model: { kind: "string", help: "the model (default: logistic, or ridge for numbers)" },
    },
    example: "%outliers cars --target Miles_per_Gallon",
  },
  {
    name: "adversarial",
    summary: "Adversarial validation: can a classifier tell A's rows from B's? AUC with interval, drift score 2·AUC − 1, and the columns that give it away.",
    call: "adversarial",
    positional: [
      { name: "A", kind: "data", help: DATA_HELP },
      { name: "B", kind: "data", help: DATA_HELP },
    ],
    options: {
      columns: { kind: "strings", help: "the columns to use (default: every column A and B share)" },
      model: { kind: "string", help: "the classifier (default gbdt)" },
      folds: { kind: "number", help: "out-of-fold rounds (default 3)" },
      threshold: { kind: "number", help: "drift score from which A and B count as different (default 0.25)" },
      seed: { kind: "number", help: "seed for the folds and the shuffles (default 0)" },
    },
    example: "%adversarial train test",
  },
  {
    name: "simpson",
    summary: "Look for Simpson's paradox: an association that reverses once a third column is held fixed (or scan every pair).",
    call: "simpson",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: {
      outcome: { kind: "string", help: "the outcome column" },
      target: { kind: "string", help: "instead of --outcome: analyse the out-of-fold errors of a model predicting this column" },
      model: { kind: "string", help: "with --target, the model whose errors to analyse" },
      treatment: { kind: "string", help: "the column whose effect on the outcome is in question (omit with --by to scan every pair)" },
      by: { kind: "string", help: "the column to hold fixed (numbers are cut into --buckets equal-count groups)" },
      count: { kind: "string", help: "a column of counts, for tables where each row stands for many cases" },
      positive: { kind: "string", help: "the outcome value to count (default: the last in sorted order)" },
      levels: { kind: "strings", help: "the two treatment values to compare: reference,comparison" },
      "min-group-size": { kind: "number", help: "cases each treatment needs in a group for it to count (default 10)" },
      "min-effect": { kind: "number", help: "smallest reversed effect that counts: a rate difference, Cohen's d or a correlation (default 0.01)" },
      buckets: { kind: "number", help: "groups for a numeric --by (default 4)" },
      "max-levels": { kind: "number", help: "most categories a column may have to be scanned (default 20)" },
    },
    example: "%simpson berkeley-admissions --outcome admitted --treatment sex --by department --count count",
  },
];

export function findMagic(name: string): MagicSpec | undefined {
  return MAGICS.find((m) => m.name === name);
}

export function usage(spec: MagicSpec): string {
  const prefix = spec.body ? "%%" : "%";
  const line = spec.lineForm ? ` (or %${spec.name} ${spec.lineForm.name})` : "";
  const positional = spec.positional.map((p) => p.name);
  const options = Object.entries(spec.options).map(([name, arg]) =>
    arg.kind === "flag" ? `[--${name}]` : `[--${name} ${arg.kind === "strings" || arg.kind === "numbers" ? "A,B,…" : arg.kind.toUpperCase()}]`,
  );
  return [prefix + spec.name, ...positional, ...options].join(" ") + line + (spec.body ? `\n${spec.body.name}` : "");
}
