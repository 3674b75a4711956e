/**
 * frame(card): the questions to answer before building anything (the book's "how to
 * start any project"). The card is saved for its notebook in the .litml/ store when the
 * notebook is known; analyses never read it from there: it is passed to them (the
 * kernel passes its notebook's card to every call), so a script's results depend only
 * on what it passes.
 */
import { existsSync, readFileSync } from "node:fs";
import { message } from "../messages.js";
import { checkCard, FIELDS, type FramingCard, type Key, parseCard } from "./card.js";
import { createResult, type Result, type Verdict } from "../result.js";
import { loadFrame, notebookKey, saveFrame } from "../state/store.js";
import { metricNames } from "../metrics/registry.js";

/** The card saved for `notebook` (default: this process's notebook, when it has one). */
export function savedCard(notebook = notebookKey()): FramingCard | undefined {
  if (notebook === undefined) return undefined;
  const saved = loadFrame(notebook);
  return saved === undefined ? undefined : checkCard(saved as Record<string, unknown>);
}

export interface FramingData {
  readonly card: FramingCard;
  readonly unanswered: readonly string[];
}

/** Sets the framing card from an object, a %%frame body of "key: value" lines, or a .yaml/.txt file of them. */
export async function frame(input: FramingCard | string): Promise<Result<FramingData>> {
  // Checked whole before anything is saved: a bad card never replaces the saved one.
  const card = typeof input === "string" ? parseCard(/\.(ya?ml|txt)$/i.test(input.trim()) ? readCardFile(input.trim()) : input) : checkCard(input as Record<string, unknown>);
  const notebook = notebookKey();
  if (notebook !== undefined) saveFrame(card, notebook);
  // Error costs are a question for decisions between classes; a card whose metric is for numbers has none to ask.
  const regression = card.metric !== undefined && metricNames("regression").includes(card.metric);
  const asked = (Object.keys(FIELDS) as Key[]).filter((k) => !(regression && (k === "falsePositiveCost" || k === "falseNegativeCost")));
  const unanswered = asked.filter((k) => card[k] === undefined).map((k) => FIELDS[k].question);
  const verdict: Verdict =
    unanswered.length === 0
      ? { level: "ok", text: "Every framing question has an answer; later analyses will use this card's metric, success value, minimum gain, costs, time column and slices." }
      : { level: "warn", text: `${unanswered.length} of ${asked.length} framing questions are unanswered: ${unanswered.join(" ")} Answer them before building: each one can save a project from solving the wrong problem.` };
  return createResult({
    kind: "framing-card",
    version: 1,
    title: card.problem ? `Framing: ${card.problem}` : "Framing card",
    verdict,
    table: { columns: ["question", "answer"], rows: (Object.keys(FIELDS) as Key[]).map((k) => [FIELDS[k].question, answerText(card[k])]) },
    data: { card, unanswered },
  });
}

function answerText(value: FramingCard[Key]): string | number | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : (value as string | number);
}

function readCardFile(file: string): string {
  if (!existsSync(file)) throw message.fileNotFound(file);
  return readFileSync(file, "utf8");
}

