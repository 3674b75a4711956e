"""What the .litml/ store keeps across a real kernel restart: test-set looks and the framing card."""
import json
import time

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


def test_a_look_cut_short_by_a_hard_restart_is_counted_once(tmp_path, monkeypatch):
    monkeypatch.setenv("LITML_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "lesson.ipynb"))
    kernel = Kernel()
    try:
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"logistic"'))) == [1, "ok"]
        # Killed at different moments of the same evaluation (during the fit, around the
        # look's write): whether or not the dead kernel recorded it, running it again is
        # one look, not a new one.
        for delay in (0.2, 0.5, 0.8):
            kernel.kc.execute(LOOK.replace("MODEL", '"gbdt"'))
            time.sleep(delay)
            kernel.km.restart_kernel(now=True)
            kernel.kc.wait_for_ready(timeout=120)
            assert json.loads(kernel.value(LOOK.replace("MODEL", '"gbdt"'))) == [2, "warn"], delay
        # A model not seen before is the next look.
        assert json.loads(kernel.value(LOOK.replace("MODEL", '"tree"'))) == [3, "warn"]
    finally:
        kernel.close()
