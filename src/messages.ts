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
  cardTimeMissing: (analysis: string, column: string, available: readonly string[]) =>
    new LitmlError(
      "card-time-missing",
      `${analysis}: the framing card's time column "${column}" is not in this data.${suggestion(column, available)} Fix "time:" on the card (or write "time: none"), or pass --time COL.`,
    ),
  badTimeValue: (analysis: string, column: string, row: number) =>
    new LitmlError(
      "bad-time-value",
      `${analysis}: the time column "${column}" has a missing or unreadable value in row ${row}; time-ordered folds need a time for every row. Drop or fill those rows first.`,
    ),
  pipelineTarget: (analysis: string, fittedOn: string, target: string) =>
    new LitmlError(
      "pipeline-target",
      `${analysis}: the pipeline was fitted to predict "${fittedOn}" but --target is "${target}". Pass the matching target, or a pipeline fitted for "${target}".`,
    ),
  fittedPipelineRefit: (analysis: string) =>
    new LitmlError(
      "fitted-pipeline",
      `${analysis} refits the model inside each fold, so a fitted pipeline cannot be used here: pass the unfitted Pipeline (or a model name with --params).`,
    ),
  badChoice: (analysis: string, option: string, value: unknown, choices: readonly string[]) =>
    new LitmlError(
      "bad-option",
      `${analysis}: invalid ${option}: ${stringify(value)}.${typeof value === "string" ? suggestion(value, choices) : ""} Choose one of ${listed(choices)}.`,
    ),
  unknownCardMetric: (name: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-metric",
      `The framing card's metric "${name}" is not a metric litml knows.${suggestion(name.toLowerCase(), known)} Metrics: ${listed(known, 20)}.`,
    ),
  duplicateFrameKey: (key: string, line: number, first: number) =>
    new LitmlError("duplicate-frame-key", `Line ${line} of the framing card sets "${key}" again (line ${first} set it first). Keep one of them.`),
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
  unknownFileFormat: (file: string, advice: string) =>
    new LitmlError(
      "unsupported-format",
      `${file}: litml cannot read this kind of file. ${advice} litml reads .csv, .tsv, .json (each also as .gz), .arrow, .feather and .parquet.`,
    ),
  isFolder: (file: string, dataFiles: readonly string[]) =>
    new LitmlError(
      "is-folder",
      `${file} is a folder, not a data file: pass the path of one file in it` +
        (dataFiles.length ? ` (data files there: ${listed(dataFiles, 6)}).` : " (it holds no .csv, .tsv, .json, .arrow or .parquet file)."),
    ),
  notTextFile: (file: string, what: string) =>
    new LitmlError(
      "not-text",
      `${file} is not a text file (${what}), so it cannot be read as CSV, TSV or JSON. Export the data as CSV, or give the file the extension of its real format.`,
    ),
  badEncoding: (file: string, line: number, bytes: string) =>
    new LitmlError(
      "bad-encoding",
      `${file}:${line}: the bytes ${bytes} are neither UTF-8 nor Windows-1252 (Latin-1) text. Re-save the file as UTF-8 (in Excel: "CSV UTF-8"; in pandas: to_csv(..., encoding="utf-8")).`,
    ),
  notGzip: (file: string) =>
    new LitmlError(
      "bad-gzip",
      `${file} is named .gz but cannot be decompressed: it is cut short or not gzip data. Download or compress it again (gzip -k data.csv), or drop the .gz from its name if it is plain text.`,
    ),
  corruptFile: (file: string, format: string, problem: string, fix: string) =>
    new LitmlError("corrupt-file", `${file} is not a valid ${format} file: ${problem}. ${fix}`),
  unsupportedParquet: (file: string, feature: string) =>
    new LitmlError(
      "unsupported-parquet",
      `${file} uses a Parquet feature litml cannot read (${feature}). Write it again with common settings (pandas: df.to_parquet(path), Snappy compression), or load it as CSV.`,
    ),
  raggedRecords: (argument: string, row: number, got: number, expected: number) =>
    new LitmlError(
      "ragged-row",
      `${argument}: row ${row} has ${got} values but there are ${expected} columns; every row of values needs one value per column.`,
    ),
  /** Not errors: what a loader read differently from the file's face value, shown as a warning. */
  readAsWindows1252: (file: string, line: number, sample: string) =>
    `${file} is not UTF-8 text (line ${line} holds "${sample}" in another encoding); it was read as Windows-1252 (Latin-1). If letters still look wrong, re-save the file as UTF-8.`,
  readWithoutHeader: (file: string, firstRow: readonly string[], names: readonly string[]) =>
    `The first row of ${file} is all numbers (${firstRow.slice(0, 4).join(", ")}${firstRow.length > 4 ? ", …" : ""}), so it was read as data, not as column names; the columns are named ${names[0]}…${names[names.length - 1]}. If it is a header, give the columns names that are not numbers.`,
  noLabelledRows: (analysis: string, target: string, rows: number) =>
    new LitmlError("no-labelled-rows", `${analysis}: every one of the ${rows} rows lacks a value in the target "${target}": there is nothing to learn from. Check --target, or fill the labels first.`),
  unknownClass: (analysis: string, option: string, value: string, target: string, classes: readonly string[]) =>
    new LitmlError(
      "unknown-class",
      `${analysis}: invalid ${option}: ${JSON.stringify(value)} is not a class of "${target}".${suggestion(value, classes)} Its classes are ${listed(classes)}.`,
    ),
  timeNotDates: (analysis: string, column: string, row: number, value: string) =>
    new LitmlError(
      "bad-time-value",
      `${analysis}: the time column "${column}" holds text, and row ${row} reads ${JSON.stringify(value)}, which is not a date (expected e.g. 2012-01-31). Fix or drop that row, or parse the column as dates first.`,
    ),
  singleSeries: (analysis: string, column: string, value: string) =>
    new LitmlError(
      "single-series",
      `${analysis}: the series column "${column}" holds one value only (${JSON.stringify(value)}), so the data is a single series: leave out --series, or name the column that tells the series apart.`,
    ),
  missingSeries: (analysis: string, column: string, row: number) =>
    new LitmlError("missing-series", `${analysis}: the series column "${column}" is empty in row ${row}; every row must belong to a series. Drop or fill those rows first.`),
  noNumericColumns: (analysis: string, columns: readonly string[]) =>
    new LitmlError(
      "no-numeric-columns",
      `${analysis}: none of the columns examined is numeric (${columns.length ? listed(columns) : "there are none besides the target"}), and unusual rows are measured by distances between numbers; categories only join numeric columns. Pass --columns with at least one numeric column, or derive numbers from the text first.`,
    ),
  /** Not an error: the note an analysis adds when it leaves unlabelled rows out. */
  unlabelledRowsLeftOut: (target: string, dropped: number, rows: number, first: number) =>
    `${dropped} of ${rows} rows have no value in the target "${target}" (the first is row ${first}) and were left out: they can neither train a model nor be scored.`,
  designTooLarge: (analysis: string, model: string, rows: number, columns: number, needGB: number, limitGB: number) =>
    new LitmlError(
      "design-too-large",
      `${analysis}: fitting ${model} would build a ${rows.toLocaleString("en-US")} × ${columns.toLocaleString("en-US")} matrix per fold (about ${needGB.toFixed(1)} GB with its working copy), more than this process's ${limitGB.toFixed(1)} GB heap limit. ` +
        `Use a model that reads categories as codes (--model gbdt), a Pipeline that one-hot encodes fewer categories (new OneHot({ maxCategories: 10 })) or fewer columns, or a sample of the rows.`,
    ),
  exerciseWithoutChecks: (notebook: string, exercise: string) =>
    new LitmlError(
      "exercise-without-checks",
      `${notebook}: exercise "${exercise}" has no checks, so it cannot be graded. Add a cell that starts with "%check ${exercise}" followed by litml.expect(...) lines.`,
    ),
  checkWithoutExercise: (notebook: string, cell: number, exercise: string, known: readonly string[]) =>
    new LitmlError(
      "check-without-exercise",
      `${notebook}, cell ${cell + 1}: "%check ${exercise}" names no exercise of this notebook.${suggestion(exercise, known)} Its exercises are: ${listed(known) || "none"} (a solution cell starts with "// exercise: NAME").`,
    ),
  repeatedExercise: (notebook: string, exercise: string) =>
    new LitmlError("repeated-exercise", `${notebook}: two solution cells are named "${exercise}"; give each exercise its own name.`),
  unpairedSolution: (notebook: string, exercise: string) =>
    new LitmlError(
      "unpaired-solution",
      `${notebook}: in exercise "${exercise}", "// BEGIN SOLUTION" and "// END SOLUTION" do not pair up; each BEGIN needs one END after it.`,
    ),
  wrongKernel: (file: string, kernel: string) =>
    new LitmlError(
      "wrong-kernel",
      `${file} was run with the "${kernel}" kernel, not litml; it was skipped. Open it with the litml (TypeScript) kernel, run it, save and submit it again.`,
    ),
  unknownAssignment: (file: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-assignment",
      `${file} matches no assignment: its metadata names none and its file name contains none of ${listed(known)}. Submit the notebook that litml assign wrote, keeping its name.`,
    ),
  missingSolution: (file: string, exercise: string) =>
    new LitmlError(
      "missing-solution",
      `${file}: the solution cell of "${exercise}" is missing (a code cell whose first line is "// exercise: ${exercise}"); the exercise scores 0.`,
    ),
  checkCellCrashed: (exercise: string, error: string) =>
    new LitmlError("check-crashed", `a check cell of "${exercise}" stopped with ${error}; the checks it did not reach count as failed.`),
  executionFailed: (file: string, why: string) =>
    new LitmlError("execution-failed", `${file} could not be executed: ${why}.`),
  noNotebooks: (folder: string, what: string) =>
    new LitmlError("no-notebooks", `${folder} holds no ${what} (.ipynb files). Check the folder.`),
  notComparable: (first: string, second: string, problem: string, columns: readonly string[]) =>
    new LitmlError(
      "drift-columns",
      `Cannot compare ${first} and ${second}: ${problem} ${columns.map((c) => `"${c}"`).join(", ")}. Compare the same columns with the same types (select them with { columns: [...] }).`,
    ),
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
  targetInFeatures: (analysis: string, target: string, features: readonly string[]) =>
    new LitmlError(
      "bad-option",
      `${analysis}: invalid features: they include the target "${target}", so the model would be given the answer. Leave it out: features: ${stringify(features.filter((f) => f !== target))}.`,
    ),
  heuristicThrew: (name: string, row: Record<string, unknown>, error: string) =>
    new LitmlError(
      "heuristic-threw",
      `The ${name} threw ${error} on the row ${truncate(JSON.stringify(row), 240)}. Make the rule handle such rows (a missing value is null), or return a class for them.`,
    ),
  infiniteValue: (column: string, row: number, value: number) =>
    new LitmlError(
      "infinite-value",
      `Column "${column}" holds ${value > 0 ? "∞" : "-∞"} in row ${row}; models need finite numbers. Replace it with a finite value or leave it missing (the pipeline imputes missing values), or drop the column.`,
    ),
  labelIssuesOneClass: (column: string, label: string, rows: number) =>
    new LitmlError(
      "single-class",
      `labelIssues: "${column}" holds one class only ("${label}", all ${rows} labelled rows), so no label can disagree with another and there is nothing to check. Give the rows of the other classes too, or check the filter that removed them.`,
    ),
  labelIssuesNumericTarget: (column: string, distinct: number) =>
    new LitmlError(
      "bad-option",
      `labelIssues: invalid target: "${column}" is a number with ${distinct} distinct values, a regression target, and confident learning judges class labels. If its values are codes of classes, make the column a category; otherwise bin it into classes first (for example low / middle / high by its quantiles) and check those. A wrong number shows up instead as one of the largest out-of-fold residuals of a regression model.`,
    ),
  labelIssuesRareClass: (column: string, label: string, count: number, folds: number) =>
    new LitmlError(
      "bad-option",
      `labelIssues: class "${label}" of "${column}" has ${count} row${count === 1 ? "" : "s"}, fewer than the ${folds} folds, so some folds would train without it and could not give it a probability. Merge it into a related class or drop its rows${count >= 2 ? `, or use fewer folds (--folds ${count})` : ""}.`,
    ),
  // selectionBias (labels): the sample and the population must share the columns compared.
  selectionBiasColumns: (side: "SAMPLE" | "POPULATION", missing: readonly string[], available: readonly string[], given: boolean) =>
    new LitmlError(
      "selection-bias-columns",
      `selectionBias: the ${side} lacks ${missing.length === 1 ? "the column" : "the columns"} ${missing.map((c) => `"${c}"`).join(", ")}${side === "POPULATION" ? " the sample has" : ""}, so ${missing.length === 1 ? "it" : "they"} cannot be compared. ${given ? "Leave " + (missing.length === 1 ? "it" : "them") + " out of --by" : "Pass --by with columns both data sets have"}, or ${side === "POPULATION" ? "give a population that records them" : "check the spelling"}.${suggestion(missing[0], available)} The ${side}'s columns are: ${listed(available)}.`,
    ),
  selectionBiasType: (column: string, sampleType: string, populationType: string) =>
    new LitmlError(
      "selection-bias-columns",
      `selectionBias: column "${column}" is ${sampleType} in the SAMPLE but ${populationType} in the POPULATION, so their shares cannot be compared. Convert one side to the other's type, or leave "${column}" out of --by.`,
    ),
  selectionBiasTarget: (target: string, available: readonly string[]) =>
    new LitmlError(
      "bad-option",
      `selectionBias: invalid target: the SAMPLE has no column "${target}".${suggestion(target, available)} Give --target a column of the sample (the score is trained on the sample); its columns are: ${listed(available)}.`,
    ),
  noSuchPoolRow: (analysis: string, row: unknown, rows: number) =>
    new LitmlError("no-such-row", `${analysis}: invalid row: ${stringify(row)}; expected a row number of the pool, 0 to ${rows - 1}.`),
  duplicateKey: (analysis: string, column: string, value: string) =>
    new LitmlError("duplicate-key", `${analysis}: invalid key: the column "${column}" holds "${value}" more than once, so it cannot name a row. Pick a column whose values are unique, or leave key out to key rows by their content.`),
  labelerNeedsKernel: () =>
    new LitmlError("labeler-needs-kernel", "litml.labeler needs the litml Jupyter kernel (it talks to the notebook through a comm). In a script, use litml.labelingSession(pool, options) and its label(row, class) instead."),
  labelingNoFunctions: (analysis: string, value: unknown) =>
    new LitmlError(
      "labeling-functions",
      `${analysis}: invalid lfs: ${truncate(stringify(value), 120)}. Pass a list of labeling functions, e.g. lfs: [lf.regex("free", "subject", /free/i, "spam"), lf.fn("short", (row) => row.body.length < 50 ? "spam" : ABSTAIN)], or an object of name → function of the row.`,
    ),
  labelingDuplicateName: (analysis: string, name: string) =>
    new LitmlError("labeling-functions", `${analysis}: two labeling functions are named "${name}". Give each its own name, so its statistics can be told apart.`),
  labelingMissingColumn: (analysis: string, name: string, column: string, columns: readonly string[]) =>
    new LitmlError(
      "unknown-column",
      `${analysis}: the labeling function "${name}" reads column "${column}", which the data does not have.${suggestion(column, columns)} Its columns are ${listed(columns)}.`,
    ),
  labelingBadVote: (analysis: string, name: string, row: number, vote: unknown) =>
    new LitmlError(
      "labeling-vote",
      `${analysis}: the labeling function "${name}" returned ${truncate(stringify(vote), 80)} on row ${row}. A labeling function returns a class (a string) or ABSTAIN (null).`,
    ),
  labelingUnknownClass: (analysis: string, name: string, row: number, vote: string, classes: readonly string[]) =>
    new LitmlError(
      "unknown-class",
      `${analysis}: the labeling function "${name}" voted ${JSON.stringify(vote)} on row ${row}, which is not one of the classes ${listed(classes)}.${suggestion(vote, classes)} Fix its label, or pass classes: [...] with every class.`,
    ),
  labelingOneClass: (analysis: string, classes: readonly string[]) =>
    new LitmlError(
      "labeling-classes",
      `${analysis}: the labeling functions vote for ${classes.length === 0 ? "no class at all" : `one class only (${JSON.stringify(classes[0])})`}, so there is nothing to tell apart. Add functions that vote for the other classes, or pass classes: [...] (and --gold COL) so the classes are known.`,
    ),
  labelingGoldOneClass: (analysis: string, column: string, only: string | undefined) =>
    new LitmlError(
      "single-class",
      `${analysis}: the gold column "${column}" holds ${only === undefined ? "no labels" : `one class only (${JSON.stringify(only)})`}, so neither the functions' accuracies nor a model trained on gold labels can be measured. Label some rows of the other classes by hand (leave the rest missing), or leave out --gold.`,
    ),
  labelingFunctionThrew: (name: string, row: number, values: Record<string, unknown>, error: string, count: number) =>
    new LitmlError(
      "labeling-function-threw",
      `The labeling function "${name}" threw ${error} on row ${row} ${truncate(stringify(values), 200)}${count > 1 ? ` (and on ${count - 1} more rows)` : ""}; it abstains there and the other functions went on. Make it handle such rows (a missing value is null) and return ABSTAIN when it cannot decide.`,
    ),
  labelingAlwaysAbstains: (names: readonly string[]) =>
    new LitmlError(
      "labeling-always-abstains",
      `${names.length === 1 ? `The labeling function "${names[0]}" never voted` : `The labeling functions ${names.map((n) => `"${n}"`).join(", ")} never voted`}: ${names.length === 1 ? "it abstains" : "they abstain"} on every row. Check the column and the pattern (a regex is case-sensitive unless given the i flag), and that it returns a class, not undefined.`,
    ),
  budgetOverPool: (analysis: string, budget: number, pool: number, rows: number, test: number) =>
    new LitmlError(
      "bad-option",
      `${analysis}: invalid budget: ${budget}; expected at most ${pool}, the rows left to label once ${test} of the ${rows} rows are held out to score each round. Give --budget ${pool} or less (or fewer --folds, which holds out a smaller share).`,
    ),
  startBelowClasses: (analysis: string, start: number, target: string, classes: readonly string[]) =>
    new LitmlError(
      "bad-option",
      `${analysis}: invalid start: ${start}; expected at least ${classes.length}, the number of classes in "${target}" (${classes.map((c) => `"${c}"`).join(", ")}): a first model needs a chance to see every class. Give --start ${2 * classes.length} or more.`,
    ),
  startOverBudget: (analysis: string, start: number, budget: number) =>
    new LitmlError("bad-option", `${analysis}: invalid start: ${start}; expected fewer labels than the budget (${budget}), so that the loop has labels left to spend. Raise --budget or lower --start.`),
  unknownSpaceParam: (analysis: string, param: string, model: string, known: readonly string[], alias?: string) =>
    new LitmlError(
      "unknown-space-param",
      `${analysis}: invalid space: "${param}" is not a param of ${model}.${alias !== undefined ? ` Did you mean "${alias}" (scikit-learn's ${param})?` : suggestion(param, known)} Its params: ${listed(known)}.`,
    ),
  emptySpace: (analysis: string, param: string, got: unknown, fix: string) =>
    new LitmlError("empty-space", `${analysis}: invalid space: "${param}" is ${stringify(got)}, which holds no value to try; ${fix}.`),
  unknownRunMetric: (metric: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-run-metric",
      known.length === 0
        ? `runs: invalid metric: "${metric}"; none of the runs listed has a metric. Leave --metric out, or record one with litml.track(name, { ${JSON.stringify(metric)}: value }).`
        : `runs: invalid metric: "${metric}"; no run listed has it.${suggestion(metric, known)} Metrics: ${listed(known)}.`,
    ),
  unknownRun: (id: number, recent: readonly number[]) =>
    new LitmlError(
      "unknown-run",
      recent.length === 0
        ? `runs: invalid compare: there is no run #${id}; the store has no runs yet.`
        : `runs: invalid compare: there is no run #${id}. The newest runs are ${recent.slice(-12).map((r) => `#${r}`).join(", ")}; %runs lists them.`,
    ),
  badRegistryName: (name: unknown) =>
    new LitmlError(
      "bad-registry-name",
      `register: invalid name: ${stringify(name)}; expected a non-empty name of letters, digits, "-", "_" and "." (no "/", "\\", "@", spaces or ".."), at most 100 characters, e.g. "flights-delay".`,
    ),
  unknownRegisteredModel: (name: string, known: readonly string[]) =>
    new LitmlError(
      "unknown-registered-model",
      known.length === 0
        ? `No model named "${name}" is registered, and the registry is empty: register one with litml.register(fitted, { name: ${JSON.stringify(name)} }).`
        : `No model named "${name}" is registered.${suggestion(name, known)} Registered: ${listed(known)}.`,
    ),
  unknownModelVersion: (name: string, wanted: string, versions: readonly { version: number; stage: string }[]) =>
    new LitmlError(
      "unknown-model-version",
      `"${name}" has no ${wanted}. Its versions are: ${versions.map((v) => `${name}@${v.version} (${v.stage})`).join(", ")}.`,
    ),
  badStage: (stage: unknown) =>
    new LitmlError("bad-stage", `invalid stage: ${stringify(stage)}; expected one of "staging", "production", "archived".`),
  badModelReference: (reference: unknown) =>
    new LitmlError(
      "bad-model-reference",
      `invalid model reference: ${stringify(reference)}; expected NAME@VERSION (a number), NAME@production or NAME@staging, e.g. "flights-delay@3" or "flights-delay@production".`,
    ),
  notRegistrable: (value: unknown) =>
    new LitmlError(
      "not-registrable",
      `register: invalid fitted: ${truncate(stringify(value), 80)}; expected a fitted pipeline (await pipeline.fit(data, target)) or a fitted model (await model.fit(X, y)).`,
    ),
  trackingUnavailable: (reason: string) =>
    new LitmlError("tracking-unavailable", `The .litml/ store cannot be opened here (${reason}); runs and registered models need it. Run under Node with better-sqlite3 installed.`),
  /** `where` is "field X" or "row 3, field X": a request row that does not fit the pipeline's input schema (a 400). */
  badRequestField: (where: string, expected: string, got: unknown) =>
    new LitmlError("bad-request", `${capitalize(where)}: expected ${expected}, got ${truncate(stringify(got), 60)}.`),
  missingRequestField: (where: string, field: string, expected: string) =>
    new LitmlError("bad-request", `${capitalize(where)}: missing field "${field}" (${expected}); send null for a missing value.`),
  extraRequestField: (where: string, field: string, fields: readonly string[]) =>
    new LitmlError("bad-request", `${capitalize(where)}: unknown field "${field}".${suggestion(field, fields)} The model's inputs are: ${listed(fields)}.`),
  unknownRequestCategory: (where: string, value: string, levels: readonly string[]) =>
    new LitmlError(
      "bad-request",
      `${capitalize(where)}: unknown category ${JSON.stringify(value)}.${suggestion(value, levels)} Expected one of the categories seen in training: ${listed(levels)} (or null).`,
    ),
  badRequestBody: (reason: string) =>
    new LitmlError("bad-request", `The request body ${reason}; expected JSON: one row as an object ({"field": value, …}) or a batch as an array of them.`),
  requestTooLarge: (limit: number) =>
    new LitmlError("request-too-large", `The request body is larger than ${limit} bytes; send smaller batches (or start the server with a larger body limit).`),
  tableRefused: (mode: string, reasons: readonly string[]) =>
    new LitmlError(
      "table-refused",
      `serve: --mode ${mode} precomputes every prediction into a table, which needs every input to be a category with few values, but ${reasons.join("; ")}. Use --mode dynamic${mode === "static" ? ", or --mode hybrid with rows to precompute (tableRows)" : ""}.`,
    ),
  noInputSchema: (reference: string) =>
    new LitmlError(
      "no-input-schema",
      `serve: ${reference} was fitted before litml kept a pipeline's input schema, so its requests cannot be checked; fit it again and register the new version.`,
    ),
  serveFailed: (host: string, port: number, reason: string) =>
    new LitmlError("serve-failed", `serve: cannot listen on ${host}:${port} (${reason}); choose another --port (0 picks a free one).`),
  badTrackingUri: (value: unknown) =>
    new LitmlError("bad-tracking-uri", `invalid tracking URI: ${stringify(value)}; expected the MLflow tracking server's address, e.g. "http://127.0.0.1:5000" (in LITML_TRACKING_URI or the uri option).`),
  noTrackingUri: () =>
    new LitmlError("no-tracking-uri", `No MLflow tracking server is set: set LITML_TRACKING_URI=http://host:port (or pass { uri: "http://host:port" }).`),
  mlflowUnreachable: (uri: string, what: string, reason: string) =>
    new LitmlError(
      "mlflow-unreachable",
      `MLflow at ${uri} did not take ${what} (${reason}); it is kept in the local .litml/ store. When the server is up, litml.syncMlflow() sends it and everything else not sent yet.`,
    ),
  workerFailed: (what: string, reason: string) =>
    new LitmlError("worker-failed", `A worker thread stopped while ${what} (${truncate(reason, 200)}); no result was kept. Run again, or set LITML_THREADS=1 to fit in this thread.`),
  badThreads: (value: string) =>
    new LitmlError("bad-option", `LITML_THREADS is ${stringify(value)}: give a whole number of threads of at least 1 (1 fits in this thread), or unset it to use every core.`),
  hitlCosts: (given: readonly number[] | undefined, card: boolean) =>
    new LitmlError(
      "bad-option",
      `humanInTheLoop: invalid costs: ${given === undefined ? "none given" : `[${given.join(", ")}]`}; expected three costs ≥ 0, act,ask,error (e.g. --costs 0,2,10: acting costs 0, asking a person 2, a wrong automated prediction 10)${card ? ", or act,ask with the error cost from the framing card" : "; the framing card has no error costs (false positive cost, false negative cost) to fill the error cost from"}.`,
    ),
  hitlNotClassification: (column: string) =>
    new LitmlError(
      "bad-option",
      `humanInTheLoop: invalid target: "${column}" is numeric, and routing to a person reads the classifier's top-class probability. Make the column a category (its values as classes), or bin it into classes first.`,
    ),
  hitlNoFeatures: (target: string) =>
    new LitmlError(
      "bad-option",
      `humanInTheLoop: no numeric feature besides "${target}" to find similar past requests on. Give at least one numeric column (encode a category as numbers if it should count).`,
    ),
};

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

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
