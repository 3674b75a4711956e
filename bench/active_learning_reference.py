"""scikit-learn's side of the active-learning benchmark (issue 12), one thread.

The same simulated loop as litml's activeLearning on flights-200k (late = delay > 15 from
distance and hour): per seed one stratified fold in five held out (at most 10,000 rows
scored), a pool whose labels are read only when picked, the same random start for every
strategy, then rounds of uncertainty (margin), diversity (greedy core-set on standardized
features), combined (core-set over the shortlist × batch most uncertain) and random picks.
The model is StandardScaler + LogisticRegression, or HistGradientBoostingClassifier with
--model gbdt. Prints one JSON object: seconds and each strategy's mean final accuracy.

Usage: python bench/active_learning_reference.py [--start 20 --batch 10 --budget 220 --seeds 5 --model logistic]
"""
import argparse
import json
import os
import time

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "node_modules", "vega-datasets", "data")
parser = argparse.ArgumentParser()
for name, default in [("start", 20), ("batch", 10), ("budget", 220), ("seeds", 5), ("candidates", 10_000), ("shortlist", 10), ("test_rows", 10_000)]:
    parser.add_argument("--" + name.replace("_", "-"), type=int, default=default)
parser.add_argument("--model", default="logistic")
args = parser.parse_args()


def model():
    if args.model == "gbdt":
        return HistGradientBoostingClassifier(max_iter=100)
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0))


def margin(p):
    top = np.sort(p, axis=1)
    return 1 - (top[:, -1] - (top[:, -2] if p.shape[1] > 1 else 0))


def core_set(Z, rows, nearest, count):
    picks = []
    rows = np.asarray(rows)
    Zr = Z[rows]
    d = nearest[rows].copy()
    for _ in range(count):
        best = int(np.argmax(d))
        picks.append(int(rows[best]))
        np.minimum(d, ((Zr - Zr[best]) ** 2).sum(axis=1), out=d)
        d[best] = -np.inf
    nearest[rows] = np.maximum(d, 0)  # picked rows leave the pool; the others keep their lowered distances
    return np.array(picks)


def closer(Z, rows, nearest, picked):
    Zr, d = Z[rows], nearest[rows]
    for p in picked:
        np.minimum(d, ((Zr - Z[p]) ** 2).sum(axis=1), out=d)
    nearest[rows] = d


def loop(X, y, Z, test_X, test_y, order, strategy, rng):
    n = len(X)
    labelled = np.zeros(n, dtype=bool)
    picked = list(order[: args.start])
    labelled[picked] = True
    nearest = np.full(n, np.inf)
    spreads = strategy in ("diversity", "combined")
    if spreads:
        closer(Z, np.flatnonzero(~labelled), nearest, picked)
    scores = []
    while True:
        rows = np.array(picked)
        fitted = model().fit(X[rows], y[rows])  # the labels of the picked rows only
        scores.append(float((fitted.predict(test_X) == test_y).mean()))
        size = min(args.batch, args.budget - len(picked))
        if size <= 0:
            break
        unlabelled = np.flatnonzero(~labelled)
        if strategy == "random":
            new = rng.choice(unlabelled, size, replace=False)
        elif strategy == "diversity":
            new = core_set(Z, unlabelled, nearest, size)
        else:
            candidates = rng.choice(unlabelled, args.candidates, replace=False) if len(unlabelled) > args.candidates else unlabelled
            doubt = margin(fitted.predict_proba(X[candidates]))
            order_ = np.argsort(-doubt, kind="stable")
            if strategy == "uncertainty":
                new = candidates[order_[:size]]
            else:
                new = core_set(Z, candidates[order_[: args.shortlist * size]], nearest, size)
        labelled[new] = True
        picked.extend(int(r) for r in new)
        if strategy == "combined":
            closer(Z, np.flatnonzero(~labelled), nearest, new)
    return scores


with threadpool_limits(1):
    flights = pd.read_feather(os.path.join(DATA, "flights-200k.arrow"))
    X_all = flights[["distance", "time"]].to_numpy(dtype=float)
    y_all = (flights["delay"] > 15).to_numpy().astype(int)
    began, cpu = time.perf_counter(), time.process_time()
    final = {s: [] for s in ("uncertainty", "diversity", "combined", "random")}
    for seed in range(args.seeds):
        train, test = next(StratifiedKFold(5, shuffle=True, random_state=seed).split(X_all, y_all))
        rng = np.random.default_rng(seed)
        if len(test) > args.test_rows:
            test = np.sort(rng.choice(test, args.test_rows, replace=False))
        X, y = X_all[train], y_all[train]
        Z = (X - X.mean(axis=0)) / X.std(axis=0)
        order = rng.permutation(len(X))
        for strategy in final:
            final[strategy].append(loop(X, y, Z, X_all[test], y_all[test], order, strategy, np.random.default_rng(seed * 7919 + 13))[-1])
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "final": {s: float(np.mean(v)) for s, v in final.items()}}))
