import type { Verdict } from "../../result.js";
import type { ModelsData, RegisteredData, StageData } from "./types.js";

export function registeredVerdict(d: RegisteredData): Verdict {
  const v = d.registered;
  const lineage = v.runId === undefined ? " It has no run recorded as its origin (lineage unknown): pass { run } or fit it in the litml kernel." : ` It came from run #${v.runId}.`;
  const archived = d.archived === undefined ? "" : ` Version ${d.archived} moved from production to archived.`;
  return { level: v.runId === undefined ? "warn" : "ok", text: `Registered ${v.name}@${v.version} (${v.model}, ${v.stage}, ${(v.artifactBytes / 1024).toFixed(1)} KiB).${lineage}${archived}` };
}

export function stageVerdict(d: StageData): Verdict {
  const archived = d.archived === undefined ? "" : `; version ${d.archived} moved from production to archived`;
  return { level: "ok", text: `${d.name}@${d.version} moved from ${d.from} to ${d.to}${archived}.` };
}

export function modelsVerdict(d: ModelsData): Verdict {
  if (d.versions.length === 0) return { level: "warn", text: "No models are registered yet: litml.register(fitted, { name }) stores a version." };
  const production = d.versions.filter((v) => v.stage === "production").length;
  const without = d.names.filter((n) => !d.versions.some((v) => v.name === n && v.stage === "production"));
  const text = `${d.names.length} registered model${d.names.length === 1 ? "" : "s"}, ${d.versions.length} version${d.versions.length === 1 ? "" : "s"}, ${production} in production.`;
  return { level: "ok", text: without.length ? `${text} Without a production version: ${without.join(", ")}.` : text };
}
