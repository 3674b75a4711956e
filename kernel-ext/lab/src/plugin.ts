/**
 * The Workflow panel in the left side bar of JupyterLab (and of Notebook 7, which has one
 * too), and the labelling widget's comm target on every notebook's kernel.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { INotebookTracker, type NotebookPanel } from "@jupyterlab/notebook";
import { LabIcon } from "@jupyterlab/ui-components";
import { registerLabelerTarget } from "./labeler-comms.js";
import { WorkflowPanel } from "./panel.js";

const workflowIcon = new LabIcon({
  name: "litml:workflow",
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">' +
    '<path class="jp-icon3" fill="#616161" d="M2 2h3v3H2zM2 6.5h3v3H2zM2 11h3v3H2zM6.5 3h7.5v1H6.5zM6.5 7.5h7.5v1H6.5zM6.5 12h7.5v1H6.5z"/></svg>',
});

const plugin: JupyterFrontEndPlugin<void> = {
  id: "litml-lab:workflow",
  description: "A side panel listing which steps of the ML discipline the active notebook has done.",
  autoStart: true,
  requires: [INotebookTracker],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker) => {
    const panel = new WorkflowPanel(tracker);
    panel.title.icon = workflowIcon;
    app.shell.add(panel, "left", { rank: 600 });
    const follow = (notebook: NotebookPanel) => {
      const context = notebook.sessionContext;
      context.kernelChanged.connect((_, change) => registerLabelerTarget(change.newValue));
      void context.ready.then(() => registerLabelerTarget(context.session?.kernel));
    };
    tracker.forEach(follow);
    tracker.widgetAdded.connect((_, notebook) => follow(notebook));
  },
};

export default plugin;
