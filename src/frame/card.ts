/**
 * The framing card's shape and how its text is read: the questions to answer before
 * building anything, each with the words a %%frame body uses for it. Pure: no store.
 */
import { message } from "../messages.js";
import { metric, metricNames } from "../metrics/registry.js";

export interface FramingCard {
  readonly problem?: string;
  readonly ignore?: string;
  readonly customers?: string;
  readonly why?: string;
  readonly existing?: string;
  readonly existingScore?: number;
  readonly existingSource?: string;
  readonly metric?: string;
  readonly success?: number;
  readonly minGain?: number;
  readonly falsePositiveCost?: number;
  readonly falseNegativeCost?: number;
  readonly time?: string;
  readonly slices?: readonly string[];
}

export type Key = keyof FramingCard;

/** Each field: the words used in a %%frame body, its type, and the question it answers. */
export const FIELDS: Record<Key, { words: string; kind: "text" | "number" | "list"; question: string }> = {
  problem: { words: "problem", kind: "text", question: "What problem are we solving?" },
  ignore: { words: "ignore", kind: "text", question: "What are we deliberately not solving?" },
  customers: { words: "customers", kind: "text", question: "Who are the customers?" },
  why: { words: "why", kind: "text", question: "Why do they care?" },
  existing: { words: "existing", kind: "text", question: "What do they use today?" },
  existingScore: { words: "existing score", kind: "number", question: "How well does it work, on the success metric?" },
  existingSource: { words: "existing source", kind: "text", question: "Where does that score come from?" },
  metric: { words: "metric", kind: "text", question: "How do we measure success?" },
  success: { words: "success", kind: "number", question: "What value counts as success?" },
  minGain: { words: "min gain", kind: "number", question: "How much better than the best baseline must a model be?" },
  falsePositiveCost: { words: "false positive cost", kind: "number", question: "What does a false alarm cost?" },
  falseNegativeCost: { words: "false negative cost", kind: "number", question: "What does a miss cost?" },
  time: { words: "time", kind: "text", question: "Which column orders the data in time?" },
  slices: { words: "slices", kind: "list", question: "Which groups must the model serve well?" },
};

/** "key: value" lines; "# comments"; a list either comma-separated or as "- item" lines under its key. */
export function parseCard(text: string): FramingCard {
  const card: Record<string, unknown> = {};
  const lineOf = new Map<Key, number>();
  let listKey: Key | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, "").replace(/^#.*$/, "").trimEnd();
    if (line.trim() === "") return;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (card[listKey] as string[]).push(item[1].trim());
      return;
    }
    const pair = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!pair) throw message.badFrameLine(i + 1, raw);
    const key = keyOf(pair[1], i + 1);
    if (lineOf.has(key)) throw message.duplicateFrameKey(FIELDS[key].words, i + 1, lineOf.get(key)!);
    lineOf.set(key, i + 1);
    const value = pair[2].trim();
    listKey = undefined;
    if (FIELDS[key].kind === "list") {
      card[key] = value === "" ? [] : value.split(",").map((s) => s.trim()).filter(Boolean);
      listKey = key;
    } else {
      card[key] = value;
    }
  });
  return checkCard(card);
}

function keyOf(words: string, line: number): Key {
  const normal = words.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
  const found = (Object.keys(FIELDS) as Key[]).find((k) => FIELDS[k].words === normal || k.toLowerCase() === normal.replace(/ /g, ""));
  if (!found) throw message.unknownFrameKey(words.trim(), line, Object.values(FIELDS).map((f) => f.words));
  return found;
}

export function checkCard(card: Record<string, unknown>): FramingCard {
  if (card === null || typeof card !== "object" || Array.isArray(card)) throw message.badOption("frame", "card", card, '"key: value" lines, a .yaml file, or an object such as { metric: "accuracy" }');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(card)) {
    const field = FIELDS[key as Key];
    if (!field) throw message.unknownFrameKey(key, 0, Object.keys(FIELDS));
    if (value === undefined || value === "") continue;
    if (field.kind === "number") {
      const number = typeof value === "number" ? value : Number(String(value).replace(/%$/, ""));
      if (!Number.isFinite(number)) throw message.badOption("frame", field.words, value, "a number");
      out[key] = typeof value === "string" && value.trim().endsWith("%") ? number / 100 : number;
    } else if (field.kind === "list") {
      out[key] = Array.isArray(value) ? value.map(String) : String(value).split(",").map((s) => s.trim()).filter(Boolean);
    } else if (key === "metric") {
      // Metric names are lower case; "Accuracy" is the same metric, and a misspelt one must not silently drop the card's numbers.
      const name = String(value).trim().toLowerCase();
      if (!metricNames().includes(name)) throw message.unknownCardMetric(String(value), metricNames());
      out[key] = name;
    } else {
      out[key] = String(value);
    }
  }
  return checkNumbers(out as FramingCard);
}

/** The card's numbers must make sense for its metric: a success value it can reach, a gain and costs that are not negative. */
function checkNumbers(card: FramingCard): FramingCard {
  if (card.metric !== undefined) {
    const { range, name } = metric(card.metric);
    for (const key of ["success", "existingScore"] as const) {
      const value = card[key];
      if (value !== undefined && (value < range[0] || value > range[1])) {
        throw message.badOption("frame", FIELDS[key].words, value, `a value of ${name}, between ${range[0]} and ${range[1]}`);
      }
    }
  }
  for (const key of ["minGain", "falsePositiveCost", "falseNegativeCost"] as const) {
    const value = card[key];
    if (value !== undefined && value < 0) throw message.badOption("frame", FIELDS[key].words, value, "a number ≥ 0");
  }
  return card;
}

