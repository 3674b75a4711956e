/**
 * The Workflow panel: for the active notebook, each step of the discipline with the level of
 * its latest verdict (a click scrolls to that cell), and the steps still missing.
 */
import type { INotebookTracker, NotebookPanel } from "@jupyterlab/notebook";
import type { ICodeCellModel } from "@jupyterlab/cells";
import { Widget } from "@lumino/widgets";
import { LEVEL_LABELS } from "../../../src/display/levels.js";
import { element } from "./dom.js";
import { readEnvelope } from "./envelope.js";
import { RESULT_MIME } from "./mime.js";
import { stepStatuses, type Finding, type StepStatus } from "./steps.js";

const RESCAN_DELAY_MS = 250;

/** Every readable litml result in the notebook, in cell order. */
export function findingsOf(notebook: NotebookPanel): Finding[] {
  const findings: Finding[] = [];
  const cells = notebook.model?.cells;
  if (!cells) return findings;
  for (let cellIndex = 0; cellIndex < cells.length; cellIndex++) {
    const cell = cells.get(cellIndex);
    if (cell.type !== "code") continue;
    const outputs = (cell as ICodeCellModel).outputs;
    for (let j = 0; j < outputs.length; j++) {
      const raw = outputs.get(j).data[RESULT_MIME];
      const { envelope } = readEnvelope(raw);
      if (!envelope) continue;
      const time = envelope.kind === "framing-card" ? (raw as { data?: { card?: { time?: unknown } } }).data?.card?.time : undefined;
      findings.push({ cellIndex, kind: envelope.kind, level: envelope.verdict.level, ...(typeof time === "string" ? { time } : {}) });
    }
  }
  return findings;
}

export class WorkflowPanel extends Widget {
  private notebook: NotebookPanel | null = null;
  private timer: number | undefined;

  constructor(tracker: INotebookTracker) {
    super();
    this.id = "litml-workflow";
    this.addClass("litml-workflow");
    this.title.caption = "litml workflow";
    tracker.currentChanged.connect((_, panel) => this.follow(panel));
    this.follow(tracker.currentWidget);
  }

  private follow(panel: NotebookPanel | null): void {
    this.notebook?.model?.contentChanged.disconnect(this.scheduleRescan, this);
    this.notebook = panel;
    panel?.context.ready.then(() => {
      if (this.notebook !== panel) return;
      panel.model?.contentChanged.connect(this.scheduleRescan, this);
      this.rescan();
    });
    this.rescan();
  }

  private scheduleRescan(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.rescan(), RESCAN_DELAY_MS);
  }

  private rescan(): void {
    const panel = this.notebook;
    this.node.replaceChildren(element("h2", "litml-workflow-title", "Workflow"));
    if (!panel) {
      this.node.append(element("p", "litml-workflow-empty", "Open a notebook to see which steps it has done."));
      return;
    }
    this.node.append(element("p", "litml-workflow-notebook", panel.context.path));
    const statuses = stepStatuses(findingsOf(panel));
    const list = element("ol", "litml-steps");
    for (const status of statuses) list.append(this.stepItem(panel, status));
    this.node.append(list);
    const missing = statuses.filter((status) => status.findings.length === 0 && !status.notNeeded).map((status) => status.step.label);
    this.node.append(
      element("p", "litml-missing", missing.length === 0 ? "Every step is done." : `Still missing: ${missing.join(", ")}.`),
    );
  }

  private stepItem(panel: NotebookPanel, { step, findings, worst, notNeeded }: StepStatus): HTMLElement {
    const item = element("li", "litml-step");
    item.dataset.litmlStep = step.id;
    if (notNeeded) {
      item.classList.add("litml-step-missing");
      item.dataset.litmlLevel = "not-needed";
      item.title = `Not needed: ${notNeeded}`;
      item.append(element("span", "litml-icon", "–"), element("span", "litml-step-label", step.label), element("span", "litml-level", "not needed"));
      return item;
    }
    // A step is as good as its worst result: a later passing result does not hide an earlier failure.
    const latest = worst;
    if (!latest) {
      item.classList.add("litml-step-missing");
      item.dataset.litmlLevel = "missing";
      item.append(element("span", "litml-icon", "○"), element("span", "litml-step-label", step.label), element("span", "litml-level", "not yet"));
      return item;
    }
    const { icon, word } = LEVEL_LABELS[latest.level];
    item.dataset.litmlLevel = latest.level;
    const button = element("button", `litml-step-button litml-level-${latest.level}`);
    button.type = "button";
    button.title = `Scroll to the ${step.label.toLowerCase()} result (cell ${latest.cellIndex + 1})`;
    button.append(element("span", "litml-icon", icon), element("span", "litml-step-label", step.label), element("span", "litml-level", word));
    if (findings.length > 1) button.append(element("span", "litml-count", `${findings.length} results`));
    button.addEventListener("click", () => void scrollToCell(panel, latest.cellIndex));
    item.append(button);
    return item;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    this.notebook?.model?.contentChanged.disconnect(this.scheduleRescan, this);
    super.dispose();
  }
}

async function scrollToCell(panel: NotebookPanel, cellIndex: number): Promise<void> {
  const notebook = panel.content;
  const cell = notebook.widgets[cellIndex];
  if (!cell) return;
  notebook.activeCellIndex = cellIndex;
  await notebook.scrollToCell(cell, "start");
}
