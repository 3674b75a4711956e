/** Registry names and references: `name`, `name@3`, `name@production`, `name@staging`. */
import { message } from "../../messages.js";
import { STAGES, type Stage } from "../../state/registry.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A registry name, checked: no path characters, nothing empty. */
export function checkName(name: unknown): string {
  if (typeof name !== "string" || !NAME.test(name) || name.includes("..")) throw message.badRegistryName(name);
  return name;
}

export function checkStage(stage: unknown): Stage {
  if (typeof stage !== "string" || !(STAGES as readonly string[]).includes(stage)) throw message.badStage(stage);
  return stage as Stage;
}

export type Reference = { readonly name: string; readonly version: number } | { readonly name: string; readonly stage: "production" | "staging" };

/** `name@3`, `name@production`, `name@staging`; a bare name means its production version. */
export function parseReference(reference: unknown): Reference {
  if (typeof reference !== "string") throw message.badModelReference(reference);
  const at = reference.lastIndexOf("@");
  const name = checkName(at < 0 ? reference : reference.slice(0, at));
  const tail = at < 0 ? "production" : reference.slice(at + 1);
  if (/^[1-9][0-9]*$/.test(tail)) return { name, version: Number(tail) };
  if (tail === "production" || tail === "staging") return { name, stage: tail };
  throw message.badModelReference(reference);
}
