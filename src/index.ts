/** litml's public API: every magic expands to one awaited call of a function exported here. */
export { LitmlError } from "./errors.js";
export { Dataset, type Roles, type DatasetMeta } from "./data/dataset.js";
export { type Column, type ColumnType } from "./data/column.js";
export { toDataset, load, type DataInput } from "./data/convert.js";
export { list, type DatasetEntry } from "./data/registry.js";
export { profile, type ProfileOptions, type ProfileData, type ColumnProfile, type Problem } from "./frame/profile/index.js";
export { chart, type Chart } from "./charts/chart.js";
export { simpson, type SimpsonOptions, type SimpsonData, type Finding as SimpsonFinding } from "./evaluate/simpson/index.js";
export { baseline, type BaselineOptions, type BaselineData, type Contender } from "./evaluate/baseline/index.js";
export { slices, type SlicesOptions, type SlicesData, type Slice } from "./evaluate/slices/index.js";
export { learningCurve, type LearningCurveOptions, type LearningCurveData } from "./evaluate/learning-curve/index.js";
export { overfitCheck, type OverfitCheckOptions, type OverfitCheckData } from "./evaluate/overfit-check/index.js";
export { backtest, type BacktestOptions, type BacktestData, type BacktestFold, type BacktestSeries } from "./evaluate/backtest/index.js";
export { holdout, evaluate, type GuardedTestSet, type HoldoutOptions, type EvaluateOptions, type TestEvaluation } from "./evaluate/guarded-test/index.js";
export { frame, savedCard, type FramingData } from "./frame/frame.js";
export { type FramingCard } from "./frame/card.js";
export { fairness, type FairnessOptions, type FairnessData, type GroupRates } from "./evaluate/fairness/index.js";
export { invariance, type InvarianceOptions, type InvarianceData, type Swap, type Expectation } from "./evaluate/invariance/index.js";
export { errors, type ErrorsOptions, type ErrorsData, type ErrorSlice } from "./evaluate/errors/index.js";
export { thresholds, type ThresholdsOptions, type ThresholdsData, type OperatingPoint, type Rates } from "./evaluate/thresholds/index.js";
export { leakage, type LeakageOptions, type LeakageData, type LeakageCheck, type SoloScore, type CopyCount } from "./evaluate/leakage/index.js";
export { drift, type DriftOptions, type DriftData, type ColumnDrift } from "./monitor/drift/index.js";
export { outliers, type OutliersOptions, type OutliersData, type OutlierRow, type EdgeCaseSummary } from "./monitor/outliers/index.js";
export { adversarial, type AdversarialOptions, type AdversarialData, type Giveaway, type SharedRows } from "./monitor/adversarial/index.js";
export { humanInTheLoop, type HumanInTheLoopOptions, type HumanInTheLoopData, type PolicyName, type PolicyPoint, type PolicyResult, type Saving } from "./deploy/human-in-the-loop/index.js";
export { labelIssues, type LabelIssuesOptions, type LabelIssuesData, type NoisePair, type RankBy, type Retrain, type Suspect } from "./label/label-issues/index.js";
export { selectionBias, type SelectionBiasOptions, type SelectionBiasData, type CategoryShare, type ColumnComparison, type Weighting, type ScoreComparison } from "./label/selection-bias/index.js";
export { labeling, type LabelingOptions, type LabelingData, type FunctionSummary, type FunctionThrew, type GoldScores, type MajorityClass, type EndModel, type CurvePoint } from "./label/labeling/index.js";
export { lf, ABSTAIN, type LabelingFunction, type Row as LabelingRow, type Vote } from "./label/functions.js";
export { activeLearning, nextToLabel, type ActiveLearningOptions, type ActiveLearningData, type NextToLabelOptions, type NextToLabelData } from "./label/active-learning/index.js";
export { tune, type TuneOptions, type TuneData, type CandidateRecord, type SearchSpace, type ParamRange } from "./tune/search/index.js";
export { heuristic, type RowRule, type PatternRule } from "./evaluate/baseline/index.js";
export { crossValidate, type CrossValidateOptions, type CrossValidation } from "./validate/cross-validate.js";
export { labelingSession, LabelingSession, mostUncertain, type LabelingSessionOptions, type LabelingState, type LabelingScore, type PoolRow, type PickRows, type LabelOutcome } from "./label/session.js";
export { saveLabel, savedLabels, poolId, memoryLabels, type SavedLabel, type LabelStore } from "./label/store.js";
export { rowKeys } from "./label/row-key.js";
export { planFolds, type FoldPlan, type SplitKind, type SplitOptions } from "./validate/plan.js";
export { type ModelInput } from "./validate/model.js";
export { createModel, loadModel, modelNames as models } from "./models/registry.js";
export { checkModel } from "./models/check-model.js";
export { Pipeline, FittedPipeline, loadPipeline } from "./features/pipeline.js";
export { pipelineFor } from "./features/default-pipeline.js";
export { targetOf } from "./features/target.js";
export { Impute, OneHot, Ordinal, Scale, TargetEncode, Bucketize, UnderSample, OverSample, Smote, Mixup, TemplateText, TextVectorize, DateToYear } from "./features/steps.js";
export { metricNames as metrics } from "./metrics/registry.js";
export {
  type Result,
  type ResultJSON,
  type Verdict,
  type VerdictLevel,
  type Table,
  type Cell,
  type VegaLiteSpec,
  type Provenance,
  RESULT_MIME,
} from "./result.js";
export { Progress, throwIfCancelled } from "./runtime/context.js";
export { LITML_VERSION as version } from "./version.js";
export { check, type CheckOptions } from "./workshop/check.js";
export { expect } from "./workshop/expect.js";
export { runs, type RunsOptions, type RunsData, type RunRow, type RunComparison } from "./tune/runs/index.js";
export { track, recordResult, recordFit, type RunContext, type TrackedValue } from "./tune/tracking/record.js";
export { metricsOf } from "./tune/tracking/metrics-of.js";
export { trackingStatus, type TrackingStatus } from "./tune/tracking/status.js";
export { pushRun, pushRuns, pushVersion, syncMlflow, mlflowUri, type MlflowOptions, type MlflowPush, type MlflowSyncData } from "./tune/tracking/mlflow.js";
export { recordSearch, candidateRuns, SEARCH_KIND } from "./tune/tracking/candidates.js";
export { type Run, type RunMetric } from "./state/runs.js";
export { register, setStage, loadRegistered, registeredVersion, registeredModels, type RegisterOptions, type ModelsOptions, type RegisteredData, type ModelsData, type StageData, type VersionSummary, type Stage } from "./deploy/registry/index.js";
export { serve, type Server, type ServeOptions, type ServeMode, type Prediction, type InputSchema, type InputField } from "./serve/index.js";
export { twoPhase, type TwoPhaseOptions, type TwoPhaseData, type CutPoint, type ModelTiming } from "./deploy/two-phase/index.js";
export { stageAttribution, type PipelineStage, type StageAttributionOptions, type StageAttributionData, type StageGain } from "./deploy/stage-attribution/index.js";
