// @ts-nocheck
import { describe, expect, it } from "vitest";
import { deriveFromDate } from "../../src/data/derive.js";
import { Random } from "../../src/util/random.js";

// Checked against JavaScript's own UTC calendar (Date's getUTC… methods), value by value.
const random = new Random(3);
const edges = ["1600-02-29T23:59:59Z", "1899-12-31T00:00:00Z", "1900-03-01T12:00:00Z", "1969-12-31T23:00:00Z", "1970-01-01T00:00:00Z", "2000-02-29T06:30:00Z", "2001-07-01T00:00:00Z", "2100-02-28T18:00:00Z", "2400-12-31T23:59:59Z"].map(Date.parse);
const spread = Array.from({ length: 20_000 }, () => Math.round((random.float() - 0.5) * 2 * 1.5e13));
const values = Float64Array.from([...edges, ...spread, NaN]);
const column = { type: "date" as const, values };

describe("date derivations", () => {
  it("hour, weekday and month agree with Date's UTC calendar, before and after 1970, across leap and century years", () => {
    const hour = deriveFromDate(column, "hour", "when");
    const month = deriveFromDate(column, "month", "when");
    const weekday = deriveFromDate(column, "weekday", "when");
    if (hour.type !== "number" || month.type !== "number" || weekday.type !== "category") throw new Error("unexpected column types");
    for (let i = 0; i < values.length - 1; i++) {
      const date = new Date(values[i]);
      expect(hour.values[i], date.toISOString()).toBe(date.getUTCHours());
      expect(month.values[i], date.toISOString()).toBe(date.getUTCMonth() + 1);
      expect(weekday.dictionary[weekday.codes[i]], date.toISOString()).toBe(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][date.getUTCDay()]);
    }
    const last = values.length - 1;
    expect(hour.values[last]).toBeNaN();
    expect(month.values[last]).toBeNaN();
    expect(weekday.codes[last]).toBeLessThan(0);
  });

  it("refuses a column that is not a date, naming it", () => {
    expect(() => deriveFromDate({ type: "number", values: new Float64Array(1) }, "hour", "when")).toThrowError(/derive: invalid hour: "when"; expected a date column/);
  });
});
