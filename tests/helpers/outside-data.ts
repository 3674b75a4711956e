/**
 * Data sets that ship inside installed packages (not litml's registry), for checking
 * verdicts on data the team did not make: statsmodels' and scikit-learn's CSVs in the
 * venv, and vega-datasets files the registry does not list.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { VENV_PYTHON } from "./python.js";

// From the venv's python rather than the working folder: mutation testing runs from a sandbox copy, and the venv's Python version is not fixed.
const SITE_PACKAGES = (() => {
  const lib = path.resolve(path.dirname(VENV_PYTHON), "..", "lib");
  const python = readdirSync(lib).find((name) => name.startsWith("python3"));
  return path.join(lib, python ?? "python3", "site-packages");
})();

/** A file under statsmodels/datasets/, e.g. "fair/fair.csv". */
export const STATSMODELS_DATA = (file: string) => path.join(SITE_PACKAGES, "statsmodels", "datasets", file);

/** A file under sklearn/datasets/data/, e.g. "iris.csv". */
export const SKLEARN_DATA = (file: string) => path.join(SITE_PACKAGES, "sklearn", "datasets", "data", file);

/** A file under vega-datasets/data/, e.g. "weather.csv". */
export const VEGA_DATA = (file: string) => path.resolve("node_modules", "vega-datasets", "data", file);

/** A scikit-learn CSV with class names in its header ("n,features,class names…", then the features and the class code), as rows x0, x1, …, label. */
export function sklearnCsv(file: string): Record<string, number | string | null>[] {
  const lines = readFileSync(SKLEARN_DATA(file), "utf8").trim().split("\n");
  const classes = lines[0].split(",").slice(2);
  return lines.slice(1).map((line) => {
    const values = line.split(",");
    const row: Record<string, number | string | null> = {};
    values.slice(0, -1).forEach((v, j) => (row[`x${j}`] = Number(v)));
    row.label = classes[Number(values[values.length - 1])];
    return row;
  });
}
