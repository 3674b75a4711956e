"""Fault injection (issue 18): over a hundred bad inputs sent through jupyter_client as a
hostile user would (the twenty interrupts at random moments are in test_faults.py). Every
bad input must come back as a LitmlError that says what to do, and the kernel must never
die and keep its variables."""

# What a message that helps says: what was expected, the closest name, the usage, or the fix.
# (Listing the valid columns, models or the card's line format is the fix too.)
GUIDANCE = ("expected", "Did you mean", "Usage", "Give", "Pass", "Use ", "use ", "Choose", "Check", "Drop", "Fix", "needs", "must", "Keep", "Remove", "select", "at most", "at least", "lists", "The columns are", "Models:", "Paths are relative", '"key: value"', "pass the path")

ANALYSES = {
    "baseline": "penguins --target Species",
    "learning_curve": "penguins --target Species",
    "overfit_check": "penguins --target Species",
    "slices": "penguins --target Species --by Island",
    "errors": "penguins --target Species",
    "thresholds": "penguins --target Sex",
    "fairness": "penguins --target Sex --sensitive Island",
    "invariance": "penguins --target Sex --sensitive Island",
    "leakage": "penguins --target Species",
    "outliers": "penguins",
    "profile": "penguins",
    "backtest": "seattle-weather --target temp_max --time date",
}


def bad_inputs():
    """Each analysis with each kind of mistake, plus mistakes in data and files."""
    cases = []
    for magic, good in ANALYSES.items():
        data, rest = good.split(" ", 1) if " " in good else (good, "")
        cases += [
            f"%{magic} {good} --no-such-option 1",
            f"%{magic} pengiuns {rest}",
            f"%{magic} {{[]}} {rest}",
            f"%{magic} {{42}} {rest}",
            f"%{magic} {good} --folds many" if magic not in ("profile", "overfit_check") else f"%{magic} {good} --seed many",
        ]
        if "--target" in good:
            cases += [
                f"%{magic} {data} --target NoSuchColumn",
                f"%{magic} {data} --target Spcies",
            ]
        if magic not in ("profile", "outliers", "overfit_check", "backtest"):
            cases += [f"%{magic} {good} --folds 1", f"%{magic} {good} --folds {{-3}}"]
        if magic in ("baseline", "slices", "errors", "thresholds", "fairness", "invariance", "learning_curve", "backtest", "overfit_check"):
            cases += [
                f"%{magic} {good} --model forest",
                f"%{magic} {good} --model logistic --params '{{\"c\": 1}}'",
                f"%{magic} {good} --params C=1",
            ]
    cases += [
        "%backtest seattle-weather --target temp_max --time date --window rolling",
        "%backtest seattle-weather --target temp_max --time weather",
        "%thresholds penguins --target Sex --costs 5",
        "%thresholds penguins --target Sex --positive Males",
        "%thresholds penguins --target Species",
        "%simpson penguins",
        "%simpson penguins --outcome Species --treatment Island",
        "%slices penguins --target Species",
        "%slices penguins --target Species --by Island,Sex,Species",
        "%drift penguins",
        "%drift penguins cars",
        "%adversarial penguins",
        "%fairness penguins --target Sex",
        "%frame card-that-does-not-exist.yaml",
        "%%frame\nmetric: acuracy",
        "%%frame\nmetric: accuracy\nsuccess: 2",
        "%%frame\nmin gain: -1",
        "%%frame\nmetric: accuracy\nmetric: f1",
        "%%frame\nnot a key value line",
        "%nosuchmagic penguins",
        "%help nosuchmagic",
        '%profile penguins --target "Species',
        'await litml.load("/no/such/file.csv")',
        'await litml.load("/etc")',
        'await litml.load("data.xlsx")',
        "await litml.frame(42 as never)",
        "await litml.baseline(\"penguins\", 7 as never)",
        "await litml.slices(\"penguins\", { target: \"Species\", by: \"Island\", card: { metric: \"auc\" } } as never)",
        "await litml.crossValidate(\"penguins\", { target: \"Species\", split: \"random\" } as never)",
        "await litml.holdout(\"penguins\", { testSize: 2 })",
    ]
    return cases


def test_over_a_hundred_bad_inputs_each_fail_as_a_litml_error_that_says_what_to_do(kernel):
    cases = bad_inputs()
    assert len(cases) >= 100, len(cases)
    kernel.run("const keptValue = 'kept';")
    unclear = []
    for code in cases:
        reply, outputs = kernel.run(code, timeout=120)
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        if len(errors) != 1:
            unclear.append((code, "no error" if not errors else "several errors", ""))
            continue
        error = errors[0]
        if error["ename"] != "LitmlError" or not any(word in error["evalue"] for word in GUIDANCE):
            unclear.append((code, error["ename"], error["evalue"][:200]))
    assert unclear == [], "\n".join(f"{code!r}: {ename}: {evalue}" for code, ename, evalue in unclear)
    assert kernel.km.is_alive()
    reply, outputs = kernel.run("keptValue")
    assert [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"] == "kept"
