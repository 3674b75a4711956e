const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Vega reads dots and brackets in field names as paths; a backslash makes them literal. */
export function escapeField(name: string): string {
  return name.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}
