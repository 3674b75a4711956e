/** A result's table, sortable by any column: click a header once for ascending, again for descending. */
import { formatCell } from "../../../src/display/format.js";
import { element } from "./dom.js";
import type { Cell } from "./envelope.js";

const MAX_ROWS = 500;

/** Numbers numerically, text in the reader's collation. (JSON has no NaN: a missing cell is null.) */
function compareValues(a: Exclude<Cell, null>, b: Exclude<Cell, null>): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Row order for one column; missing cells stay last in both directions, ties keep the result's order. */
function sortedOrder(rows: readonly Cell[][], column: number, descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((_, index) => index)
    .sort((i, j) => {
      const a = rows[i][column];
      const b = rows[j][column];
      if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0) || i - j;
      return sign * compareValues(a, b) || i - j;
    });
}

export function sortableTable(columns: readonly string[], rows: readonly Cell[][]): HTMLElement {
  const wrapper = element("div", "litml-table-wrapper");
  const table = element("table", "litml-table");
  const head = element("tr");
  const body = element("tbody");
  let order = rows.map((_, index) => index);
  let sortedBy = -1;
  let descending = false;

  const fill = (): void => {
    body.replaceChildren();
    for (const index of order.slice(0, MAX_ROWS)) {
      const tr = element("tr");
      for (const cell of rows[index]) {
        tr.append(element("td", typeof cell === "number" ? "litml-number" : undefined, formatCell(cell)));
      }
      body.append(tr);
    }
  };

  columns.forEach((name, column) => {
    const th = element("th");
    th.setAttribute("aria-sort", "none");
    const button = element("button", "litml-sort", name);
    button.type = "button";
    button.title = `Sort by ${name}`;
    button.addEventListener("click", () => {
      descending = sortedBy === column ? !descending : false;
      sortedBy = column;
      order = sortedOrder(rows, column, descending);
      for (const other of head.children) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      fill();
    });
    th.append(button);
    head.append(th);
  });

  const thead = element("thead");
  thead.append(head);
  table.append(thead, body);
  fill();
  wrapper.append(table);
  if (rows.length > MAX_ROWS) {
    wrapper.append(element("p", "litml-more", `Showing ${MAX_ROWS} of ${rows.length} rows; sort to bring others to the top.`));
  }
  return wrapper;
}
