/** The parts of nbformat v4 that a report reads. */
// @ts-nocheck

export type MultilineString = string | string[];

export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: string;
  text?: MultilineString;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  execution_count?: number | null;
}

export interface NotebookCell {
  cell_type: "markdown" | "code" | "raw";
  source: MultilineString;
  outputs?: Output[];
  execution_count?: number | null;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, any>;
  nbformat: number;
}

export function joinSource(text: MultilineString | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}
