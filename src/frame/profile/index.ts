/**
 * profile(DATA): what is in a data set and what is wrong with it, before any model. Rows,
 * columns, types, missing values (and whether missingness is related to the target),
 * distinct counts, ranges, class balance and duplicate rows; the verdict names the biggest
 * data-quality problem, and every other finding is listed with its weight.
 */
import { type DataInput, resolveData } from "../../data/convert.js";
import type { Dataset } from "../../data/dataset.js";
import { message } from "../../messages.js";
import { createResult, type Result } from "../../result.js";
import { profileChart } from "./chart.js";
import { computeProfile } from "./compute.js";
import { PROFILE_OPTIONS } from "./options.js";
import type { ProfileData, ProfileOptions } from "./types.js";
import { profileTable, profileVerdict } from "./verdict.js";

export type { ColumnProfile, Problem, ProfileData, ProfileOptions } from "./types.js";

function datasetLabel(dataset: Dataset): string {
  return dataset.meta.name ? `"${dataset.meta.name}"` : "the data";
}

export async function profile(data: DataInput, options: ProfileOptions = {}): Promise<Result<ProfileData>> {
  const dataset = await resolveData(data);
  PROFILE_OPTIONS.check(options, dataset);
  if (dataset.nRows === 0) throw message.emptyData(datasetLabel(dataset));
  if (dataset.names.length === 0) throw message.noColumns(datasetLabel(dataset));
  const profileData = computeProfile(dataset, options.target ?? dataset.roles.target);
  const { verdict, notes } = profileVerdict(profileData);
  return createResult({
    kind: "profile",
    version: 1,
    title: `Profile of ${datasetLabel(dataset)}`,
    verdict,
    notes,
    table: profileTable(profileData),
    chart: profileChart(profileData),
    data: profileData,
    datasets: [dataset.provenance()],
  });
}
