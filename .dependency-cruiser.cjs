/**
 * The layering of DESIGN.md, checked by `tests/architecture.test.ts` (run by npm test).
 * Type-only imports count: a chart that imports its analysis's module for a type is
 * still a cycle between them.
 */
const ANALYSES = "^src/(evaluate|monitor|label|tune|deploy|continual)/";
const BELOW_VALIDATION = "^src/(util|stats|metrics|models|features|state|runtime|types)/|^src/(errors|messages|version)\\.ts$";

module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "No import cycle anywhere.", from: {}, to: { circular: true } },
    {
      name: "library-below-kernel",
      severity: "error",
      comment: "The library never reaches up into the kernel (only the CLI installs it).",
      from: { path: "^src/", pathNot: "^src/cli" },
      to: { path: "^kernel-ext/" },
    },
    {
      name: "base-below-validation",
      severity: "error",
      comment: "Numbers, models, features and metrics know nothing of validation, analyses, results' display, reports or the CLI.",
      from: { path: BELOW_VALIDATION },
      to: { path: `^src/(validate|charts|report|cli|serve|engine)/|${ANALYSES.slice(1)}|^src/(index|result|cli)\\.ts$|^src/display/(bundle|svg|png|html)\\.ts$` },
    },
    {
      name: "validation-below-analyses",
      severity: "error",
      comment: "The validation engine serves the analyses and never imports them.",
      from: { path: "^src/validate/" },
      to: { path: `${ANALYSES}|^src/(charts|report|cli|display)/|^src/(index|result)\\.ts$` },
    },
    {
      name: "analyses-keep-their-internals",
      severity: "error",
      comment: "An analysis uses another only through its index; shared pieces move down a layer.",
      from: { path: "^src/(evaluate|monitor|label|tune)/([^/]+)/" },
      to: { path: "^src/(evaluate|monitor|label|tune)/[^/]+/(?!index\\.ts$)", pathNot: "^src/$1/$2/" },
    },
    {
      name: "charts-read-only-their-types",
      severity: "error",
      comment: "A chart imports only its own folder's types and the shared chart theme and layouts.",
      from: { path: "(^src/(evaluate|monitor|label|tune)/.+/chart\\.ts$|^src/charts/)" },
      to: { path: `${ANALYSES}`, pathNot: "^src/(evaluate|monitor|label|tune)/.+/types\\.ts$" },
    },
    {
      name: "display-and-reports-read-results",
      severity: "error",
      comment: "Display and reports render results; they never compute.",
      from: { path: "^src/(display|report)/" },
      to: { path: `${ANALYSES}|^src/(validate|features|models|metrics)/` },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|^kernel-ext/lab/" },
  },
};
