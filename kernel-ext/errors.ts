/**
 * Turns what went wrong in a cell into the error message Jupyter shows: ename, evalue
 * and a traceback. A LitmlError is a message for the user, so it gets no JS stack.
 */
const RED = "\u001b[0;31m";
const RESET = "\u001b[0m";

export interface CellError {
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: string[];
}

/** Frames of Node's vm, tslab and this kernel say nothing about the user's code. */
const MACHINERY = /\(node:|\bnode:internal|[\\/]tslab[\\/]dist[\\/]|[\\/]kernel-ext[\\/]/;

const INTERRUPTED = /^(Script execution (was )?interrupted|Interrupted asynchronously)/;

export function errorFromThrown(thrown: unknown): CellError {
  if (thrown instanceof Error || (thrown !== null && typeof thrown === "object" && "message" in thrown)) {
    const error = thrown as Error;
    const evalue = String(error.message);
    if (INTERRUPTED.test(evalue)) return interrupted();
    const ename = String(error.name || "Error");
    const heading = `${RED}${ename}${RESET}: ${evalue}`;
    if (ename === "LitmlError") return { ename, evalue, traceback: [heading] };
    const frames = (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l) && !MACHINERY.test(l));
    return { ename, evalue, traceback: [heading, ...frames] };
  }
  const evalue = String(thrown);
  return { ename: "Error", evalue, traceback: [`${RED}Error${RESET}: thrown value ${evalue}`] };
}

export function interrupted(): CellError {
  const evalue = "The cell was interrupted; variables defined by earlier cells are intact.";
  return { ename: "Interrupted", evalue, traceback: [`${RED}Interrupted${RESET}: ${evalue}`] };
}

export function compileError(diagnostics: readonly string[]): CellError {
  const evalue = diagnostics[0] ?? "the cell does not compile";
  return {
    ename: "TypeScriptError",
    evalue,
    traceback: [`${RED}TypeScriptError${RESET}: the cell does not compile`, ...diagnostics],
  };
}

/**
 * An error no cell caught: thrown by a timer or event callback after its cell moved on,
 * or a rejected promise nobody awaited. Shown in the notebook with where it came from,
 * since its stack rarely says.
 */
export function escapedError(origin: "callback" | "promise", thrown: unknown): CellError {
  const error = errorFromThrown(thrown);
  if (error.ename === "Interrupted") {
    const evalue = "The interrupt stopped a busy timer callback; variables are intact.";
    return { ename: "Interrupted", evalue, traceback: [`${RED}Interrupted${RESET}: ${evalue}`] };
  }
  const where =
    origin === "callback"
      ? "(thrown in a callback, such as a timer or an event, after the cell that set it up had moved on)"
      : "(a promise was rejected and nothing awaited it or caught its error)";
  return { ...error, traceback: [error.traceback[0], where, ...error.traceback.slice(1)] };
}
