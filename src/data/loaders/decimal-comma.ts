/**
 * Numbers written with a decimal comma, as files delimited by ";" or tabs carry them in
 * much of Europe: "1,5" is one and a half. The choice is made per column and only when
 * the delimiter is not the comma: a column whose every present value is such a number
 * (at least one with a comma; "12" alone is a number either way) is read with the comma
 * as the decimal mark and dots as thousands separators ("1.234,5" is 1234.5, "1.234" in
 * that column is 1234). A column with no comma keeps dots as decimal points ("1.234" is
 * 1.234), and one that mixes "1,5" with "2.5" is left as text for the profile to report.
 */
import { isMissingValue } from "../infer.js";

const DECIMAL_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

export function isDecimalCommaNumber(text: string): boolean {
  return DECIMAL_COMMA.test(text.trim());
}

/** The column's values as numbers when it is written with decimal commas, else undefined. */
export function decimalCommaNumbers(values: readonly string[]): number[] | undefined {
  let commas = 0;
  for (const value of values) {
    if (isMissingValue(value)) continue;
    const text = value.trim();
    if (!DECIMAL_COMMA.test(text)) return undefined;
    if (text.includes(",")) commas++;
  }
  if (commas === 0) return undefined;
  return values.map((value) => (isMissingValue(value) ? NaN : Number(value.trim().replaceAll(".", "").replace(",", "."))));
}
