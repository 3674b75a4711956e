/**
 * The footer stamp: which litml and which libraries produced a report, with the seeds
 * and the hashes of the data every result used, read from the results' provenance.
 */
// @ts-nocheck

import { RESULT_MIME, type Provenance } from "../result.js";
import { dependencyDir, packageVersion } from "../util/package-root.js";
import { LITML_VERSION } from "../version.js";
import type { Notebook } from "./notebook.js";

export interface Stamp {
  readonly versions: Record<string, string>;
  readonly seeds: number[];
  readonly datasets: { name: string; hash: string; rows: number }[];
  readonly executedSeconds?: number;
}

const LIBRARIES = ["tslab", "vega", "vega-lite", "arquero"];

export function collectStamp(notebook: Notebook): Stamp {
  const versions: Record<string, string> = { litml: LITML_VERSION, node: process.versions.node };
  for (const name of LIBRARIES) versions[name] = packageVersion(dependencyDir(name));
  const seeds = new Set<number>();
  const datasets = new Map<string, { name: string; hash: string; rows: number }>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const result = output.data?.[RESULT_MIME] as { provenance?: Provenance } | undefined;
      const provenance = result?.provenance;
      if (!provenance) continue;
      if (provenance.seed !== undefined) seeds.add(provenance.seed);
      for (const d of provenance.datasets) datasets.set(`${d.name}@${d.hash}`, { ...d });
    }
  }
  return {
    versions,
    seeds: [...seeds].sort((a, b) => a - b),
    datasets: [...datasets.values()],
    executedSeconds: notebook.metadata?.litml?.executed?.seconds,
  };
}
