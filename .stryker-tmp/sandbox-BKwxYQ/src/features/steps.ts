/** Feature steps by name: for default pipelines and for loading saved pipelines. */
// @ts-nocheck

import { message } from "../messages.js";
import { Bucketize, fittedBucketize } from "./bucketize.js";
import { fittedOneHot, fittedOrdinal, OneHot, Ordinal } from "./encode.js";
import { fittedImpute, Impute } from "./impute.js";
import { OverSample, passThrough, Smote, UnderSample } from "./resample.js";
import { fittedScale, Scale } from "./scale.js";
import type { FittedStep, SavedStep } from "./step.js";
import { fittedTargetEncode, TargetEncode } from "./target-encode.js";
import { Mixup, TemplateText } from "./augment.js";
import { DateToYear, fittedDateToYear } from "./date-to-year.js";
import { fittedTextVectorize, TextVectorize } from "./text-vectorize.js";

const LOADERS: Record<string, (params: any, state: any) => FittedStep> = {
  impute: fittedImpute,
  "one-hot": fittedOneHot,
  ordinal: fittedOrdinal,
  scale: fittedScale,
  "target-encode": fittedTargetEncode,
  bucketize: fittedBucketize,
  "under-sample": (params) => passThrough("under-sample", params),
  "over-sample": (params) => passThrough("over-sample", params),
  smote: (params) => passThrough("smote", params),
  mixup: (params) => passThrough("mixup", params),
  "template-text": (params) => passThrough("template-text", params),
  "text-vectorize": fittedTextVectorize,
  "date-to-year": fittedDateToYear,
};

export function loadStep(saved: SavedStep): FittedStep {
  const load = LOADERS[saved?.step];
  if (!load) throw message.badSavedModel(`unknown feature step "${saved?.step}"`);
  return load(saved.params, saved.state);
}

export { Bucketize, DateToYear, Impute, Mixup, OneHot, Ordinal, OverSample, Scale, Smote, TargetEncode, TemplateText, TextVectorize, UnderSample };
