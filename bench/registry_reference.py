"""scikit-learn's side of bench/registry.mjs: joblib.dump and joblib.load of a
HistGradientBoostingClassifier fitted on flights-200k (late = delay > 15; distance and
hour), as litml's GBDT is. Prints one JSON object: write and read seconds (fastest of 7)
and the file's bytes."""
import json
import os
import sys
import tempfile
import time

import joblib
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "node_modules", "vega-datasets", "data")


def best(runs, fn):
    fastest, value = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        v = fn()
        fastest = min(fastest, time.perf_counter() - began)
        value = v
    return fastest, value


with threadpool_limits(1):
    flights = pd.read_feather(os.path.join(DATA, "flights-200k.arrow"))
    late = (flights["delay"] > 15).to_numpy().astype(int)
    X = flights[["distance", "time"]].to_numpy(float)
    model = HistGradientBoostingClassifier(max_iter=100, max_bins=255, early_stopping=False).fit(X, late)
    folder = tempfile.mkdtemp(prefix="litml-bench-joblib-")
    target = os.path.join(folder, "gbdt.joblib")
    write, _ = best(7, lambda: joblib.dump(model, target))
    read, loaded = best(7, lambda: joblib.load(target))
    same = bool((loaded.predict_proba(X) == model.predict_proba(X)).all())
    json.dump({"write": write, "read": read, "bytes": os.path.getsize(target), "same": same, "iterations": int(model.n_iter_)}, sys.stdout)
