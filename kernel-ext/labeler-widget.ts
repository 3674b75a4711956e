/**
 * `litml.labeler(pool, options)`: a labelling session shown as a JupyterLab widget. The
 * kernel opens a comm (target `litml-labeler`) whose first message carries the session's
 * state, and displays a bundle naming that comm: litml's lab extension draws the rows,
 * one button per class and Skip, and sends each click back as a comm message, which is
 * saved at once; a finished batch brings the refitted model's next rows and score. The
 * bundle's text/html and text/plain say how to label through the API instead, for a
 * front end without the extension.
 */
import { createRequire } from "node:module";
import type { DataInput } from "../src/data/convert.js";
import { type LabelingSessionOptions, type LabelingSession, type LabelingState, labelingSession } from "../src/label/session.js";
import { message } from "../src/messages.js";
import { escapeHtml } from "../src/util/escape.js";
import { type Comm, type CommData, comms } from "./comms.js";
import type { Bundle } from "./display-value.js";

export const LABELER_TARGET = "litml-labeler";
export const LABELER_MIME = "application/vnd.litml.labeler+json";

const require = createRequire(import.meta.url);

type DisplaySink = (data: { data: Bundle; metadata: object; transient: object }, update: boolean) => void;

/** The running cell's display (tslab's hook, which the litml kernel points at the cell's output). */
function cellDisplay(): DisplaySink | undefined {
  const jupyter = require("tslab/dist/jupyter.js") as { lastWriteDisplayData?: DisplaySink | null };
  return jupyter.lastWriteDisplayData ?? undefined;
}

/** Opens the widget for a new labelling session on `pool`; returns the session, for labelling through the API too. */
export async function labeler(pool: DataInput, options: LabelingSessionOptions = {}): Promise<LabelingSession> {
  const display = cellDisplay();
  if (display === undefined) throw message.labelerNeedsKernel();
  const session = await labelingSession(pool, options);
  let comm: Comm;
  try {
    comm = comms().open(LABELER_TARGET, { state: jsonState(session.state()) });
  } catch {
    throw message.labelerNeedsKernel();
  }
  comm.onMessage((data) => answer(session, comm, data));
  display({ data: labelerBundle(comm.id, session), metadata: {}, transient: {} }, false);
  return session;
}

/** One click from the widget: saved (or skipped), then the reply; an error goes back to the widget, never up. */
async function answer(session: LabelingSession, comm: Comm, data: CommData): Promise<void> {
  const row = typeof data.row === "number" ? data.row : Number.NaN;
  try {
    switch (data.action) {
      case "label": {
        const outcome = await session.label(row, String(data.label));
        comm.send({ type: "saved", row, key: outcome.key, label: outcome.label });
        if (outcome.advanced) comm.send({ type: "state", state: jsonState(session.state()) });
        return;
      }
      case "skip": {
        const outcome = await session.skip(row);
        comm.send({ type: "skipped", row });
        if (outcome.advanced) comm.send({ type: "state", state: jsonState(session.state()) });
        return;
      }
      case "state":
        comm.send({ type: "state", state: jsonState(session.state()) });
        return;
      default:
        throw new Error(`unknown labeler action ${JSON.stringify(data.action)}`);
    }
  } catch (error) {
    comm.send({ type: "error", row, text: error instanceof Error ? error.message : String(error) });
  }
}

function jsonState(state: LabelingState): CommData {
  return JSON.parse(JSON.stringify(state)) as CommData;
}

function apiHelp(session: LabelingSession): string[] {
  const example = session.rows()[0]?.row ?? 0;
  return [
    "Without litml's JupyterLab extension this labelling widget cannot be shown; label through the API instead:",
    `  const session = await litml.labeler(...)   // keep the session in a variable (this cell's call)`,
    `  await session.label(${example}, ${JSON.stringify(session.classes[0])})   // row number, class: saved at once`,
    `  await session.skip(ROW)   // leave a row unlabelled`,
    `  session.rows()   // the rows offered now (a finished batch brings the next)`,
    `  session.score   // the running score`,
    `  litml.savedLabels(${JSON.stringify(session.id)})   // every label saved for this pool`,
    `Classes: ${session.classes.join(", ")}.`,
  ];
}

export function labelerBundle(commId: string, session: LabelingSession): Bundle {
  const state = session.state();
  const rows = state.batch;
  const fields = rows.length > 0 ? Object.keys(rows[0].fields) : [];
  const help = apiHelp(session);
  const plain = [
    `Labelling "${state.pool}": ${state.labelled} of ${state.rows} rows labelled; ${state.score.text}`,
    ...help,
    "Rows to label now:",
    ...rows.map((r) => `  row ${r.row}: ${fields.map((f) => `${f}=${r.fields[f] ?? "—"}`).join(", ")}`),
  ].join("\n");
  const cell = (v: unknown) => `<td>${escapeHtml(v === null || v === undefined ? "—" : String(v))}</td>`;
  const html =
    `<div class="litml-labeler-fallback">` +
    `<p><strong>Labelling ${escapeHtml(JSON.stringify(state.pool))}</strong>: ${state.labelled} of ${state.rows} rows labelled; ${escapeHtml(state.score.text)}</p>` +
    `<p>${escapeHtml(help[0])}</p><pre>${escapeHtml(help.slice(1).join("\n"))}</pre>` +
    `<table><thead><tr><th>row</th>${fields.map((f) => `<th>${escapeHtml(f)}</th>`).join("")}</tr></thead><tbody>` +
    rows.map((r) => `<tr><td>${r.row}</td>${fields.map((f) => cell(r.fields[f])).join("")}</tr>`).join("") +
    `</tbody></table></div>`;
  return {
    [LABELER_MIME]: { version: 1, comm_id: commId, target: LABELER_TARGET, pool: state.pool, classes: state.classes },
    "text/html": html,
    "text/plain": plain,
  };
}
