/**
 * The metrics of a result, read from its data: every number with an interval
 * (`{ score | value | estimate | mean …, low, high }`, or a number beside a
 * `{ low, high }` named after it), the ends of an interval that has no value, and every
 * plain number at the top of the data or one object down (`honest/f1`). Names
 * are paths: `contenders/logistic` for the element of `contenders` whose name is
 * "logistic". Analyses stay as they are: the tracker reads what they already return.
 */
import type { RunMetric } from "../../state/runs.js";

const VALUE_KEYS = ["value", "score", "estimate", "mean", "point", "gain", "auc", "rate", "slope"];
const NAME_KEYS = ["name", "label", "model", "metric", "column", "slice", "group", "size"];
const MAX_METRICS = 100;
const MAX_DEPTH = 4;
const MAX_ELEMENTS = 50;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const hasInterval = (o: Obj) => isNumber(o.low) && isNumber(o.high);

export function metricsOf(data: unknown): RunMetric[] {
  const out: RunMetric[] = [];
  const add = (name: string, value: number, low?: number, high?: number) => {
    if (out.length < MAX_METRICS && isNumber(value)) out.push({ name, value, ...(isNumber(low) && isNumber(high) ? { low, high } : {}) });
  };
  const walk = (value: unknown, path: string, depth: number, isArrayElement = false): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_METRICS) return;
    if (Array.isArray(value)) {
      value.slice(0, MAX_ELEMENTS).forEach((element, i) => {
        const key = isObject(element) ? NAME_KEYS.map((k) => element[k]).find((k) => typeof k === "string" || isNumber(k)) : undefined;
        walk(element, join(path, String(key ?? i)), depth + 1, true);
      });
      return;
    }
    if (!isObject(value)) return;
    if (hasInterval(value)) {
      const key = VALUE_KEYS.find((k) => isNumber(value[k]));
      if (key !== undefined) return add(path || key, value[key] as number, value.low as number, value.high as number);
      // An interval with no value of its own (a bootstrap interval of a difference): its two ends.
      if (!isArrayElement) {
        add(join(path, "low"), value.low as number);
        add(join(path, "high"), value.high as number);
        return;
      }
    }
    for (const [key, v] of Object.entries(value)) {
      if (isNumber(v)) {
        // A number beside its interval: `auc` and `aucInterval` (or `aucCi`).
        const interval = [`${key}Interval`, `${key}Ci`, `${key}CI`].map((k) => value[k]).find((x) => isObject(x) && hasInterval(x)) as Obj | undefined;
        if (interval) add(join(path, key), v, interval.low as number, interval.high as number);
        // Plain numbers at the top, and in the objects the top holds (not in lists of them).
        else if (depth === 0 || (depth === 1 && !isArrayElement)) add(join(path, key), v);
      } else if (!/Interval$|Ci$|CI$/.test(key)) walk(v, join(path, key), depth + 1);
    }
  };
  walk(data, "", 0);
  return out;
}

function join(path: string, key: string): string {
  return path ? `${path}/${key}` : key;
}
