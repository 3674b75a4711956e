/** litml's public API: every magic expands to one awaited call of a function exported here. */
export { LitmlError } from "./errors.js";
export { Dataset, type Roles, type DatasetMeta } from "./data/dataset.js";
export { type Column, type ColumnType } from "./data/column.js";
export { toDataset, load, type DataInput } from "./data/convert.js";
export { list, type DatasetEntry } from "./data/registry.js";
export { profile, type ProfileOptions, type ProfileData, type ColumnProfile, type Problem } from "./data/profile.js";
export { chart, type Chart } from "./charts/chart.js";
export {
  type Result,
  type ResultJSON,
  type Verdict,
  type VerdictLevel,
  type Table,
  type Cell,
  type VegaLiteSpec,
  type Provenance,
  RESULT_MIME,
} from "./result.js";
export { Progress, throwIfCancelled } from "./runtime/context.js";
export { LITML_VERSION as version } from "./version.js";
