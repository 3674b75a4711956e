/**
 * The MIME renderers: `application/vnd.litml.result+json` here, and the labelling widget
 * (labeler.ts). The result renderer is ranked above the result's own
 * `text/html` (rank 50 in JupyterLab), and declared safe: executed notebooks open untrusted,
 * and this renderer builds its DOM from text nodes only, so it may draw them.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import type { ChartHandle } from "./chart.js";
import { readEnvelope } from "./envelope.js";
import { labelerExtension } from "./labeler.js";
import { renderReading } from "./render.js";

export const RESULT_MIME = "application/vnd.litml.result+json";

class ResultRenderer extends Widget implements IRenderMime.IRenderer {
  private chart: ChartHandle | undefined;

  constructor() {
    super();
    this.addClass("litml-output");
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.chart?.dispose();
    const plain = model.data["text/plain"];
    this.chart = renderReading(this.node, readEnvelope(model.data[RESULT_MIME]), typeof plain === "string" ? plain : undefined);
  }

  dispose(): void {
    this.chart?.dispose();
    super.dispose();
  }
}

const extension: IRenderMime.IExtension = {
  id: "litml-lab:result-renderer",
  description: "Renders litml results: verdict badge, interactive chart and sortable table.",
  rendererFactory: {
    safe: true,
    mimeTypes: [RESULT_MIME],
    defaultRank: 40,
    createRenderer: () => new ResultRenderer(),
  },
  rank: 40,
  dataType: "json",
};

export default [extension, labelerExtension];
