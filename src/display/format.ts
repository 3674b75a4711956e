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

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return "n/a";
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** A measured number in a verdict, to `figures` significant figures (3 by default): what the data supports. */
export function formatFigures(value: number, figures = 3): string {
  if (!Number.isFinite(value)) return formatCell(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(figures - 1);
  return Number(value.toPrecision(figures)).toLocaleString("en-US", { maximumSignificantDigits: figures });
}
