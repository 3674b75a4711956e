/**
 * The catalogue of every litml error message. Each function names the thing at fault
 * (column, row, argument, file) and says what was expected, so messages read the same
 * everywhere and tests can check them by code.
 */
import { LitmlError } from "./errors.js";
import { closest } from "./util/closest.js";

function suggestion(name: string, candidates: readonly string[]): string {
  const near = closest(name, candidates);
  return near === undefined ? "" : ` Did you mean "${near}"?`;
}

function listed(candidates: readonly string[], limit = 12): string {
  const shown = candidates.slice(0, limit).map((c) => JSON.stringify(c)).join(", ");
  return candidates.length > limit ? `${shown}, … (${candidates.length} in all)` : shown;
}

export const message = {
  unknownColumn: (column: string, available: readonly string[]) =>
    new LitmlError(
      "unknown-column",
      `Unknown column "${column}".${suggestion(column, available)} The columns are: ${listed(available)}.`,
    ),
  unknownDataset: (name: string, available: readonly string[]) =>
    new LitmlError(
      "unknown-dataset",
      `"${name}" is neither a notebook variable nor a registered data set.${suggestion(name, available)} ` +
        `Registered data sets: ${listed(available)}. Use litml.list() to see them all.`,
    ),
  badData: (argument: string, got: string) =>
    new LitmlError(
      "bad-data",
      `${argument} must be a Dataset, an arquero table, an array of records, a danfo DataFrame, ` +
        `a registry name or a file path; got ${got}.`,
    ),
  emptyData: (what: string) =>
    new LitmlError("empty-data", `${capitalize(what)} has no rows: there is nothing to analyse. Check the filter or the file that produced it.`),
  noColumns: (what: string) => new LitmlError("no-columns", `${capitalize(what)} has no columns.`),
  fileNotFound: (file: string) =>
    new LitmlError("file-not-found", `File not found: ${file}. Paths are relative to the notebook's folder.`),
  unsupportedFormat: (file: string) =>
    new LitmlError(
      "unsupported-format",
      `Cannot tell the format of ${file}: expected a name ending in .csv, .tsv, .json, .arrow or .parquet.`,
    ),
  unreadableJson: (file: string, line: number, column: number, reason: string) =>
    new LitmlError("unreadable-json", `${file}:${line}:${column}: not valid JSON (${reason}).`),
  jsonNotRecords: (file: string, got: string) =>
    new LitmlError(
      "json-not-records",
      `${file}: expected a JSON array of objects (one per row) or an object of equal-length arrays (one per column); got ${got}.`,
    ),
  unclosedQuote: (file: string, line: number, column: number) =>
    new LitmlError(
      "unclosed-quote",
      `${file}:${line}:${column}: a quoted field opens here and is never closed. Close it with a double quote (write "" for a literal quote).`,
    ),
  strayQuote: (file: string, line: number, column: number) =>
    new LitmlError(
      "stray-quote",
      `${file}:${line}:${column}: a closing quote must be followed by a delimiter or the end of the line.`,
    ),
  raggedRow: (file: string, line: number, got: number, expected: number) =>
    new LitmlError(
      "ragged-row",
      `${file}:${line}: this row has ${got} fields but the header has ${expected}.`,
    ),
  duplicateColumn: (where: string, column: string) =>
    new LitmlError("duplicate-column", `${where}: the column name "${column}" appears more than once; names must be unique.`),
  lengthMismatch: (column: string, got: number, expected: number) =>
    new LitmlError(
      "length-mismatch",
      `Column "${column}" has ${got} values but the other columns have ${expected}; every column needs one value per row.`,
    ),
  badOption: (analysis: string, option: string, value: unknown, expected: string) =>
    new LitmlError("bad-option", `${analysis}: invalid ${option}: ${stringify(value)}; expected ${expected}.`),
  unknownOption: (analysis: string, option: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-option",
      `${analysis}: unknown option "${option}".${suggestion(option, known)} Options: ${listed(known)}.`,
    ),
  unknownMagic: (name: string, known: readonly string[]) =>
    new LitmlError("unknown-magic", `Unknown magic %${name}.${suggestion(name, known)} %lsmagic lists them all.`),
  magicSyntax: (magic: string, problem: string, usage: string) =>
    new LitmlError("magic-syntax", `%${magic}: ${problem}\nUsage: ${usage}`),
  wrongTask: (model: string, task: string, tasks: readonly string[]) =>
    new LitmlError("wrong-task", `The ${model} model cannot learn ${task}; it handles ${tasks.join(" and ")}. Pick another --model.`),
  missingTarget: (row: number) =>
    new LitmlError("missing-target", `The target is missing or not a number in row ${row}: drop unlabelled rows before fitting.`),
  singleClass: (model: string, label: string) =>
    new LitmlError(
      "single-class",
      `The ${model} model got training rows of one class only ("${label}"): a classifier needs at least two. With small or imbalanced data, use stratified folds.`,
    ),
  badWeight: (row: number, value: number) =>
    new LitmlError("bad-weight", `sampleWeight[${row}] is ${value}; weights must be finite and not negative.`),
  zeroWeights: () => new LitmlError("bad-weight", "Every sampleWeight is 0: at least one training row needs a positive weight."),
  nonFinite: (column: string, row: number, value: number, what: string) =>
    new LitmlError(
      "non-finite",
      `Column "${column}" holds ${value} in ${what} row ${row}; models need finite numbers. Add an imputer to the pipeline for missing values.`,
    ),
  featureMismatch: (model: string, fitted: readonly string[], given: readonly string[]) =>
    new LitmlError(
      "feature-mismatch",
      `The ${model} model was fitted on ${fitted.length} features (${fitted.join(", ")}) but got ${given.length} (${given.join(", ")}).`,
    ),
  badSavedModel: (problem: string) => new LitmlError("bad-saved-model", `Cannot load this saved model: ${problem}.`),
  unknownModel: (name: string, known: readonly string[]) =>
    new LitmlError("unknown-model", `Unknown model "${name}".${suggestion(name, known)} Models: ${listed(known)}.`),
  notNumeric: (column: string, type: string) =>
    new LitmlError(
      "not-numeric",
      `Column "${column}" holds ${type === "category" ? "categories" : "dates"}, and models need numbers: add an encoder for it to the pipeline (one-hot, ordinal or target-encode)${type === "date" ? ", or derive numeric features from the date" : ""}.`,
    ),
  unknownMetric: (name: string, known: readonly string[]) =>
    new LitmlError("unknown-metric", `Unknown metric "${name}".${suggestion(name, known)} Metrics: ${listed(known, 20)}.`),
  singleClassTarget: (analysis: string, column: string, label: string) =>
    new LitmlError(
      "single-class",
      `${analysis}: "${column}" has only one class ("${label}") in the validation data, and this analysis needs both. Add rows of the other class, or check the filter that removed them.`,
    ),
  singleClassFold: (fold: number, label: string) =>
    new LitmlError(
      "single-class-fold",
      `Fold ${fold}'s training rows hold one class only ("${label}"). Use stratified folds, fewer folds, or more data.`,
    ),
  needsAwait: (name: string) =>
    new LitmlError(
      "needs-await",
      `"${name}" is stored as Parquet, which loads asynchronously: write const data = await litml.load("${name}") and pass data.`,
    ),
  negativeCounts: (column: string, row: number) =>
    new LitmlError(
      "negative-counts",
      `Multinomial naive Bayes models counts, but column "${column}" is negative in row ${row}; use variant "gaussian", or features that count things (word counts).`,
    ),
  tooManyGroups: (column: string, found: number, limit: number) =>
    new LitmlError(
      "too-many-groups",
      `"${column}" has ${found} distinct values, more than ${limit} groups can be read as slices; group rare values together or bucket the column first (litml's Bucketize, or a coarser column).`,
    ),
  unknownFrameKey: (key: string, line: number, known: readonly string[]) =>
    new LitmlError(
      "unknown-frame-key",
      `${line > 0 ? `Line ${line} of the framing card: ` : "Framing card: "}unknown key "${key}".${suggestion(key, known)} Keys: ${listed(known, 20)}.`,
    ),
  badFrameLine: (line: number, text: string) =>
    new LitmlError("bad-frame-line", `Line ${line} of the framing card is not "key: value": ${JSON.stringify(text)}.`),
  driftColumns: (problem: string, columns: readonly string[]) =>
    new LitmlError(
      "drift-columns",
      `Cannot compare REFERENCE and CURRENT: ${problem} ${columns.map((c) => `"${c}"`).join(", ")}. Compare the same columns with the same types (select them with { columns: [...] }).`,
    ),
  testColumns: (analysis: string, missing: readonly string[]) =>
    new LitmlError(
      "test-columns",
      `${analysis}: the test set lacks ${missing.map((c) => `"${c}"`).join(", ")}; it needs the same columns as DATA.`,
    ),
  cancelled: (what: string) =>
    new LitmlError("cancelled", `${what} was interrupted; the notebook's variables are intact.`),
  // The litml command. Each names what the user gave and the command that fixes it.
  unknownCommand: (command: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-command",
      `Unknown command "${command}".${suggestion(command, known)} The commands are: ${known.join(", ")}.`,
    ),
  badArguments: (command: string, problem: string) =>
    new LitmlError("bad-arguments", `litml ${command}: ${problem}.`),
  unknownFlag: (command: string, flag: string, known: readonly string[]) =>
    new LitmlError(
      "bad-arguments",
      `${["litml", command].filter(Boolean).join(" ")}: unknown option ${flag}.${suggestion(flag, known)} Its options are: ${known.join(", ")}.`,
    ),
  noSuchNotebook: (input: string) =>
    new LitmlError("no-such-notebook", `No such notebook or folder: ${input}. Give the path of a .ipynb file or of a folder holding some.`),
  noNotebooksIn: (folder: string) =>
    new LitmlError("no-notebooks", `The folder ${folder} holds no .ipynb notebook. Give a notebook or a folder of them.`),
  notANotebook: (file: string, reason: string) =>
    new LitmlError(
      "not-a-notebook",
      `${file} is not a Jupyter notebook (${reason}). Give a .ipynb file saved by Jupyter (nbformat 4).`,
    ),
  noPython: (python: string, reason: string) =>
    new LitmlError(
      "no-python",
      `Cannot run the Python ${python} (${reason}). Run \`npm run setup\` in a litml checkout to create .venv, or pass --python with a Python that has Jupyter.`,
    ),
  noJupyter: (python: string, module: string) =>
    new LitmlError(
      "no-jupyter",
      `The Python ${python} lacks the package ${module}. Install Jupyter into it: \`${python} -m pip install jupyterlab nbclient\`.`,
    ),
  noKernelSpec: (python: string) =>
    new LitmlError(
      "no-kernelspec",
      `The Jupyter of ${python} has no litml kernel. Install it: \`litml install --sys-prefix --python ${python}\` (or \`litml install --user\`).`,
    ),
  kernelDidNotStart: (notebook: string, reason: string) =>
    new LitmlError("kernel-did-not-start", `${notebook}: the litml kernel did not start (${reason}). Run \`litml doctor\` to check the installation.`),
  kernelDied: (notebook: string, cell: number, line: string) =>
    new LitmlError(
      "kernel-died",
      `${notebook}: the kernel ended during code cell ${cell} (${JSON.stringify(line)}), by process.exit() or a crash; the report shows the cells before it, and the cells after it did not run.`,
    ),
  cellTimeout: (notebook: string, cell: number, line: string, seconds: number) =>
    new LitmlError(
      "cell-timeout",
      `${notebook}: code cell ${cell} (${JSON.stringify(line)}) did not finish within ${seconds} s. Give more time with --timeout SECONDS, or make the cell faster.`,
    ),
  outputLost: (notebook: string, cell: number, line: string, seconds: number) =>
    new LitmlError(
      "output-lost",
      `${notebook}: the kernel stopped sending the output of code cell ${cell} (${JSON.stringify(line)}) for ${seconds} s, so its output may be incomplete; the run stopped there. Print less from that cell.`,
    ),
  runnerFailed: (notebook: string, reason: string, log: string) =>
    new LitmlError("runner-failed", `${notebook}: the notebook could not be executed (${reason}). The log is in ${log}.`),
  noCommand: () => new LitmlError("bad-arguments", "Give a command (litml --help lists them)."),
  runInterrupted: (notebook: string, cell?: number, line?: string) =>
    new LitmlError(
      "interrupted",
      cell === undefined
        ? `${notebook}: interrupted; the kernel was shut down.`
        : `${notebook}: interrupted during code cell ${cell} (${JSON.stringify(line ?? "")}); the kernel was shut down and the report shows the cells before it.`,
    ),
  notDataFile: (file: string, reason: string) =>
    new LitmlError(
      "not-data-file",
      `${file}: ${reason}. Give a .csv, .tsv, .json, .arrow or .parquet file, or the name of a registered data set.`,
    ),
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stringify(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
