/**
 * The feature space diversity is measured in: dates as years, missing values imputed
 * (with indicators), categories one-hot (the most frequent ten, the rest pooled), then
 * every column standardized. Learned from the features alone (no label is read), on the
 * rows given; a value still missing after that sits at the column's mean (0).
 */
import type { Dataset } from "../../data/dataset.js";
import { toMatrix } from "../../features/to-matrix.js";
import { DEFAULT_MAX_CATEGORIES } from "../../features/default-pipeline.js";
import { DateToYear, Impute, OneHot, Scale } from "../../features/steps.js";
import type { Space } from "./strategies.js";

export function standardizedSpace(fitOn: Dataset, ...others: Dataset[]): Space[] {
  const steps = [new DateToYear(), new Impute({ indicator: true }), new OneHot({ minFrequency: 5, maxCategories: DEFAULT_MAX_CATEGORIES }), new Scale({ method: "standard" })];
  let current = fitOn;
  const fitted = steps.map((step) => {
    const f = step.fit(current);
    current = f.transform(current);
    return f;
  });
  const names = current.names;
  const toSpace = (data: Dataset): Space => {
    let d = data;
    for (const f of fitted) d = f.transform(d);
    const m = toMatrix(d, names);
    const values = new Float64Array(m.rows * m.cols);
    for (let c = 0; c < m.cols; c++) {
      for (let i = 0; i < m.rows; i++) {
        const v = m.data[c * m.rows + i];
        values[i * m.cols + c] = Number.isFinite(v) ? v : 0;
      }
    }
    return { rows: m.rows, dims: m.cols, values };
  };
  return [fitOn, ...others].map(toSpace);
}
