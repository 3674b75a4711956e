import { describe, expect, it } from "vitest";
import { load, resolveData, toDataset } from "../../src/data/convert.js";
import { profile } from "../../src/frame/profile/index.js";
import { asyncErrorOf, errorOf, vegaText, writeTemp } from "./loaders/temp-files.js";

describe("empty data says it has no rows", () => {
  const header = vegaText("seattle-weather.csv").split("\n")[0];

  it("an empty array, before any option looks for its columns", async () => {
    const error = await asyncErrorOf(() => profile([], { target: "weather" }));
    expect(error.code).toBe("empty-data");
    expect(error.message).toMatch(/^DATA has no rows/);
    expect(error.message).not.toMatch(/Unknown column/);
  });

  it("a CSV with only its header, and an empty file, named", async () => {
    const headerOnly = writeTemp("seattle-header-only.csv", `${header}\n`);
    const error = await asyncErrorOf(() => profile(headerOnly, { target: "weather" }));
    expect(error.code).toBe("empty-data");
    expect(error.message).toContain(`The file ${headerOnly} has no rows`);
    const empty = writeTemp("nothing.csv", "");
    expect((await asyncErrorOf(() => load(empty))).message).toContain(`The file ${empty} has no rows`);
    expect(errorOf(() => toDataset(writeTemp("none.json", "[]"))).code).toBe("empty-data");
  });

  it("a filtered Dataset with no rows left, by its name", async () => {
    const data = (await load(writeTemp("seattle.csv", vegaText("seattle-weather.csv")))).where("weather", (v) => v === "hail");
    const error = await asyncErrorOf(() => profile(data, { target: "weather" }));
    expect(error.message).toMatch(/^"seattle\.csv" has no rows/);
    // A second data set (drift's CURRENT, leakage's test) keeps its role in the message.
    expect((await asyncErrorOf(() => resolveData(data, "CURRENT"))).message).toMatch(/^CURRENT \("seattle\.csv"\) has no rows/);
  });
});

describe("a danfo-shaped input with rows of unequal length", () => {
  it("names the row and both lengths", () => {
    const frame = { columns: ["date", "precipitation", "weather"], values: [["2012-01-01", 0, "drizzle"], ["2012-01-02", 10.9], ["2012-01-03", 0.8, "rain"]] };
    const error = errorOf(() => toDataset(frame));
    expect(error.code).toBe("ragged-row");
    expect(error.message).toBe("DATA: row 1 has 2 values but there are 3 columns; every row of values needs one value per column.");
  });

  it("names a row that is not an array", () => {
    expect(errorOf(() => toDataset({ columns: ["a"], values: [[1], 2] }, "REFERENCE")).message).toMatch(/^REFERENCE\.values\[1\] must be/);
  });

  it("still converts a rectangular one", () => {
    expect(toDataset({ columns: ["a", "b"], values: [[1, "x"], [2, "y"]] }).get(1, "b")).toBe("y");
  });
});
