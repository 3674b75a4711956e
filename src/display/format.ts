/**
 * How numbers read in verdicts, tables and the JupyterLab renderer. A leaf module (no imports)
 * so that the lab extension compiles it into its bundle unchanged.
 */

/** Numbers as a person reads them: integers whole, others to 4 significant digits. */
export function formatCell(value: string | number | boolean | null): string {
  if (value === null) return "—";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "—";
    if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
    if (Number.isInteger(value)) return value.toLocaleString("en-US");
    const abs = Math.abs(value);
    if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(2);
    return String(Number(value.toPrecision(4)));
  }
  return String(value);
}

/** A share as a percentage to `figures` significant figures (3 by default): 0.1234 → "12.3%", 0.02 → "2%", 1 → "100%". */
export function formatPercent(share: number, figures = 3): string {
  if (Number.isNaN(share)) return "—";
  return `${formatFigures(share * 100, figures)}%`;
}

export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return "n/a";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/**
 * Every number in a verdict sentence or note goes through here (issue #16): a measured value to
 * `figures` significant figures (3 by default), what the data supports; an integer, such as a
 * count of rows, stays exact ("3,214 rows", not "3.21e3"). Tables keep formatCell's 4 figures.
 */
export function formatFigures(value: number | null, figures = 3): string {
  if (value === null || !Number.isFinite(value)) return formatCell(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e6) return value.toExponential(figures - 1);
  return Number(value.toPrecision(figures)).toLocaleString("en-US", { maximumSignificantDigits: figures });
}

/**
 * A formatter for the edges of bins (slice conditions such as "x < 199"): 3 significant figures,
 * or as few more as keep every edge distinct from its neighbours.
 */
export function edgeFormat(edges: readonly number[]): (edge: number) => string {
  for (let figures = 3; figures < 7; figures++) {
    const written = edges.map((e) => formatFigures(e, figures));
    if (new Set(written).size === new Set(edges).size) return (edge) => formatFigures(edge, figures);
  }
  return formatCell;
}
