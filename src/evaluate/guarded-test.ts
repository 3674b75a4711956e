/**
 * The guarded test set. Every model evaluated on a test set bends later choices toward
 * it; the book counts a test set's life in such "tuning cycles". holdout() splits off
 * the test rows; evaluate() scores a fitted pipeline on them and counts the look in the
 * .litml/ store: one look per distinct model (its saved state's hash), keyed by the test
 * rows' hash, so a kernel restart or another notebook does not reset the count.
 */
import { type DataInput, resolveData } from "../data/convert.js";
import type { Dataset } from "../data/dataset.js";
import { complementFold } from "../data/splits/fold.js";
import { holdout as holdoutSplit } from "../data/splits/kfold.js";
import { formatCell } from "../display/format.js";
import { targetOf } from "../features/target.js";
import type { FramingCard } from "../frame/card.js";
import { framedMetric, framedTime } from "../frame/defaults.js";
import { message } from "../messages.js";
import { createResult, type Result } from "../result.js";
import { recordLook } from "../state/store.js";
import { shortHash } from "../util/hash.js";
import type { FittedPipeline } from "../features/pipeline.js";
import { timeOrder } from "../validate/plan.js";
import { predict } from "../validate/predictor.js";
import { defaultMetric, metric } from "../metrics/registry.js";

export interface GuardedTestSet {
  readonly data: Dataset;
  /** The test rows' content hash: the key its looks are counted under. */
  readonly hash: string;
}

export interface HoldoutOptions {
  readonly target?: string;
  readonly testSize?: number;
  readonly seed?: number;
  /** Keep class shares equal in train and test (default: yes for a categorical target; not with a time column). */
  readonly stratify?: boolean;
  /** A time column: the latest rows become the test set, as the future would (default: the framing card's). */
  readonly time?: string;
  readonly card?: FramingCard;
}

export async function holdout(data: DataInput, options: HoldoutOptions = {}): Promise<{ train: Dataset; test: GuardedTestSet }> {
  const dataset = await resolveData(data);
  const testSize = options.testSize ?? 0.2;
  if (!(testSize > 0 && testSize < 1)) throw message.badOption("holdout", "testSize", options.testSize, "a share between 0 and 1");
  const targetName = options.target ?? dataset.roles.target;
  const target = targetName === undefined ? undefined : targetOf(dataset, targetName);
  const time = options.time ?? framedTime(options.card);
  const stratify = options.stratify ?? target?.kind === "classification";
  const { train, test } =
    time !== undefined
      ? complementFold(dataset.nRows, timeOrder("holdout", dataset, time).subarray(dataset.nRows - Math.round(dataset.nRows * testSize)))
      : holdoutSplit(dataset.nRows, { testSize, seed: options.seed ?? 0, ...(stratify && target?.kind === "classification" ? { stratify: target.codes } : {}) });
  const testData = dataset.take(test);
  return { train: dataset.take(train), test: { data: testData, hash: testData.contentHash() } };
}

export interface TestEvaluation {
  readonly metric: string;
  readonly score: number;
  readonly looks: number;
  readonly fingerprint: string;
}

export async function evaluate(fitted: FittedPipeline, test: GuardedTestSet, options: { metric?: string; card?: FramingCard } = {}): Promise<Result<TestEvaluation>> {
  if (!test || typeof test.hash !== "string" || !test.data) throw message.badOption("evaluate", "test", test, "a test set from litml.holdout(...)");
  const truth = fitted.targetOf(test.data);
  const spec = metric(options.metric ?? framedMetric(options.card, truth.kind) ?? defaultMetric(truth.kind), truth.kind);
  const score = spec.compute(truth, predict(fitted, test.data, spec.needs === "proba"));
  const fingerprint = shortHash(JSON.stringify(fitted.toJSON()));
  const looks = recordLook(test.hash, fingerprint);
  const text = `${fitted.model.model} scores ${spec.name} ${formatCell(score)} on the guarded test set (${test.data.nRows} rows). Models evaluated on this test set so far: ${looks}.`;
  return createResult({
    kind: "test-evaluation",
    version: 1,
    title: `Test set evaluation (look ${looks})`,
    verdict:
      looks <= 1
        ? { level: "ok", text: `${text} A first look: this estimate is unbiased.` }
        : { level: "warn", text: `${text} Every look after the first bends your choices toward this test set, so the score flatters the model more each time; keep a fresh test set for the final estimate.` },
    table: { columns: ["model", spec.name, "test rows", "looks at this test set"], rows: [[fitted.model.model, score, test.data.nRows, looks]] },
    data: { metric: spec.name, score, looks, fingerprint },
    datasets: [{ name: test.data.meta.name ?? "test set", hash: test.hash, rows: test.data.nRows }],
  });
}
