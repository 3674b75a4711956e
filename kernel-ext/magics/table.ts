/**
 * The magic table: each magic is one row naming the API call it expands to, its
 * arguments and its help. Adding an analysis's magic means adding a row here.
 */
import { BASELINE_OPTIONS } from "../../src/evaluate/baseline/options.js";
import { LEARNING_CURVE_OPTIONS } from "../../src/evaluate/learning-curve/options.js";
import { OVERFIT_CHECK_OPTIONS } from "../../src/evaluate/overfit-check/options.js";
import { BACKTEST_OPTIONS } from "../../src/evaluate/backtest/options.js";
import { FAIRNESS_OPTIONS } from "../../src/evaluate/fairness/options.js";
import { INVARIANCE_OPTIONS } from "../../src/evaluate/invariance/options.js";
import { OUTLIERS_OPTIONS } from "../../src/monitor/outliers/options.js";
import { HUMAN_IN_THE_LOOP_OPTIONS } from "../../src/deploy/human-in-the-loop/options.js";
import { THRESHOLDS_OPTIONS } from "../../src/evaluate/thresholds/options.js";
import { ERRORS_OPTIONS } from "../../src/evaluate/errors/options.js";
import { SIMPSON_OPTIONS } from "../../src/evaluate/simpson/options.js";
import { SLICES_OPTIONS } from "../../src/evaluate/slices/options.js";
import { LEAKAGE_OPTIONS } from "../../src/evaluate/leakage/options.js";
import { ADVERSARIAL_OPTIONS } from "../../src/monitor/adversarial/options.js";
import { LABEL_ISSUES_OPTIONS } from "../../src/label/label-issues/options.js";
import { SELECTION_BIAS_OPTIONS } from "../../src/label/selection-bias/options.js";
import { ACTIVE_LEARNING_OPTIONS } from "../../src/label/active-learning/options.js";
import { DRIFT_OPTIONS } from "../../src/monitor/drift/options.js";
import { PROFILE_OPTIONS } from "../../src/frame/profile/options.js";
import { LABELING_OPTIONS } from "../../src/label/labeling/options.js";
import { TUNE_OPTIONS } from "../../src/tune/search/options.js";
import { RUNS_OPTIONS } from "../../src/tune/runs/options.js";
import { MODELS_OPTIONS } from "../../src/deploy/registry/options.js";
import { TWO_PHASE_OPTIONS } from "../../src/deploy/two-phase/options.js";
import { STAGE_ATTRIBUTION_OPTIONS } from "../../src/deploy/stage-attribution/options.js";

export type ArgKind = "data" | "string" | "number" | "flag" | "strings" | "numbers" | "json";

export interface ArgSpec {
  readonly kind: ArgKind;
  readonly help: string;
  /** The API option this fills, when it is not the option's own name in camelCase. */
  readonly key?: string;
  /** The words the option accepts, when it is a choice (checked as the magic expands). */
  readonly choices?: readonly string[];
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
    options: PROFILE_OPTIONS.magicOptions(),
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
    options: SLICES_OPTIONS.magicOptions(),
    example: "%slices penguins --target Species --by Island,Sex",
  },
  {
    name: "backtest",
    summary: "Backtest on time-ordered folds: refit per period, score the period after, compare with a baseline, and judge stability and trend.",
    call: "backtest",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: BACKTEST_OPTIONS.magicOptions(),
    example: "%backtest seattle-weather --target weather --time date --folds 5",
  },
  {
    name: "invariance",
    summary: "Invariance tests: swap only the sensitive attribute and count the predictions that change; check that raising a column moves the prediction the expected way.",
    call: "invariance",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: INVARIANCE_OPTIONS.magicOptions(),
    example: "%invariance cps-wages-1985 --target wage --sensitive gender",
  },
  {
    name: "fairness",
    summary: "Group fairness: per group, the share predicted positive and the true and false positive rates; demographic parity and equalized odds differences with intervals.",
    call: "fairness",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: FAIRNESS_OPTIONS.magicOptions(),
    example: "%fairness wages --target pay --sensitive gender",
  },
  {
    name: "errors",
    summary: "Error analysis: slices where the model fails (SliceLine), a depth-3 surrogate tree of the errors, clusters of the misclassified rows, and what fixing each slice is worth.",
    call: "errors",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: ERRORS_OPTIONS.magicOptions(),
    example: "%errors flights --target late --model gbdt",
  },
  {
    name: "thresholds",
    summary: "Learn the decision threshold from validation data (never a fixed 0.5): precision, recall, F1 and cost at every threshold, with a slider.",
    call: "thresholds",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: THRESHOLDS_OPTIONS.magicOptions(),
    example: "%thresholds transactions --target fraud --costs 1,10",
  },
  {
    name: "leakage",
    summary: "Look for leakage inside each validation fold: copies of test rows in training, shared groups, the future in training, and features that predict the target on their own.",
    call: "leakage",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: LEAKAGE_OPTIONS.magicOptions(),
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
    options: DRIFT_OPTIONS.magicOptions(),
    example: "%drift january june",
  },
  {
    name: "outliers",
    summary: "Outliers by three detectors (isolation forest, nearest-neighbour distance, PCA reconstruction error); with a target, which of them are edge cases the model gets wrong.",
    call: "outliers",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: OUTLIERS_OPTIONS.magicOptions(),
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
    options: ADVERSARIAL_OPTIONS.magicOptions(),
    example: "%adversarial train test",
  },
  {
    name: "label_issues",
    summary: "Label errors by confident learning on out-of-fold probabilities: each suspect row with its given and likely label, the estimated noise per pair of classes, and the model retrained without the suspects on the same folds.",
    call: "labelIssues",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: LABEL_ISSUES_OPTIONS.magicOptions(),
    example: "%label_issues penguins --target Species",
  },
  {
    name: "human_in_the_loop",
    summary: "Which predictions a person should make: three routing policies on out-of-fold probabilities (probability threshold, expected cost, error rate on similar past requests), each with coverage, accuracy and cost over its parameter and its cheapest setting, against acting on everything and asking on everything.",
    call: "humanInTheLoop",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: HUMAN_IN_THE_LOOP_OPTIONS.magicOptions(),
    example: "%human_in_the_loop penguins --target Species --costs 0,2,10",
  },
  {
    name: "selection_bias",
    summary: "Selection bias: how a collected sample differs from its population, column by column (shares with intervals, largest gaps first, Holm-corrected tests, adversarial AUC), the likely causes, weights to the population's shares and the model score before and after.",
    call: "selectionBias",
    positional: [
      { name: "SAMPLE", kind: "data", help: DATA_HELP },
      { name: "POPULATION", kind: "data", help: DATA_HELP },
    ],
    options: SELECTION_BIAS_OPTIONS.magicOptions(),
    example: "%selection_bias hubs flights --by origin,hour --target delay",
  },
  {
    name: "labeling",
    summary: "Weak supervision: labeling functions' coverage, overlap, conflict and accuracy; a Dawid–Skene label model against majority vote; with --gold, an end model trained on weak labels against gold labels, and how many gold labels match it.",
    call: "labeling",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: LABELING_OPTIONS.magicOptions(),
    example: "%labeling spam-assassin --lfs {functions} --gold label",
  },
  {
    name: "active_learning",
    summary: "Would active learning save labels? A simulated labelling loop (labels revealed only when picked): uncertainty, diversity and both combined against random picks, score against labels spent with intervals over seeds, and the labels saved at the success value.",
    call: "activeLearning",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: ACTIVE_LEARNING_OPTIONS.magicOptions(),
    example: "%active_learning seattle-weather --target weather --start 20 --batch 10 --budget 220",
  },
  {
    name: "tune",
    summary: "Search a model's params on the validation folds (grid, random, or successive halving as scikit-learn's HalvingRandomSearchCV), optionally nested: did tuning beat the defaults beyond noise? Score against each param, every candidate's record.",
    call: "tune",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: TUNE_OPTIONS.magicOptions(),
    example: "%tune penguins --target Species --model logistic --space {{ C: [0.01, 0.1, 1, 10] }}",
  },
  {
    name: "simpson",
    summary: "Look for Simpson's paradox: an association that reverses once a third column is held fixed, or a scan of every pair that reports only reversals surviving a Holm correction; a Breslow–Day caveat when the groups' odds ratios differ.",
    call: "simpson",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: SIMPSON_OPTIONS.magicOptions(),
    example: "%simpson berkeley-admissions --outcome admitted --treatment sex --by department --count count",
  },
  {
    name: "check",
    summary: "Head an exercise's check cell: the litml.expect(...) lines below it each print passed or failed and why (--hidden: a check only the grader runs).",
    call: "check",
    positional: [{ name: "NAME", kind: "string", help: 'the exercise, as named on its solution cell\'s first line "// exercise: NAME"' }],
    options: { hidden: { kind: "flag", help: "a hidden check: litml assign removes it from the student's version; litml grade runs it" } },
    example: "%check beat-zero-rule",
  },
  {
    name: "runs",
    summary: "List the tracked runs (every analysis and fit in the litml kernel, and litml.track), chart a metric across them, and with --compare A,B set two runs' params and metrics side by side.",
    call: "runs",
    positional: [],
    options: RUNS_OPTIONS.magicOptions(),
    example: "%runs --compare 3,7",
  },
  {
    name: "tracking",
    summary: "Switch tracking on or off for this notebook (kept for its kernel, and for the notebook when Jupyter names it).",
    call: "tracking",
    positional: [{ name: "STATE", kind: "string", choices: ["on", "off"], help: "on or off" }],
    options: {},
    example: "%tracking off",
  },
  {
    name: "models",
    summary: "List the model registry: names, versions, stages (staging, production, archived), metrics, data and the run each version came from.",
    call: "registeredModels",
    positional: [],
    options: MODELS_OPTIONS.magicOptions(),
    example: "%models",
  },
  {
    name: "two_phase",
    summary: "Two-phase prediction: a small model answers when its top-class probability reaches a cut and hands the rest to a large one; accuracy with intervals, share escalated and mean latency against the cut on out-of-fold probabilities, and the cut that keeps the large model's accuracy at the least escalation.",
    call: "twoPhase",
    positional: [{ name: "DATA", kind: "data", help: DATA_HELP }],
    options: TWO_PHASE_OPTIONS.magicOptions(),
    example: "%two_phase penguins --target Species --small naive-bayes --large gbdt",
  },
  {
    name: "stage_attribution",
    summary: "Which stage of a pipeline of models to improve: each stage replaced in turn by its ground truth (its target column), the later stages retrained on it, and the end-to-end gain with a bootstrap interval, on out-of-fold predictions fed from stage to stage.",
    call: "stageAttribution",
    positional: [
      { name: "STAGES", kind: "json", help: 'the stages in pipeline order, as JSON or {expr}: [{"target": "Species", "model": "logistic"}, {"target": "Body Mass (g)"}] (each may name its features)' },
      { name: "DATA", kind: "data", help: DATA_HELP },
    ],
    options: STAGE_ATTRIBUTION_OPTIONS.magicOptions(),
    example: `%stage_attribution '[{"target": "Species", "features": ["Beak Depth (mm)", "Sex"]}, {"target": "Body Mass (g)", "features": ["Sex"]}]' penguins`,
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
    arg.kind === "flag" ? `[--${name}]` : `[--${name} ${arg.kind === "strings" || arg.kind === "numbers" ? "A,B,…" : arg.kind === "json" ? "{…}" : arg.kind.toUpperCase()}]`,
  );
  return [prefix + spec.name, ...positional, ...options].join(" ") + line + (spec.body ? `\n${spec.body.name}` : "");
}
