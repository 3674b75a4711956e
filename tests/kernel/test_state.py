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


def test_the_store_stays_in_the_folder_the_kernel_started_in(tmp_path, monkeypatch):
    monkeypatch.delenv("LITML_STATE_DIR", raising=False)
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "wanderer.ipynb"))
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    kernel = Kernel(cwd=str(home))
    try:
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"logistic"'))) == [1, "ok"]
        kernel.run(f"process.chdir({json.dumps(str(elsewhere))});")
        # A store that followed the cell into the new folder would start counting again at 1.
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"gbdt"'))) == [2, "warn"]
        assert (home / ".litml" / "state.db").exists()
        assert not (elsewhere / ".litml").exists()
    finally:
        kernel.close()
