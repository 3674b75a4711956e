// @ts-nocheck
import { message } from "../messages.js";
import type { SavedModel } from "./contract.js";

/** Checks a saved model's envelope before a model reads its state. */
export function checkSaved(saved: unknown, model: string, version: number): SavedModel {
  if (saved === null || typeof saved !== "object" || (saved as SavedModel).format !== "litml-model") {
    throw message.badSavedModel("it is not a litml model (no format: \"litml-model\")");
  }
  const s = saved as SavedModel;
  if (s.model !== model) throw message.badSavedModel(`it holds a ${s.model} model, not ${model}`);
  if (s.version !== version) {
    throw message.badSavedModel(`it was saved as ${model} state version ${s.version}, and this litml reads version ${version}; refit the model with this litml`);
  }
  return s;
}

/** Typed arrays do not survive JSON; these do. */
export const arrayOut = (values: ArrayLike<number>): number[] => Array.from(values);
export const arrayIn = (values: unknown): Float64Array => Float64Array.from(values as number[]);
