/**
 * The model registry (issue 13, "model versioning"): `register(fitted, { name })` stores a
 * version of a fitted pipeline (or model) in the `.litml/` store with its params, metrics,
 * data fingerprints, artifact and the run it came from; `setStage` moves versions between
 * staging, production and archived, one production version per name; `loadRegistered`
 * loads `name@3`, `name@production` or `name@staging`; `registeredModels` (`%models`)
 * lists them with their lineage.
 */
import type { FittedPipeline } from "../../features/pipeline.js";
import type { FittedModel } from "../../models/contract.js";
import { createResult, type Result } from "../../result.js";
import { selectVersions, type ModelVersion } from "../../state/registry.js";
import { findVersion, loadVersion, moveVersion, registerVersion } from "./compute.js";
import { MODELS_OPTIONS, REGISTER_OPTIONS } from "./options.js";
import { checkName } from "./reference.js";
import type { ModelsData, ModelsOptions, RegisteredData, RegisterOptions, StageData, VersionSummary } from "./types.js";
import { modelsVerdict, registeredVerdict, stageVerdict } from "./verdict.js";

export type { ModelsData, ModelsOptions, RegisteredData, RegisterOptions, Stage, StageData, VersionSummary } from "./types.js";

const summary = (v: ModelVersion): VersionSummary => ({ ...v, stage: v.stage }) as VersionSummary;

const metricText = (v: VersionSummary) =>
  v.metrics
    .slice(0, 3)
    .map((m) => `${m.name} ${Number(m.value.toPrecision(3))}${m.low === undefined ? "" : ` [${Number(m.low.toPrecision(3))}, ${Number((m.high as number).toPrecision(3))}]`}`)
    .join("; ");

function versionTable(versions: readonly VersionSummary[]) {
  return {
    columns: ["name", "version", "stage", "model", "run", "data", "metrics", "created", "description"],
    rows: versions.map((v) => [
      v.name,
      v.version,
      v.stage,
      v.model,
      v.runId === undefined ? null : `#${v.runId}`,
      v.datasets.map((d) => `${d.name}@${d.hash}`).join(", ") || null,
      metricText(v) || null,
      v.created.replace("T", " ").slice(0, 19),
      v.description || null,
    ]),
  };
}

/** Stores a new version of `options.name` and returns what was stored. */
export async function register(fitted: FittedPipeline | FittedModel, options: RegisterOptions): Promise<Result<RegisteredData>> {
  REGISTER_OPTIONS.check(options);
  const { version, archived } = await registerVersion(fitted, options ?? ({} as RegisterOptions));
  const data: RegisteredData = { registered: summary(version), ...(archived === undefined ? {} : { archived }) };
  return createResult({
    kind: "model-registered",
    version: 1,
    title: `Registered ${version.name}@${version.version}`,
    verdict: registeredVerdict(data),
    table: versionTable([data.registered]),
    data,
    datasets: version.datasets,
  });
}

/** Moves `name@version` (or `name@staging`) to a stage: staging, production or archived. */
export async function setStage(reference: string, stage: "staging" | "production" | "archived"): Promise<Result<StageData>> {
  const data = moveVersion(reference, stage);
  return createResult({
    kind: "model-stage",
    version: 1,
    title: `${data.name}@${data.version}: ${data.to}`,
    verdict: stageVerdict(data),
    table: versionTable(selectVersions(data.name).map(summary)),
    data,
  });
}

/** The fitted pipeline (or model) stored as `name@3`, `name@production` or `name@staging`. */
export function loadRegistered(reference: string): FittedPipeline | FittedModel {
  return loadVersion(reference);
}

/** What the registry holds for one reference, without loading its artifact. */
export function registeredVersion(reference: string): VersionSummary {
  return summary(findVersion(reference));
}

/** `%models`: every registered name, its versions, stages and lineage. */
export async function registeredModels(options: ModelsOptions = {}): Promise<Result<ModelsData>> {
  MODELS_OPTIONS.check(options);
  if (options.name !== undefined) checkName(options.name);
  const versions = selectVersions(options.name).map(summary);
  const data: ModelsData = { versions, names: [...new Set(versions.map((v) => v.name))] };
  return createResult({
    kind: "registered-models",
    version: 1,
    title: options.name === undefined ? "Registered models" : `Registered model ${options.name}`,
    verdict: modelsVerdict(data),
    table: versionTable(versions),
    data,
  });
}
