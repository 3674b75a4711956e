"""scikit-learn's and pandas's side of the core benchmarks (issue 3), one thread.

Prints one JSON object shaped like bench/core.mjs's. Usage: python bench/core_reference.py [--quick]
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import KFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "node_modules", "vega-datasets", "data")
quick = "--quick" in sys.argv


def best(runs, fn):
    fastest, value = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        v = fn()
        seconds = time.perf_counter() - began
        if seconds < fastest:
            fastest, value = seconds, v
    return fastest, value


out = {}
with threadpool_limits(1):
    flights = pd.read_feather(os.path.join(DATA, "flights-200k.arrow"))
    late = (flights["delay"] > 15).to_numpy().astype(int)
    X = flights[["distance", "time"]].to_numpy(float)
    Xs = StandardScaler().fit_transform(X)

    seconds, model = best(3, lambda: LogisticRegression(C=1.0, tol=1e-6).fit(Xs, late))
    out["logisticFit"] = {"seconds": seconds, "coefficients": model.coef_[0].tolist(), "auc": roc_auc_score(late, model.predict_proba(Xs)[:, 1])}

    cv = KFold(5, shuffle=True, random_state=0)
    seconds, scores = best(2, lambda: cross_val_score(make_pipeline(StandardScaler(), LogisticRegression(tol=1e-6)), X, late, cv=cv, scoring="accuracy"))
    out["cv5"] = {"seconds": seconds, "accuracy": float(np.mean(scores))}

    gb = lambda: HistGradientBoostingClassifier(max_iter=100, max_bins=255, early_stopping=False).fit(X, late)
    seconds, model = best(3, gb)
    out["gbdtFit"] = {"seconds": seconds, "auc": roc_auc_score(late, model.predict_proba(X)[:, 1])}

    knn = KNeighborsClassifier(5).fit(Xs[10000:], late[10000:])
    seconds, predicted = best(3, lambda: knn.predict(Xs[:10000]))
    out["knnPredict"] = {"seconds": seconds, "accuracy": accuracy_score(late[:10000], predicted)}

    if not quick:
        import resource
        began = time.perf_counter()
        big = pd.read_parquet(os.path.join(DATA, "flights-3m.parquet"))
        out["load3m"] = {"seconds": time.perf_counter() - began, "rssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}
        date = big["date"]
        features = pd.DataFrame({
            "distance": big["distance"].astype(float),
            "hour": date.dt.hour.astype(float),
            "weekday": date.dt.dayofweek.astype(float),
            "origin": big["origin"].astype("category").cat.codes.astype(float),
            "destination": big["destination"].astype("category").cat.codes.astype(float),
        }).to_numpy()
        late3 = (big["delay"] > 15).to_numpy().astype(int)
        began = time.perf_counter()
        model = HistGradientBoostingClassifier(max_iter=100, max_bins=255, early_stopping=False).fit(features, late3)
        out["gbdt3m"] = {"seconds": time.perf_counter() - began, "auc": roc_auc_score(late3, model.predict_proba(features)[:, 1])}
        predicted = model.predict(features)
        frame = pd.DataFrame({"origin": big["origin"], "hit": predicted == late3})
        seconds, table = best(3, lambda: frame.groupby("origin", observed=True)["hit"].agg(["mean", "count"]))
        out["groupByOrigin"] = {"seconds": seconds, "groups": len(table)}

print(json.dumps(out))
