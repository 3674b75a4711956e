"""Snorkel's numbers on the label matrix of labeling-matrix.mjs, kept as a fixture for tests/label/labeling.test.ts.

Snorkel needs torch, so it is not in the project's venv: run it from a venv that has it,
    OMP_NUM_THREADS=1 /tmp/peers/bin/python tests/references/snorkel_labeling.py /tmp/labeling-matrix.json
which rewrites tests/references/snorkel-labeling.json (the matrix, the gold labels and Snorkel's results).
"""
import json, sys
from importlib.metadata import version
import numpy as np
from snorkel.labeling import LFAnalysis
from snorkel.labeling.model import LabelModel, MajorityLabelVoter

d = json.load(open(sys.argv[1]))
L = np.array(d["L"]); y = np.array(d["y"])
summary = LFAnalysis(L).lf_summary(Y=y)
analysis = LFAnalysis(L)
model = LabelModel(cardinality=2, verbose=False)
model.fit(L, n_epochs=500, seed=0, log_freq=500, progress_bar=False)
covered = (L != -1).any(axis=1)
predicted = model.predict(L, tie_break_policy="abstain")
proba = model.predict_proba(L)
mv = MajorityLabelVoter(cardinality=2).predict(L, tie_break_policy="abstain")
out = {
    "source": "snorkel " + version("snorkel") + ", torch " + version("torch") + ", numpy " + version("numpy"),
    "rows": ["".join("." if v < 0 else str(v) for v in row) for row in L.tolist()],
    "gold": y.tolist(),
    "coverage": analysis.lf_coverages().tolist(),
    "overlap": analysis.lf_overlaps().tolist(),
    "conflict": analysis.lf_conflicts().tolist(),
    "empiricalAccuracy": analysis.lf_empirical_accuracies(y).tolist(),
    "correct": summary["Correct"].tolist(),
    "labelCoverage": float(analysis.label_coverage()),
    "labelOverlap": float(analysis.label_overlap()),
    "labelConflict": float(analysis.label_conflict()),
    "labelModelAccuracies": model.get_weights().tolist(),
    "labelModelPredictions": predicted.tolist(),
    "labelModelProbabilitySpam": proba[:, 1].round(6).tolist(),
    "labelModelCoveredAccuracy": float((predicted[covered] == y[covered]).mean()),
    "majorityVote": mv.tolist(),
}
json.dump(out, open(sys.argv[2] if len(sys.argv) > 2 else "tests/references/snorkel-labeling.json", "w"))
print(out["source"], out["labelModelCoveredAccuracy"])
