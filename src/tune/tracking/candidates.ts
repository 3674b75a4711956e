/**
 * Every candidate of a hyperparameter search is a tracked run (issue 13): the search's own
 * run, and one child run per candidate linked to it as its parent, with the candidate's
 * params and its score on each fold. The search already returns every candidate's record
 * (`data.candidates`); this turns them into runs, all in one transaction with their
 * parent, so a process killed mid-write leaves either the whole search or none of it.
 */
import type { Result } from "../../result.js";
import { insertRun, type Run, type RunInput } from "../../state/runs.js";
import { trackingStore } from "../../state/tracking-schema.js";
import type { CandidateRecord, TuneData } from "../search/index.js";
import { recordResult, type RunContext } from "./record.js";

/** The result kind of `tune`, whose candidates become child runs. */
export const SEARCH_KIND = "hyperparameter-search";

/** Records a search's run and each candidate's as its child; returns the search's run and the children's ids in candidate order. */
export function recordSearch(result: Result<TuneData>, context: RunContext = {}): { run: Run; candidates: number[] } {
  return trackingStore().transaction(() => {
    const run = recordResult(result, context);
    const candidates = candidateRuns(result.data, run, context).map((input) => insertRun(input).id);
    return { run, candidates };
  })();
}

/** One run per candidate: for halving, its evaluation on the most rows, with the means of its earlier iterations beside it. */
export function candidateRuns(data: TuneData, parent: Pick<Run, "id" | "datasets" | "litml" | "seed" | "notebook" | "cell">, context: RunContext = {}): RunInput[] {
  const byCandidate = new Map<number, CandidateRecord[]>();
  for (const record of data.candidates) {
    const list = byCandidate.get(record.candidate) ?? [];
    list.push(record);
    byCandidate.set(record.candidate, list);
  }
  const fixed = fixedParams(context.params);
  const m = data.metric;
  return [...byCandidate.keys()].sort((a, b) => a - b).map((candidate) => {
    const records = (byCandidate.get(candidate) as CandidateRecord[]).sort((a, b) => a.iteration - b.iteration);
    const last = records[records.length - 1];
    const shown = data.searched.map((p) => `${p}=${String(last.params[p])}`).join(", ");
    const metrics = [
      { name: m, value: last.mean },
      { name: `${m} sd`, value: last.sd },
      ...last.foldScores.map((value, f) => ({ name: `${m} fold ${f + 1}`, value })),
      { name: "rank", value: last.rank },
      ...(data.halving ? records.slice(0, -1).map((r) => ({ name: `${m} at ${r.resource} rows`, value: r.mean })) : []),
    ];
    return {
      kind: "tune-candidate",
      name: `candidate ${candidate} of ${data.model}: ${shown || "defaults"}`,
      params: { model: data.model, candidate, ...fixed, ...last.params, ...(data.halving ? { iteration: last.iteration, rows: last.resource } : {}) },
      metrics,
      datasets: parent.datasets,
      ...(parent.notebook === undefined ? {} : { notebook: parent.notebook }),
      ...(parent.cell === undefined ? {} : { cell: parent.cell }),
      ...(parent.seed === undefined ? {} : { seed: parent.seed }),
      durationMs: records.reduce((s, r) => s + r.fitSeconds, 0) * 1000,
      litml: parent.litml,
      parent: parent.id,
    };
  });
}

/** The params the call held fixed for every candidate (its `params` option), when they are plain values. */
function fixedParams(params: RunContext["params"]): Record<string, unknown> {
  const given = params?.params;
  return given !== null && typeof given === "object" && !Array.isArray(given) && Object.getPrototypeOf(given) === Object.prototype ? { ...(given as object) } : {};
}
