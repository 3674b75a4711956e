import type { Verdict } from "../../result.js";
import type { RunsData } from "./types.js";

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

export function runsVerdict(d: RunsData): { verdict: Verdict; notes: string[] } {
  const notes: string[] = [];
  if (d.comparison) {
    const c = d.comparison;
    const changed = c.params.filter((p) => !p.same);
    const m = d.metric === undefined ? undefined : c.metrics.find((x) => x.name === d.metric);
    const metricText = m?.a !== undefined && m.b !== undefined ? ` ${d.metric}: ${fmt(m.a)} in #${c.a}, ${fmt(m.b)} in #${c.b}.` : "";
    if (!c.datasets.same) notes.push(`The two runs used different data (${c.datasets.a} against ${c.datasets.b}): a difference in their metrics may come from the data, not the params.`);
    return {
      verdict: {
        level: "ok",
        text: changed.length === 0
          ? `Runs #${c.a} and #${c.b} have the same params.${metricText}`
          : `Runs #${c.a} and #${c.b} differ in ${changed.length} param${changed.length === 1 ? "" : "s"}: ${changed.slice(0, 6).map((p) => p.key).join(", ")}${changed.length > 6 ? ", …" : ""}.${metricText}`,
      },
      notes,
    };
  }
  if (d.runs.length === 0) {
    return { verdict: { level: "warn", text: "No runs are recorded yet: in the litml kernel every analysis and every fit is recorded, and litml.track(name, values) records anything else." }, notes };
  }
  const parents = d.runs.filter((r) => r.children !== undefined);
  if (parents.length > 0) {
    const r = parents[parents.length - 1];
    notes.push(`${parents.length === 1 ? `Run #${r.id} has` : `${parents.length} runs have`} parts of their own (a search's candidates) left out of this list: %runs --parent ${r.id} lists ${parents.length === 1 ? "them" : `run #${r.id}'s`}.`);
  }
  const shown = d.runs.length < d.total ? `the newest ${d.runs.length} of ${d.total} runs` : `${d.total} run${d.total === 1 ? "" : "s"}`;
  const with_ = d.runs.filter((r) => r.value !== undefined);
  if (d.metric === undefined || with_.length === 0) return { verdict: { level: "ok", text: `Listing ${shown}; none of them has a metric to compare.` }, notes };
  const values = with_.map((r) => r.value as number);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (d.metrics.length > 1) notes.push(`Other metrics to chart with --metric: ${d.metrics.slice(1, 8).map((m) => m.name).join(", ")}${d.metrics.length > 8 ? ", …" : ""}.`);
  return {
    verdict: { level: "ok", text: `Listing ${shown}; ${with_.length} have ${d.metric}, from ${fmt(lo)} to ${fmt(hi)}.` },
    notes,
  };
}
