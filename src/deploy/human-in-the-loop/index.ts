/**
 * humanInTheLoop(DATA, { target, costs }): which predictions should a person make? Three
 * routing policies replayed on the classifier's out-of-fold probabilities (a probability
 * threshold, the expected-cost rule, the model's record on similar past requests), each with
 * its coverage, accuracy and cost over its parameter and its cheapest setting; the verdict
 * says whether asking pays against acting on everything and against asking on everything.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { humanInTheLoopChart } from "./chart.js";
import { computeHumanInTheLoop } from "./compute.js";
import { HUMAN_IN_THE_LOOP_OPTIONS } from "./options.js";
import type { HumanInTheLoopData, HumanInTheLoopOptions } from "./types.js";
import { humanInTheLoopNotes, humanInTheLoopVerdict, POLICY_WORDS, settingText } from "./verdict.js";

export type { Costs, HumanInTheLoopData, HumanInTheLoopOptions, PolicyName, PolicyPoint, PolicyResult, Saving } from "./types.js";

export async function humanInTheLoop(data: DataInput, options: HumanInTheLoopOptions = {}): Promise<Result<HumanInTheLoopData>> {
  const dataset = await resolveData(data);
  HUMAN_IN_THE_LOOP_OPTIONS.check(options, dataset);
  const d = await computeHumanInTheLoop(dataset, options);
  return createResult({
    kind: "human-in-the-loop",
    version: 1,
    title: `Routing ${d.target} predictions to a person (${d.model}, ${d.rows.toLocaleString("en-US")} requests)`,
    verdict: humanInTheLoopVerdict(d),
    notes: humanInTheLoopNotes(d),
    table: {
      columns: ["policy", "cheapest setting", "coverage", "accuracy automated", "total cost", "cost 95% low", "cost 95% high"],
      rows: [
        ...d.policies.map((p) => [`${POLICY_WORDS[p.policy]}${p.policy === d.bestPolicy ? " (best)" : ""}`, settingText(p, d.neighbours), p.best.coverage, Number.isNaN(p.best.accuracy) ? null : p.best.accuracy, p.best.cost, p.low, p.high]),
        ["act on everything", "", 1, d.accuracy, d.actAllCost, null, null],
        ["ask on everything", "", 0, null, d.askAllCost, null, null],
      ],
    },
    chart: humanInTheLoopChart(d),
    data: d,
    datasets: [dataset.provenance()],
    seed: options.seed ?? 0,
  });
}
