"""What the .litml/ store keeps across a real kernel restart: test-set looks and the framing card."""
import json

from conftest import Kernel

LOOK = """
const { train, test } = await litml.holdout("penguins", { target: "Species", seed: 3 });
const fitted = await litml.pipelineFor(MODEL).fit(train, "Species");
const look = await litml.evaluate(fitted, test);
JSON.stringify([look.data.looks, look.verdict.level])
"""


def test_looks_and_framing_card_survive_a_kernel_restart(tmp_path, monkeypatch):
    monkeypatch.setenv("LITML_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "lesson.ipynb"))
    kernel = Kernel()
    try:
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"logistic"'))) == [1, "ok"]
        kernel.run("%%frame\nproblem: species\nmetric: balanced-accuracy")
        kernel.km.restart_kernel(now=True)
        kernel.kc.wait_for_ready(timeout=120)
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"gbdt"'))) == [2, "warn"]
        assert kernel.value("litml.card()?.metric ?? 'none'") == "balanced-accuracy"
    finally:
        kernel.close()
