/**
 * Dates written as text. Year-first forms (2012-01-31, 2012/01/31, with an optional time)
 * read alone; day/month/year forms (01/02/2012) only tell their order as a column, so
 * they report which orders they allow and the caller decides. A date without an offset
 * is read as UTC, the calendar every derived column (hour, weekday) uses, so a notebook
 * reads the same file the same way in every time zone.
 */

const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Milliseconds since 1970 for a year-first date, or undefined when the text is not one (or names no real day, like 2012-02-30). */
export function parseYearFirst(text: string): number | undefined {
  const m = YEAR_FIRST.exec(text);
  if (!m) return undefined;
  // ISO 8601 writes month and day with two digits; 2012/1/5 is common enough to accept with slashes only.
  if (m[2] === "-" && (m[3].length !== 2 || m[4].length !== 2)) return undefined;
  const offset = m[9] === undefined ? 0 : offsetMinutes(m[9]);
  return utc(+m[1], +m[3], +m[4], m[5], m[6], m[7], m[8], offset);
}

/** Bit 1: readable as day/month/year; bit 2: as month/day/year; 0: not such a date. */
export const DAY_FIRST = 1;
export const MONTH_FIRST = 2;

export function dayMonthOrders(text: string): number {
  const m = DAY_MONTH.exec(text);
  if (!m) return 0;
  const a = +m[1];
  const b = +m[2];
  let orders = 0;
  if (utc(+m[3], b, a, m[4], m[5], m[6], m[7], 0) !== undefined) orders |= DAY_FIRST;
  if (utc(+m[3], a, b, m[4], m[5], m[6], m[7], 0) !== undefined) orders |= MONTH_FIRST;
  return orders;
}

export function parseDayMonth(text: string, order: typeof DAY_FIRST | typeof MONTH_FIRST): number {
  const m = DAY_MONTH.exec(text)!;
  const [day, month] = order === DAY_FIRST ? [+m[1], +m[2]] : [+m[2], +m[1]];
  return utc(+m[3], month, day, m[4], m[5], m[6], m[7], 0) ?? NaN;
}

function utc(year: number, month: number, day: number, hour = "0", minute = "0", second = "0", fraction = "", offset: number): number | undefined {
  const h = +hour;
  const mi = +minute;
  const s = +second;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || h > 23 || mi > 59 || s > 59) return undefined;
  const millis = fraction ? Math.floor(+`0.${fraction}` * 1000) : 0;
  return Date.UTC(year, month - 1, day, h, mi, s, millis) - offset * 60_000;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === "Z") return 0;
  const digits = text.replace(":", "");
  const sign = digits[0] === "-" ? -1 : 1;
  return sign * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
}
