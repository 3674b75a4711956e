/**
 * The report's stylesheet: light and dark (the reader's `prefers-color-scheme`), a phone
 * (390 px), a laptop and a projector. Nothing may push the page wider than the screen: wide
 * charts, tables and code scroll inside their own box. Result HTML carries inline styles
 * (for Jupyter's sanitizer); the few the report must override use !important.
 */
import { VERDICT_THEMES } from "../display/levels.js";

type Theme = (typeof VERDICT_THEMES)[keyof typeof VERDICT_THEMES];

const variables = (t: Theme, rest: string) =>
  `--page: ${t.page}; --card: ${t.card}; --ink: ${t.ink}; --ok: ${t.ok}; --warn: ${t.warn}; --fail: ${t.fail}; ${rest}`;

export const CSS = `
:root { color-scheme: light dark; ${variables(VERDICT_THEMES.light, "--muted: #5f6368; --rule: #d0d4d9; --code-bg: #f6f8fa; --link: #0b57d0; --err-bg: #fff0f0; --stderr-bg: #fff5f0;")} }
@media (prefers-color-scheme: dark) {
  :root { ${variables(VERDICT_THEMES.dark, "--muted: #a8adb4; --rule: #3a3d42; --code-bg: #202226; --link: #8ab4f8; --err-bg: #3a2020; --stderr-bg: #33281f;")} }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--page); font: 15px/1.55 "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; overflow-wrap: anywhere; }
a { color: var(--link); }
header.report { border-bottom: 2px solid var(--ink); margin-bottom: 18px; }
header.report .kicker { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
.report-top { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 12px 28px; margin-bottom: 20px; border-bottom: 1px solid var(--rule); padding-bottom: 12px; }
.report-top h2 { font-size: 17px; margin: 0 0 6px; }
.report-top ol { margin: 0; padding: 0; list-style: none; }
.verdict-summary .tally { margin: 0 0 6px; color: var(--muted); }
.verdict-summary li { padding: 4px 0; border-bottom: 1px solid var(--rule); }
.verdict-summary li a { text-decoration: none; color: var(--ink); }
.verdict-summary .summary-title { font-weight: bold; text-decoration: underline; }
.verdict-summary .summary-text { display: block; color: var(--ink); font-size: 14px; }
.toc li { padding: 1px 0; }
.toc .toc-2 { padding-left: 14px; }
.toc .toc-3 { padding-left: 28px; font-size: 14px; }
.litml-badge { display: inline-block; font-weight: bold; white-space: nowrap; }
.litml-badge-ok, .litml-verdict.litml-ok strong { color: var(--ok) !important; }
.litml-badge-warn, .litml-verdict.litml-warn strong { color: var(--warn) !important; }
.litml-badge-fail, .litml-verdict.litml-fail strong { color: var(--fail) !important; }
.litml-verdict { background: var(--card) !important; color: var(--ink) !important; }
.litml-result { color: var(--ink); }
.litml-result p { color: var(--muted) !important; }
.markdown h1 { font-size: 28px; margin: 18px 0 10px; }
.markdown h2 { font-size: 21px; margin: 22px 0 8px; }
.markdown h3 { font-size: 17px; margin: 18px 0 6px; }
.markdown code { background: var(--code-bg); padding: 1px 4px; border-radius: 3px; font-size: 13px; }
.markdown img { max-width: 100%; }
:target { scroll-margin-top: 12px; }
.output:target { outline: 3px solid var(--link); outline-offset: 4px; }
.cell { margin: 10px 0; }
.code { display: grid; grid-template-columns: 64px minmax(0, 1fr); gap: 8px; }
.prompt { color: var(--muted); font: 12px/1.6 "DejaVu Sans Mono", monospace; text-align: right; padding-top: 8px; }
pre { margin: 0; padding: 8px 10px; overflow-x: auto; font: 13px/1.45 "DejaVu Sans Mono", Menlo, monospace; white-space: pre-wrap; }
.source pre { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 4px; }
.output { margin: 6px 0; min-width: 0; }
/* Scroll boxes: a chart keeps the width at which its text stays readable, a table its columns. */
.litml-chart, .output table, .markdown table { display: block; max-width: 100%; overflow-x: auto; }
/* Words in a table stay whole: a narrow table scrolls rather than breaking "categorical" into letters. */
.output table, .markdown table { overflow-wrap: normal; }
.litml-chart svg { display: block; max-width: 100%; height: auto; background: #fff; }
/* A live chart is laid out by Vega at its own size (and its slider beside it): scroll, never squeeze. */
.litml-chart [data-litml-live="true"] svg { max-width: none; }
.output img { max-width: 100%; height: auto; }
.stream.stderr pre { background: var(--stderr-bg); }
.error pre { background: var(--err-bg); border-left: 4px solid #D55E00; }
.litml-table th, .litml-table td { border-bottom: 1px solid var(--rule); }
footer.stamp { margin-top: 36px; border-top: 1px solid var(--rule); padding-top: 10px; color: var(--muted); font-size: 12px; }
footer.stamp table { border-collapse: collapse; }
footer.stamp td { padding: 1px 12px 1px 0; vertical-align: top; }
@media (max-width: 700px) {
  main { padding: 14px 12px 32px; }
  .report-top { grid-template-columns: minmax(0, 1fr); }
  .code { display: block; }
  .prompt { text-align: left; padding-top: 4px; }
  .prompt:empty { display: none; }
  .markdown h1 { font-size: 24px; }
  /* Three lines of each verdict at the top; its link leads to the whole card. */
  .verdict-summary .summary-text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
}
/* A projector (or a wide window): read from the back of the room. */
@media (min-width: 1200px) {
  body { font-size: 17px; }
  main { max-width: 1180px; }
  pre { font-size: 15px; }
  .litml-result { font-size: 15px !important; }
  .litml-result .litml-title { font-size: 17px !important; }
  .litml-table { font-size: 14px !important; }
}
@media print { main { max-width: none; } .prompt { display: none; } .code { display: block; } .report-top { display: block; } }
`;
