/** A small lesson with exercises, written as nbformat 4, for the workshop tests. */
import { writeFileSync } from "node:fs";

export type CellSpec = { type: "code" | "markdown"; source: string };

export function notebookJson(cells: CellSpec[], kernel = "litml"): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: kernel, display_name: kernel, language: kernel === "litml" ? "typescript" : "python" } },
    cells: cells.map((c, i) =>
      c.type === "code"
        ? { id: `c${i}`, cell_type: "code", source: c.source, metadata: {}, outputs: [], execution_count: null }
        : { id: `c${i}`, cell_type: "markdown", source: c.source, metadata: {} },
    ),
  });
}

/** Two exercises with visible and hidden checks, and one exercise its author forgot to check. */
export const LESSON: CellSpec[] = [
  { type: "markdown", source: "# Tiny lesson\nAdd up and find the largest." },
  { type: "code", source: "const numbers = [3, 1, 2];" },
  {
    type: "code",
    source: "// exercise: sum-them\n// Add up the numbers.\n// BEGIN SOLUTION\nconst total = numbers.reduce((a, b) => a + b, 0);\n// END SOLUTION\n// STUB: const total: number = NaN;",
  },
  { type: "code", source: '%check sum-them\nlitml.expect(total, "the total").toBeGreaterThan(0);' },
  { type: "code", source: '%check sum-them --hidden\nlitml.expect(total, "the total").toBe(6);\nlitml.expect(total % 2, "the total\'s remainder by 2").toBe(0);' },
  { type: "code", source: "// exercise: largest\nconst largest = Math.max(...numbers);\n// STUB: let largest = 0;" },
  { type: "code", source: '%check largest\nlitml.expect(largest, "the largest number").toBe(3);' },
  { type: "code", source: "// exercise: unchecked\nconst nothing = 1;" },
];

export function writeNotebook(file: string, cells: CellSpec[], kernel?: string): void {
  writeFileSync(file, notebookJson(cells, kernel));
}
