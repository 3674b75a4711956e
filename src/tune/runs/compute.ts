/** The runs listed, the metric charted across them, and the difference between two. */
import { message } from "../../messages.js";
import { childCounts, type Run, selectRuns } from "../../state/runs.js";
import type { Difference, RunComparison, RunRow, RunsData, RunsOptions } from "./types.js";

const DEFAULT_LAST = 50;

export function computeRuns(options: RunsOptions): RunsData {
  // A search's candidates are runs of their own; they are listed with --parent, not among the runs they are part of.
  const query = { notebook: options.notebook, kind: options.kind, parent: options.parent ?? null };
  const all = selectRuns(query);
  if (options.parent !== undefined && all.length === 0 && selectRuns({ ids: [options.parent] }).length === 0) {
    throw message.unknownRun(options.parent, selectRuns({ last: 20 }).map((r) => r.id));
  }
  const listed = all.slice(-(options.last ?? DEFAULT_LAST));
  const counts = new Map<string, number>();
  for (const run of listed) for (const m of run.metrics) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const metrics = [...counts].map(([name, runs]) => ({ name, runs })).sort((x, y) => y.runs - x.runs || x.name.localeCompare(y.name));
  if (options.metric !== undefined && !counts.has(options.metric)) {
    throw message.unknownRunMetric(options.metric, metrics.map((m) => m.name));
  }
  const metric = options.metric ?? metrics[0]?.name;
  const children = childCounts(listed.map((r) => r.id));
  const runs = listed.map((run) => rowOf(run, metric, children.get(run.id)));
  const comparison = options.compare ? compare(options.compare) : undefined;
  return { runs, total: all.length, ...(metric === undefined ? {} : { metric }), metrics, ...(comparison ? { comparison } : {}) };
}

function rowOf(run: Run, metric: string | undefined, children: number | undefined): RunRow {
  const m = metric === undefined ? undefined : run.metrics.find((x) => x.name === metric);
  return {
    id: run.id,
    at: run.at,
    kind: run.kind,
    name: run.name,
    ...(run.notebook === undefined ? {} : { notebook: run.notebook }),
    ...(run.cell === undefined ? {} : { cell: run.cell }),
    ...(run.seed === undefined ? {} : { seed: run.seed }),
    ...(run.durationMs === undefined ? {} : { seconds: run.durationMs / 1000 }),
    litml: run.litml,
    datasets: run.datasets.map((d) => `${d.name}@${d.hash}`),
    ...(run.parent === undefined ? {} : { parent: run.parent }),
    ...(children === undefined ? {} : { children }),
    ...(m ? { value: m.value, ...(m.low === undefined ? {} : { low: m.low, high: m.high }) } : {}),
  };
}

function compare(ids: readonly number[]): RunComparison {
  if (ids.length !== 2) throw message.badOption("runs", "compare", ids, "two run ids, e.g. --compare 3,7");
  const found = selectRuns({ ids });
  const [a, b] = ids.map((id) => found.find((r) => r.id === id));
  if (!a || !b) {
    const recent = selectRuns({ last: 20 }).map((r) => r.id);
    throw message.unknownRun(ids.find((id) => !found.some((r) => r.id === id)) as number, recent);
  }
  const keys = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].sort();
  const params = keys.map((key) => difference(key, a.params[key], b.params[key]));
  const names = [...new Set([...a.metrics.map((m) => m.name), ...b.metrics.map((m) => m.name)])];
  const metrics = names.map((name) => {
    const x = a.metrics.find((m) => m.name === name)?.value;
    const y = b.metrics.find((m) => m.name === name)?.value;
    return { name, ...(x === undefined ? {} : { a: x }), ...(y === undefined ? {} : { b: y }), ...(x !== undefined && y !== undefined ? { difference: y - x } : {}) };
  });
  const data = (r: Run) => r.datasets.map((d) => `${d.name}@${d.hash}`).join(", ") || "none recorded";
  return { a: a.id, b: b.id, params, metrics, datasets: difference("data", data(a), data(b)) };
}

function difference(key: string, a: unknown, b: unknown): Difference {
  const text = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return { key, a: text(a), b: text(b), same: text(a) === text(b) };
}
