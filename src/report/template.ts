/** The report's page: one file, its own CSS, no scripts, no fonts or images from anywhere. */
import { escapeHtml } from "../util/escape.js";

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --code-bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
header.report { border-bottom: 2px solid var(--ink); margin-bottom: 18px; }
header.report .kicker { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
.markdown h1 { font-size: 28px; margin: 18px 0 10px; }
.markdown h2 { font-size: 21px; margin: 22px 0 8px; }
.markdown h3 { font-size: 17px; margin: 18px 0 6px; }
.markdown code { background: var(--code-bg); padding: 1px 4px; border-radius: 3px; font-size: 13px; }
.cell { margin: 10px 0; }
.code { display: grid; grid-template-columns: 64px 1fr; gap: 8px; }
.prompt { color: var(--muted); font: 12px/1.6 "DejaVu Sans Mono", monospace; text-align: right; padding-top: 8px; }
pre { margin: 0; padding: 8px 10px; overflow-x: auto; font: 13px/1.45 "DejaVu Sans Mono", Menlo, monospace; white-space: pre-wrap; }
.source pre { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 4px; }
.output { margin: 6px 0; overflow-x: auto; }
.output svg { max-width: 100%; height: auto; }
.output img { max-width: 100%; }
.stream.stderr pre { background: #fff5f0; }
.error pre { background: #fff0f0; border-left: 4px solid #D55E00; }
.litml-table th, .litml-table td { border-bottom: 1px solid #eee; }
footer.stamp { margin-top: 36px; border-top: 1px solid var(--rule); padding-top: 10px; color: var(--muted); font-size: 12px; }
footer.stamp table { border-collapse: collapse; }
footer.stamp td { padding: 1px 12px 1px 0; vertical-align: top; }
@media print { main { max-width: none; } .prompt { display: none; } .code { display: block; } }
`;

/** With `runtime`, the one inline script it holds runs (admitted by its hash); nothing else can. */
export function page(title: string, body: string, footer: string, runtime?: { script: string; hash: string }): string {
  const scripts = runtime ? ` script-src '${runtime.hash}';` : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Belt and braces: even a missed remote reference cannot load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;${scripts}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body><main>",
    body,
    footer,
    "</main>",
    ...(runtime ? [`<script>${runtime.script}</script>`] : []),
    "</body>",
    "</html>",
  ].join("\n");
}
