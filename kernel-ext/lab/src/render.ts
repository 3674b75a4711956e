/**
 * A litml result as the reader sees it in JupyterLab: title, the verdict as a badge (level
 * as an icon and a word, then the sentence), notes, the interactive chart and a sortable
 * table. Whatever cannot be read is explained in place, above the parts that can.
 */
import { LEVEL_LABELS } from "../../../src/display/levels.js";
import { interactiveChart, type ChartHandle } from "./chart.js";
import { element } from "./dom.js";
import type { Envelope, Reading } from "./envelope.js";
import { sortableTable } from "./table.js";

export function verdictBadge(verdict: Envelope["verdict"]): HTMLElement {
  const { icon, word } = LEVEL_LABELS[verdict.level];
  const badge = element("div", `litml-verdict litml-level-${verdict.level}`);
  badge.setAttribute("role", "status");
  const label = element("span", "litml-badge");
  label.append(element("span", "litml-icon", icon), element("strong", "litml-level", word));
  label.firstElementChild?.setAttribute("aria-hidden", "true");
  badge.append(label, element("span", "litml-verdict-text", verdict.text));
  return badge;
}

function problemList(problems: readonly string[], plainText: string | undefined, hasEnvelope: boolean): HTMLElement {
  const box = element("div", "litml-problems");
  box.setAttribute("role", "note");
  box.append(element("strong", undefined, hasEnvelope ? "Part of this litml result could not be shown." : "This litml result could not be read."));
  const list = element("ul");
  for (const problem of problems) list.append(element("li", undefined, problem));
  box.append(list);
  if (!hasEnvelope && plainText) {
    box.append(element("p", undefined, "Its plain-text form follows:"), element("pre", "litml-plain", plainText));
  }
  return box;
}

/** Fills `host`; returns the chart's handle (to dispose with the output) when a chart is drawn. */
export function renderReading(host: HTMLElement, reading: Reading, plainText?: string): ChartHandle | undefined {
  host.replaceChildren();
  const root = element("div", "litml-result");
  host.append(root);
  const { envelope, problems } = reading;
  if (problems.length > 0) root.append(problemList(problems, plainText, envelope !== undefined));
  if (!envelope) return undefined;
  root.dataset.litmlKind = envelope.kind;
  root.append(element("div", "litml-title", envelope.title), verdictBadge(envelope.verdict));
  if (envelope.notes.length > 0) {
    const notes = element("ul", "litml-notes");
    for (const note of envelope.notes) notes.append(element("li", undefined, note));
    root.append(notes);
  }
  const chart = envelope.chart ? interactiveChart(root, envelope.chart) : undefined;
  if (envelope.table) root.append(sortableTable(envelope.table.columns, envelope.table.rows));
  return chart;
}
