/**
 * Axes that zoom to the data compared (issue #16). Where a chart compares values on a
 * quantitative axis that is neither a count nor a share that must start at zero (scores,
 * metrics, AUCs with their intervals, learning curves, a backtest's score per period), the
 * axis spans the values compared, interval ends included, plus a little padding: 0.86
 * against 0.89 reads as a difference, not as two equal bars from 0.
 *
 * Bars cannot zoom honestly (a bar's length is its value): charts of bars keep zero and say
 * why; charts that compare a metric draw points with interval rules and call zoomScale.
 */

/** Padding on each side, as a share of the values' range. */
export const ZOOM_PADDING = 0.05;

export interface ZoomOptions {
  /** Padding on each side as a share of the range (ZOOM_PADDING by default). */
  readonly padding?: number;
  /** Bounds the metric cannot pass (a perfect score): the padding stops there. */
  readonly within?: readonly [number, number];
}

/**
 * [low, high] around the finite values given (nulls and NaN skipped), padded by `padding`
 * of their range on each side and rounded outwards to 3 significant figures of the range;
 * undefined when no value is finite. A single value is padded by a tenth of itself (or 0.1).
 */
export function zoomDomain(values: Iterable<number | null | undefined>, options: ZoomOptions = {}): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return undefined;
  const span = hi - lo || Math.abs(hi) * 0.1 || 0.1;
  const pad = (options.padding ?? ZOOM_PADDING) * span;
  const step = 10 ** (Math.floor(Math.log10(span)) - 2);
  let low = Math.floor((lo - pad) / step) * step;
  let high = Math.ceil((hi + pad) / step) * step;
  if (options.within) {
    low = Math.max(low, Math.min(lo, options.within[0]));
    high = Math.min(high, Math.max(hi, options.within[1]));
  }
  const tidy = (x: number) => Number(x.toPrecision(12));
  return [tidy(low), tidy(high)];
}

/**
 * The Vega-Lite scale of an axis that compares values: exactly zoomDomain's span (nice
 * rounding off, which could stretch it back towards 0), never anchored at zero. Give every
 * value drawn on that axis: points, interval ends, reference lines.
 */
export function zoomScale(values: Iterable<number | null | undefined>, options: ZoomOptions = {}): Record<string, unknown> {
  const domain = zoomDomain(values, options);
  return domain ? { zero: false, nice: false, domain } : { zero: false };
}
