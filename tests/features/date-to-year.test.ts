import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/data/dataset.js";
import { decimalYear, DateToYear } from "../../src/features/date-to-year.js";
import { pipelineFor } from "../../src/features/default-pipeline.js";
import { loadPipeline } from "../../src/features/pipeline.js";
import { binColumn } from "../../src/evaluate/errors/slice-line.js";
import { crossValidate } from "../../src/validate/cross-validate.js";
import { load } from "../../src/data/convert.js";

describe("dates as features", () => {
  it("become decimal years (1 January 1970 is 1970; 2 July 2001 is mid-2001)", () => {
    expect(decimalYear(Date.UTC(1970, 0, 1))).toBe(1970);
    expect(decimalYear(Date.UTC(2001, 6, 2))).toBeCloseTo(2001.5, 1);
    const data = new Dataset([["when", { type: "date", values: Float64Array.from([Date.UTC(2000, 0, 1), NaN]) }]]);
    const out = new DateToYear().fit(data).transform(data);
    const years = (out.column("when") as { values: Float64Array }).values;
    expect(years[0]).toBeCloseTo(2000, 2);
    expect(years[1]).toBeNaN();
  });

  it("let the default pipelines fit data with a date column, and save and load with it", async () => {
    const cars = (await load("cars")).where("Miles_per_Gallon", (mpg) => mpg !== null).select(["Year", "Weight_in_lbs", "Miles_per_Gallon"]);
    expect(cars.column("Year").type).toBe("date");
    const cv = await crossValidate(cars, { target: "Miles_per_Gallon", model: "ridge", metrics: ["r2"] });
    expect(cv.mean.r2).toBeGreaterThan(0.7); // later model years and lighter cars go further: both features carry signal
    const fitted = await pipelineFor("gbdt").fit(cars, "Miles_per_Gallon");
    const reloaded = loadPipeline(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect([...reloaded.predict(cars)]).toEqual([...fitted.predict(cars)]);
  });

  it("slice by calendar dates in error analysis", () => {
    const days = Float64Array.from({ length: 40 }, (_, i) => Date.UTC(2020, 0, 1 + i * 10));
    const binned = binColumn("day", { type: "date", values: days }, 3);
    expect(binned.labels[0]).toMatch(/^< 2020-\d\d-\d\d$/);
    expect(binned.labels[1]).toMatch(/^≥ 2020-\d\d-\d\d$/);
  });
});
