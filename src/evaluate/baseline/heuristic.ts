/**
 * A hand-written heuristic as a predictor: a function of the row, or a regular
 * expression over a text column ("a regular expression instead of a large language
 * model", as the book puts it). It learns nothing; fitting only records the classes.
 */
import { matrix } from "../../data/matrix.js";
import { message } from "../../messages.js";
import { targetOf } from "../../features/target.js";
import type { FittedPredictor, Predictor } from "../../validate/predictor.js";

import type { PatternRule, RowRule } from "./types.js";


export function heuristic(rule: RowRule | PatternRule, name = "heuristic"): Predictor {
  const decide = compile(rule);
  return {
    name,
    fit: async (train, targetName) => {
      const fitted = targetOf(train, targetName);
      const fittedPredictor: FittedPredictor = {
        task: fitted.kind,
        ...(fitted.kind === "classification" ? { classes: fitted.classes } : {}),
        targetOf: (data) => {
          const target = targetOf(data, targetName, fitted.kind);
          if (target.kind === "regression" || fitted.kind === "regression") return target;
          const index = new Map(fitted.classes.map((c, i) => [c, i]));
          return { kind: "classification", codes: Int32Array.from(target.codes, (c) => index.get(target.classes[c]) ?? -1), classes: fitted.classes };
        },
        predict: (data) => {
          const answers = data.toRecords().map((row, r) => checked(answerOf(decide, row, name), r, name));
          if (fitted.kind === "regression") return Float64Array.from(answers, Number);
          return Int32Array.from(answers, (answer, r) => {
            const code = fitted.classes.indexOf(String(answer));
            if (code < 0) throw message.badOption(name, `answer for row ${r}`, answer, `one of the classes ${fitted.classes.map((c) => JSON.stringify(c)).join(", ")}`);
            return code;
          });
        },
        predictProba: (data) => {
          const labels = fittedPredictor.predict(data) as Int32Array;
          const k = fitted.kind === "classification" ? fitted.classes.length : 1;
          const out = matrix(data.nRows, k, fitted.kind === "classification" ? fitted.classes : ["value"]);
          for (let i = 0; i < labels.length; i++) out.data[labels[i] * data.nRows + i] = 1;
          return out;
        },
      };
      return fittedPredictor;
    },
  };
}

function compile(rule: RowRule | PatternRule): RowRule {
  if (typeof rule === "function") return rule;
  const pattern = typeof rule.pattern === "string" ? new RegExp(rule.pattern, "i") : rule.pattern;
  return (row) => {
    const text = row[rule.column];
    return text !== null && text !== undefined && pattern.test(String(text)) ? rule.match : rule.otherwise;
  };
}

/** A rule that throws is named with the row it threw on (its values: fold rows have no stable number) and its error. */
function answerOf(decide: RowRule, row: Record<string, unknown>, name: string): unknown {
  try {
    return decide(row as never);
  } catch (error) {
    throw message.heuristicThrew(name, row, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

function checked(answer: unknown, row: number, name: string): string | number {
  if (typeof answer === "boolean") return String(answer);
  if (typeof answer === "string" || (typeof answer === "number" && Number.isFinite(answer))) return answer;
  throw message.badOption(name, `answer for row ${row}`, answer, "a class label or a number");
}
