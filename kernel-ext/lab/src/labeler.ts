/**
 * The labelling widget (`application/vnd.litml.labeler+json`): the rows the kernel's
 * session offers, each as a compact table row with one button per class and Skip. Each
 * click goes to the kernel as a comm message and the row shows "saved" when the kernel
 * says so; a finished batch brings the next rows and the running score. Number keys pick
 * a class for the first row still open (0 or S skips it). Built from text nodes only,
 * like every litml renderer.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { element } from "./dom.js";
import { channelOf, type LabelerChannel, type LabelerMessage } from "./labeler-comms.js";

export const LABELER_MIME = "application/vnd.litml.labeler+json";

interface PoolRow {
  row: number;
  fields: Record<string, string | number | null>;
  label?: string;
  skipped?: boolean;
}

interface State {
  pool: string;
  rows: number;
  classes: string[];
  batch: PoolRow[];
  round: number;
  labelled: number;
  score: { text: string; value?: number };
  done: boolean;
}

type RowStatus = { kind: "saving" | "saved" | "skipped" | "error"; text: string };

function readState(raw: LabelerMessage | undefined): State | undefined {
  const state = raw as Partial<State> | undefined;
  if (!state || !Array.isArray(state.batch) || !Array.isArray(state.classes) || typeof state.pool !== "string") return undefined;
  return state as State;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  return String(value);
}

class LabelerRenderer extends Widget implements IRenderMime.IRenderer {
  private channel: LabelerChannel | undefined;
  private unlisten: (() => void) | undefined;
  private state: State | undefined;
  private readonly statuses = new Map<number, RowStatus>();
  private error = "";
  private refitting = false;
  private ended = false;

  constructor() {
    super();
    this.addClass("litml-output");
    this.node.tabIndex = 0;
    // Number keys are JupyterLab shortcuts in command mode (heading levels); inside the widget they label.
    this.node.setAttribute("data-lm-suppress-shortcuts", "true");
    this.node.addEventListener("keydown", (event) => this.onKey(event));
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const data = model.data[LABELER_MIME] as { comm_id?: unknown } | undefined;
    const plain = model.data["text/plain"];
    const commId = typeof data?.comm_id === "string" ? data.comm_id : undefined;
    if (this.channel?.id === commId && commId !== undefined) return;
    this.unlisten?.();
    this.node.replaceChildren(element("div", "litml-labeler litml-labeler-connecting", "Connecting to the kernel's labelling session…"));
    const channel = commId === undefined ? undefined : await channelOf(commId);
    if (!channel || channel.closed) return this.renderDisconnected(typeof plain === "string" ? plain : "");
    this.channel = channel;
    this.state = readState(channel.latest);
    this.unlisten = channel.listen((message) => this.onMessage(message));
    // Not focused on its own: focus here would hold the notebook's Shift+Enter; a click or Tab brings the keys.
    this.render();
  }

  dispose(): void {
    this.unlisten?.();
    super.dispose();
  }

  private onMessage(message: LabelerMessage): void {
    const row = typeof message.row === "number" ? message.row : undefined;
    switch (message.type) {
      case "state":
        this.state = readState(message.state as LabelerMessage);
        this.statuses.clear();
        this.refitting = false;
        this.error = "";
        break;
      case "saved":
        if (row !== undefined) this.statuses.set(row, { kind: "saved", text: `saved: ${String(message.label)}` });
        break;
      case "skipped":
        if (row !== undefined) this.statuses.set(row, { kind: "skipped", text: "skipped" });
        break;
      case "error":
        if (row !== undefined && this.statuses.get(row)?.kind === "saving") this.statuses.set(row, { kind: "error", text: "not saved" });
        this.error = String(message.text);
        this.refitting = false;
        break;
      case "closed":
        this.ended = true;
        this.refitting = false;
        this.error = "The kernel closed this labelling session (it restarted or shut down). Labels given so far are saved; run the cell again to go on.";
        break;
    }
    this.render();
  }

  /** The first row of the batch that has neither a label nor a skip, nor a click on its way. */
  private openRow(): PoolRow | undefined {
    return this.state?.batch.find((r) => !this.statuses.has(r.row) || this.statuses.get(r.row)!.kind === "error");
  }

  private choose(row: number, label: string | undefined): void {
    if (!this.channel) return;
    try {
      this.channel.send(label === undefined ? { action: "skip", row } : { action: "label", row, label });
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return this.render();
    }
    this.statuses.set(row, { kind: "saving", text: "saving…" });
    if (this.openRow() === undefined) this.refitting = true;
    this.render();
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.state || this.ended || event.ctrlKey || event.metaKey || event.altKey) return;
    const open = this.openRow();
    if (!open) return;
    if (event.key === "0" || event.key.toLowerCase() === "s") {
      event.preventDefault();
      return this.choose(open.row, undefined);
    }
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < this.state.classes.length) {
      event.preventDefault();
      this.choose(open.row, this.state.classes[index]);
    }
  }

  private render(): void {
    const state = this.state;
    const root = element("div", "litml-labeler");
    if (!state) {
      root.append(element("p", "litml-problems", "This labelling session sent a state litml cannot read."));
      this.node.replaceChildren(root);
      return;
    }
    root.dataset.litmlRound = String(state.round);
    root.append(element("div", "litml-title", `Labelling "${state.pool}"`));
    const status = element("div", "litml-labeler-score", `${state.labelled} of ${state.rows} rows labelled · batch ${state.round} · ${state.score.text}`);
    status.setAttribute("role", "status");
    root.append(status);
    if (this.refitting) root.append(element("div", "litml-labeler-refitting", "Refitting the model and picking the next rows…"));
    if (this.error) {
      const alert = element("div", "litml-problems litml-labeler-error", this.error);
      alert.setAttribute("role", "alert");
      root.append(alert);
    }
    if (state.done) root.append(element("p", undefined, "Every row of the pool is labelled or skipped."));
    else root.append(this.table(state));
    const keys = state.classes.map((c, i) => `${i + 1} ${c}`).join(", ");
    root.append(element("div", "litml-labeler-help", `Keys: ${keys}; 0 or S skips. They label the first open row (outlined).`));
    this.node.replaceChildren(root);
  }

  private table(state: State): HTMLElement {
    const fields = state.batch.length > 0 ? Object.keys(state.batch[0].fields) : [];
    const table = element("table", "litml-table litml-labeler-table");
    const head = element("tr");
    head.append(element("th", undefined, "row"), ...fields.map((f) => element("th", undefined, f)), element("th", undefined, "label"));
    table.append(element("thead"));
    table.tHead!.append(head);
    const body = element("tbody");
    const open = this.openRow();
    for (const row of state.batch) {
      const tr = element("tr", row === open ? "litml-labeler-row litml-labeler-open" : "litml-labeler-row");
      tr.dataset.litmlRow = String(row.row);
      tr.append(element("td", "litml-number", String(row.row)));
      for (const f of fields) tr.append(element("td", typeof row.fields[f] === "number" ? "litml-number" : undefined, cellText(row.fields[f])));
      tr.append(this.actions(state, row));
      body.append(tr);
    }
    table.append(body);
    const wrapper = element("div", "litml-table-wrapper");
    wrapper.append(table);
    return wrapper;
  }

  private actions(state: State, row: PoolRow): HTMLElement {
    const cell = element("td", "litml-labeler-actions");
    const status = this.statuses.get(row.row);
    const busy = this.ended || (status !== undefined && status.kind !== "error");
    state.classes.forEach((label, i) => {
      const button = element("button", "litml-labeler-class", `${i + 1} ${label}`);
      button.type = "button";
      button.dataset.litmlClass = label;
      button.disabled = busy;
      button.setAttribute("aria-keyshortcuts", String(i + 1));
      button.addEventListener("click", () => this.choose(row.row, label));
      cell.append(button);
    });
    const skip = element("button", "litml-labeler-skip", "Skip");
    skip.type = "button";
    skip.disabled = busy;
    skip.addEventListener("click", () => this.choose(row.row, undefined));
    cell.append(skip);
    const shown = status ?? (row.label !== undefined ? { kind: "saved", text: `saved: ${row.label}` } : undefined);
    if (shown) {
      const badge = element("span", `litml-labeler-status litml-labeler-${shown.kind}`, shown.text);
      cell.append(badge);
    }
    return cell;
  }

  private renderDisconnected(plain: string): void {
    const root = element("div", "litml-labeler litml-labeler-disconnected");
    root.append(
      element("strong", undefined, "This labelling session is not connected: its kernel restarted, or the page was reloaded. Labels already given are saved; run the cell again to go on labelling."),
      element("pre", "litml-plain", plain),
    );
    this.node.replaceChildren(root);
  }
}

export const labelerExtension: IRenderMime.IExtension = {
  id: "litml-lab:labeler-renderer",
  description: "The litml labelling widget: rows picked by active learning, a button per class, saved at once.",
  rendererFactory: {
    safe: true,
    mimeTypes: [LABELER_MIME],
    defaultRank: 40,
    createRenderer: () => new LabelerRenderer(),
  },
  rank: 40,
  dataType: "json",
};
