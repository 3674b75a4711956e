/** The report's page: one file, its own CSS, no scripts, no fonts or images from anywhere. */
import { escapeHtml } from "../util/escape.js";
import { CSS } from "./style.js";

/** With `runtime`, the one inline script it holds runs (admitted by its hash); nothing else can. */
export function page(title: string, body: string, footer: string, runtime?: { script: string; hash: string }): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The second wall behind the sanitizer: even a missed remote reference cannot load, and no
    // <base> or form can send the reader elsewhere.
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(runtime)}">`,
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

export function contentSecurityPolicy(runtime?: { hash: string }): string {
  const scripts = runtime ? ` script-src '${runtime.hash}';` : "";
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none';${scripts}`;
}
