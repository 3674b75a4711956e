/**
 * The result's Vega-Lite spec drawn interactively with vega-embed, bundled with the extension
 * (no CDN) and loaded only when a chart is first shown. The spec's data is already aggregated
 * inside the result; a spec that asks to load anything (a URL, a file) is refused, because an
 * untrusted notebook must not make the browser fetch on its behalf.
 */
import { element } from "./dom.js";

export interface ChartHandle {
  dispose(): void;
}

function isDarkTheme(): boolean {
  return document.body.dataset.jpThemeLight === "false";
}

async function embedInto(host: HTMLElement, spec: Record<string, unknown>): Promise<() => void> {
  const [{ default: embed }, vega] = await Promise.all([import("vega-embed"), import("vega")]);
  const refusingLoader = vega.loader();
  refusingLoader.load = async (uri: string) => {
    throw new Error(`litml charts carry their data; refusing to load ${uri}`);
  };
  refusingLoader.sanitize = async (uri: string) => {
    throw new Error(`litml charts carry their data; refusing to load ${uri}`);
  };
  const dark = isDarkTheme();
  const { finalize } = await embed(host, spec as never, {
    actions: false,
    renderer: "svg",
    loader: refusingLoader,
    ...(dark ? { theme: "dark" as const } : {}),
    config: { background: "transparent" },
  });
  return finalize;
}

/** Draws the chart, and draws it again when the JupyterLab theme switches between light and dark. */
export function interactiveChart(parent: HTMLElement, spec: Record<string, unknown>): ChartHandle {
  const host = element("div", "litml-chart");
  parent.append(host);
  let finalize: (() => void) | undefined;
  let drawnDark: boolean | undefined;
  const draw = (): void => {
    if (drawnDark === isDarkTheme()) return;
    drawnDark = isDarkTheme();
    finalize?.();
    finalize = undefined;
    embedInto(host, spec).then(
      (done) => {
        finalize = done;
        host.dataset.litmlDrawn = "true";
      },
      (error: unknown) => {
        host.replaceChildren(
          element("p", "litml-problem", `The chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`),
        );
        host.dataset.litmlDrawn = "error";
      },
    );
  };
  const observer = new MutationObserver(draw);
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  draw();
  return {
    dispose: () => {
      observer.disconnect();
      finalize?.();
    },
  };
}
