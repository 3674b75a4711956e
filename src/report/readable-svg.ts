/**
 * Charts shrink to fit a narrow screen, but only until their smallest text would drop below
 * 9 px; past that they keep that width and their container scrolls sideways. The floor is
 * each chart's own: its width times 9 over its smallest font size.
 */
export const MIN_CHART_TEXT_PX = 9;

const SVG = /<svg\b([^>]*)>([\s\S]*?)<\/svg>/g;
const FONT_SIZE = /font-size(?:\s*=\s*["']|\s*:\s*)([\d.]+)(?:px)?/g;

/** The smallest width (px) at which every text of a chart is still `MIN_CHART_TEXT_PX` tall, or undefined without text sizes. */
export function minimumChartWidth(svgAttributes: string, body: string): number | undefined {
  const width = Number(/\swidth="([\d.]+)"/.exec(svgAttributes)?.[1]);
  const sizes = [...body.matchAll(FONT_SIZE)].map((m) => Number(m[1])).filter((size) => size > 0);
  if (!(width > 0) || sizes.length === 0) return undefined;
  const scale = Math.min(1, MIN_CHART_TEXT_PX / Math.min(...sizes));
  return Math.ceil(width * scale);
}

/** Every inline SVG of `html` with a min-width that keeps its text readable. */
export function readableSvgs(html: string): string {
  return html.replace(SVG, (whole, attributes: string, body: string) => {
    const minWidth = minimumChartWidth(attributes, body);
    if (minWidth === undefined) return whole;
    const style = /\sstyle="([^"]*)"/.exec(attributes);
    const rule = `min-width:${minWidth}px`;
    const opened = style
      ? attributes.replace(style[0], ` style="${style[1] ? `${style[1]};` : ""}${rule}"`)
      : `${attributes} style="${rule}"`;
    return `<svg${opened}>${body}</svg>`;
  });
}
