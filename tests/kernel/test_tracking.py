"""Tracking in a real kernel: each magic's run records the notebook and the cell it ran in
(the execution count the notebook shows), and %tracking off stops recording."""
import json

from conftest import Kernel

RUNS = "JSON.stringify((await litml.runs()).data.runs.map((r) => [r.kind, r.notebook, r.cell]))"


def test_runs_name_their_notebook_and_cell(tmp_path, monkeypatch):
    monkeypatch.setenv("LITML_STATE_DIR", str(tmp_path / "state"))
    notebook = str(tmp_path / "lesson.ipynb")
    monkeypatch.setenv("JPY_SESSION_NAME", notebook)
    kernel = Kernel()
    try:
        assert kernel.run("%profile penguins")[0]["status"] == "ok"
        assert kernel.run("const x = 1;")[0]["status"] == "ok"
        assert kernel.run("%baseline penguins --target Species --folds 3")[0]["status"] == "ok"
        assert json.loads(kernel.value(RUNS)) == [["profile", notebook, 1], ["baseline-comparison", notebook, 3]]
        assert kernel.run("%tracking off")[0]["status"] == "ok"
        assert kernel.run("%profile penguins")[0]["status"] == "ok"
        assert len(json.loads(kernel.value(RUNS))) == 2
        reply, outputs = kernel.run("%runs --compare 1,2")
        assert reply["status"] == "ok", reply
        texts = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        assert texts and "Runs #1 and #2" in texts[-1]
    finally:
        kernel.close()
