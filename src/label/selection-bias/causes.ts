/**
 * The book's causes of selection bias, named where the columns allow it: a time column
 * (the data set's or the card's time role, a date column, or a name such as "month" or
 * "hour") points at when the data was collected; a place ("state", "airport", "origin")
 * at where; a person's attributes (the sensitive role, "age", "education", "income") at
 * whom the collection reached. Names are matched word by word and conservatively: a column
 * that matches nothing is left unnamed rather than guessed.
 */
import type { Column } from "../../data/column.js";
import type { Roles } from "../../data/dataset.js";
import type { Cause } from "./types.js";

const WORDS: Record<Cause, readonly string[]> = {
  time: ["date", "time", "timestamp", "datetime", "year", "month", "week", "weekday", "day", "hour", "season", "quarter", "period"],
  location: ["country", "state", "city", "region", "location", "county", "zip", "zipcode", "postcode", "airport", "origin", "destination", "lat", "latitude", "lon", "lng", "longitude", "address", "site", "station", "place", "geo", "district", "province", "continent"],
  demographics: ["age", "sex", "gender", "race", "ethnicity", "education", "educ", "income", "married", "marital", "religion", "nationality", "language", "occupation", "employment", "disability", "pid", "party"],
};

/** A column's name split into lower-case words: "originAirport" → origin, airport; "ZIP_code" → zip, code. */
function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

export function causeOf(name: string, column: Column, roles: readonly Roles[], cardTime: string | undefined): Cause | undefined {
  if (roles.some((r) => r.time === name) || cardTime === name || column.type === "date") return "time";
  if (roles.some((r) => r.sensitive?.includes(name))) return "demographics";
  const said = words(name);
  for (const cause of ["time", "location", "demographics"] as const) if (said.some((w) => WORDS[cause].includes(w))) return cause;
  return undefined;
}

/** What each cause may mean, in the book's terms, for a verdict's note. */
export const CAUSE_TEXT: Record<Cause, string> = {
  time: "time: the sample may come from other periods, seasons or times of day than the population, so what held then may not hold when the model is used",
  location: "location: the sample may come from some places more than others, and places differ in ways the model will meet",
  demographics: "demographics: the collection may have reached some kinds of people more than others (who answers, who is easy to reach)",
};
