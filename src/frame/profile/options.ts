import { defineOptions } from "../../options/schema.js";
import type { ProfileOptions } from "./types.js";

export const PROFILE_OPTIONS = defineOptions<ProfileOptions>("profile", {
  target: { kind: "column", help: "the column to predict", default: "the data set's target role" },
});
