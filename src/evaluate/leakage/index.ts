/**
 * leakage(DATA, { target }): does information about the answer reach the model, or the
 * validation, by a back door? Inside each fold the validation would use (or between DATA
 * and a separate test set), four checks: test rows with an exact or near copy among the
 * training rows beyond what chance predicts; ids or groups on both sides; test rows older
 * than the training rows; and features that predict the target almost perfectly on their
 * own, each scored out of fold with a small tree, the way a leaked column gives itself away.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import { createResult, type Result } from "../../result.js";
import { leakageChart } from "./chart.js";
import { computeLeakage } from "./compute.js";
import { LEAKAGE_OPTIONS } from "./options.js";
import type { LeakageData, LeakageOptions } from "./types.js";
import { leakageChecks, leakageVerdict } from "./verdict.js";

export type { CopyCount, LeakageCheck, LeakageData, LeakageOptions, SoloScore } from "./types.js";

export async function leakage(data: DataInput, options: LeakageOptions = {}): Promise<Result<LeakageData>> {
  const train = await resolveData(data);
  LEAKAGE_OPTIONS.check(options, train);
  const measures = await computeLeakage(train, options);
  const leakData: LeakageData = { ...measures, checks: leakageChecks(measures) };
  const { verdict, notes } = leakageVerdict(leakData);
  return createResult({
    kind: "leakage",
    version: 1,
    title: `Leakage checks for ${leakData.target} (${leakData.validation})`,
    verdict,
    notes,
    table: {
      columns: ["check", "level", "test rows affected", "finding"],
      rows: leakData.checks.map((c) => [c.check, c.level, c.rows ?? null, c.text]),
    },
    chart: leakageChart(leakData),
    data: leakData,
    datasets: [train.provenance()],
    seed: options.seed ?? 0,
  });
}
