/**
 * The registry's work: storing a version (its artifact packed from the fitted pipeline's
 * own `toJSON()`, so loading is `loadPipeline`, the same code as any saved pipeline),
 * finding a version by reference, loading it, and moving it between stages.
 */
import { resolveData } from "../../data/convert.js";
import { FittedPipeline, loadPipeline } from "../../features/pipeline.js";
import { message } from "../../messages.js";
import type { FittedModel } from "../../models/contract.js";
import { loadModel } from "../../models/registry.js";
import { packArtifact, unpackArtifact } from "../../state/artifact.js";
import { insertVersion, type ModelVersion, selectArtifact, selectVersions, type Stage, updateStage } from "../../state/registry.js";
import { type RunMetric, selectRuns } from "../../state/runs.js";
import { checkName, checkStage, parseReference } from "./reference.js";
import type { RegisterOptions, StageData } from "./types.js";

function isFittedModel(value: unknown): value is FittedModel {
  const v = value as FittedModel | null;
  return v !== null && typeof v === "object" && typeof v.toJSON === "function" && typeof v.predict === "function" && typeof v.model === "string";
}

export async function registerVersion(fitted: unknown, options: RegisterOptions): Promise<{ version: ModelVersion; archived?: number }> {
  const name = checkName(options.name);
  const stage = checkStage(options.stage ?? "staging");
  const pipeline = fitted instanceof FittedPipeline ? fitted : undefined;
  if (!pipeline && !isFittedModel(fitted)) throw message.notRegistrable(fitted);
  const model = pipeline ? pipeline.model : (fitted as FittedModel);
  const run = options.run === undefined ? undefined : selectRuns({ ids: [options.run] })[0];
  if (options.run !== undefined && !run) throw message.unknownRun(options.run, selectRuns({ last: 20 }).map((r) => r.id));
  const metrics: RunMetric[] = [...(run?.metrics ?? [])];
  for (const [key, v] of Object.entries(options.metrics ?? {})) {
    const m = typeof v === "number" ? { name: key, value: v } : { name: key, ...v };
    const at = metrics.findIndex((x) => x.name === key);
    if (at >= 0) metrics[at] = m;
    else metrics.push(m);
  }
  const datasets = options.data !== undefined ? [(await resolveData(options.data, "data")).provenance()] : (run?.datasets ?? []);
  const previous = selectVersions(name).find((v) => v.stage === "production");
  const artifact = packArtifact((pipeline ?? model).toJSON());
  const version = insertVersion({
    name,
    description: options.description ?? "",
    stage,
    runId: run?.id,
    kind: pipeline ? "pipeline" : "model",
    model: model.model,
    task: model.task,
    params: model.params ?? {},
    metrics,
    datasets,
    artifact,
  });
  return { version, ...(stage === "production" && previous ? { archived: previous.version } : {}) };
}

/** The version a reference names, or an error listing the versions there are. */
export function findVersion(reference: string): ModelVersion {
  const ref = parseReference(reference);
  const versions = selectVersions(ref.name);
  if (versions.length === 0) throw message.unknownRegisteredModel(ref.name, [...new Set(selectVersions().map((v) => v.name))]);
  const found = "version" in ref ? versions.find((v) => v.version === ref.version) : versions.filter((v) => v.stage === ref.stage).at(-1);
  if (!found) throw message.unknownModelVersion(ref.name, "version" in ref ? `version ${ref.version}` : `version in ${ref.stage}`, versions);
  return found;
}

export function loadVersion(reference: string): FittedPipeline | FittedModel {
  const version = findVersion(reference);
  const saved = unpackArtifact(selectArtifact(version.name, version.version) as Buffer);
  return version.kind === "pipeline" ? loadPipeline(saved) : loadModel(saved);
}

export function moveVersion(reference: string, stage: unknown): StageData {
  const to = checkStage(stage);
  const version = findVersion(reference);
  const previous = selectVersions(version.name).find((v) => v.stage === "production" && v.version !== version.version);
  updateStage(version.name, version.version, to);
  return { name: version.name, version: version.version, from: version.stage as Stage, to, ...(to === "production" && previous ? { archived: previous.version } : {}) };
}
