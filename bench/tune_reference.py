"""scikit-learn's side of bench/tune.mjs: cross_val_score and GridSearchCV with n_jobs=-1 on litml's folds.

Usage: python bench/tune_reference.py INPUT.json (X columns, y, folds as [train, test] index lists, the C grid).
"""
import json
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

d = json.load(open(sys.argv[1]))
X, y = np.array(d["X"], dtype=float).T, np.array(d["y"])
folds = [(np.array(tr, dtype=np.int64), np.array(te, dtype=np.int64)) for tr, te in d["folds"]]
pipeline = make_pipeline(StandardScaler(), LogisticRegression())


def timed(fn):
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


out = {}
runs = [timed(lambda: cross_val_score(pipeline, X, y, cv=folds, scoring="accuracy", n_jobs=-1)) for _ in range(3)]
seconds, scores = min(runs, key=lambda r: r[0])
out["cv5"] = {"seconds": seconds, "accuracy": float(np.mean(scores))}
runs = [timed(lambda: GridSearchCV(pipeline, {"logisticregression__C": d["grid"]}, cv=folds, scoring="neg_log_loss", n_jobs=-1).fit(X, y)) for _ in range(2)]
seconds, search = min(runs, key=lambda r: r[0])
out["grid"] = {"seconds": seconds, "best": search.best_params_["logisticregression__C"], "score": -float(search.best_score_), "means": (-search.cv_results_["mean_test_score"]).tolist()}
print(json.dumps(out))
