// @ts-nocheck
import type { ProgressUpdate } from "../src/runtime/context.js";
import { escapeHtml } from "../src/util/escape.js";
import type { Bundle } from "./display-value.js";

/** One progress display, updated in place: a bar for rich front ends, a line of text for the rest. */
export function progressBundle(update: ProgressUpdate): Bundle {
  const share = update.total > 0 ? Math.min(1, update.done / update.total) : 0;
  const percent = Math.round(share * 100);
  const status = update.finished
    ? `done: ${update.total} of ${update.total} in ${update.elapsed.toFixed(1)} s`
    : `${update.done} of ${update.total} (${percent}%)`;
  const text = `${update.label}: ${status}`;
  const html =
    `<div class="litml-progress" style="font-family:sans-serif;font-size:12px">` +
    `<div style="display:inline-block;width:200px;height:10px;border:1px solid #888;vertical-align:middle">` +
    `<div style="width:${percent * 2}px;height:10px;background:#0072B2"></div></div> ${escapeHtml(text)}</div>`;
  return { "text/plain": text, "text/html": html };
}
