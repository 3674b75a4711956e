/**
 * A report must open offline and never fetch anything. Outputs from other libraries
 * may carry scripts, stylesheets or remote images; these helpers drop scripts and
 * <link> elements and neutralise any attribute or CSS that would load a remote resource,
 * keeping inline (data:) content and ordinary links.
 */
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
// Links (<a href>) only navigate when clicked, so they stay; these attributes fetch on load.
const REMOTE_ATTRIBUTE = /\s(src|srcset|poster|data|action|background|xlink:href)\s*=\s*(["'])\s*(?:https?:|\/\/|ftp:)[^"']*\2/gi;
const LINK_ELEMENT = /<link\b[^>]*>/gi;
const REMOTE_CSS = /url\(\s*(["']?)\s*(?:https?:|\/\/)[^)]*\)/gi;
const IMPORT_CSS = /@import\s+[^;]+;/gi;

export function offlineHtml(html: string): string {
  return html
    .replace(SCRIPT, "")
    .replace(LINK_ELEMENT, "")
    .replace(REMOTE_ATTRIBUTE, (_m, attribute: string) => ` data-litml-removed-${attribute.replace(":", "-")}="remote"`)
    .replace(REMOTE_CSS, "none")
    .replace(IMPORT_CSS, "");
}
