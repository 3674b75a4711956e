"""References for the guided-analysis benchmarks (issue 4), one thread.

- learning curve: scikit-learn's learning_curve with StandardScaler + LogisticRegression;
- Simpson scan: a straightforward pandas scan (groupby rates, per-group slopes with numpy);
- slices: pandas groupby accuracy by origin with Wilson intervals and Holm correction;
- drift: scipy's Wasserstein and Jensen–Shannon distances per column;
- adversarial validation: HistGradientBoostingClassifier out of fold, with per-fold column shuffles;
- slice discovery: quantile bins and a pandas groupby per column and per pair of columns.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, learning_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from scipy.stats import norm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "node_modules", "vega-datasets", "data")
quick = "--quick" in sys.argv
out = {}


def timed(fn):
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


with threadpool_limits(1):
    flights = pd.read_feather(os.path.join(DATA, "flights-200k.arrow"))
    X = flights[["distance", "time"]].to_numpy(float)
    y = (flights["delay"] > 15).to_numpy().astype(int)
    curve = lambda: learning_curve(make_pipeline(StandardScaler(), LogisticRegression(tol=1e-6)), X, y, train_sizes=[0.1, 0.325, 0.55, 0.775, 1.0], cv=KFold(5, shuffle=True, random_state=0))
    first, (sizes, train, valid) = timed(curve)
    seconds = min([first] + [timed(curve)[0] for _ in range(2)])
    out["learningCurve"] = {"seconds": seconds, "first": first, "validation": valid.mean(axis=1).tolist()}

    table = pd.DataFrame(json.load(open(os.environ["LITML_BENCH_SIMPSON_FILE"])))

    def scan():
        reversals = 0
        pairs = 0
        columns = [c for c in table.columns if c != "outcome"]
        for treatment in columns:
            for by in columns:
                if by == treatment:
                    continue
                pairs += 1
                groups = pd.qcut(table[by], 4, labels=False, duplicates="drop") if pd.api.types.is_numeric_dtype(table[by]) else table[by]
                if not pd.api.types.is_numeric_dtype(table[treatment]):
                    top = table[treatment].value_counts().index[:2]
                    sub = table[table[treatment].isin(top)]
                    overall = sub.groupby(treatment)["outcome"].mean()
                    within = sub.groupby([groups[sub.index], treatment])["outcome"].mean().unstack()
                    agg = np.sign(overall[top[1]] - overall[top[0]])
                    reversals += int(((np.sign(within[top[1]] - within[top[0]]) != agg) & (agg != 0)).any())
                else:
                    agg = np.sign(np.polyfit(table[treatment], table["outcome"], 1)[0])
                    slopes = table.groupby(groups).apply(lambda g: np.polyfit(g[treatment], g["outcome"], 1)[0], include_groups=False)
                    reversals += int((np.sign(slopes) != agg).any())
        return pairs, reversals

    seconds, (pairs, reversals) = timed(scan)
    out["simpsonScan"] = {"seconds": seconds, "pairs": pairs, "reversals": reversals}

    sliced = json.load(open(os.environ["LITML_BENCH_SLICES_FILE"]))

    def discover():
        # The straightforward way: quantile bins, then a groupby per column and per pair of columns.
        frame = pd.DataFrame({name: (pd.qcut(pd.Series(values), 9, labels=False, duplicates="drop") if name.startswith("num") else pd.Series(values)) for name, values in sliced["columns"].items()})
        frame["error"] = sliced["errors"]
        n, mean = len(frame), frame["error"].mean()
        names = [c for c in frame.columns if c != "error"]
        found = []
        for group in [[a] for a in names] + [[a, b] for i, a in enumerate(names) for b in names[i + 1:]]:
            stats = frame.groupby(group)["error"].agg(["sum", "count"])
            stats = stats[stats["count"] >= 2000]
            score = 0.95 * (stats["sum"] / stats["count"] / mean - 1) - 0.05 * (n / stats["count"] - 1)
            found += [(s, group, key) for key, s in score[score > 0].items()]
        return sorted(found, key=lambda f: -f[0])[:10]

    seconds, found = timed(discover)
    out["sliceDiscovery"] = {"seconds": seconds, "top": " and ".join(found[0][1])}

    if not quick:
        big = pd.read_parquet(os.path.join(DATA, "flights-3m.parquet"))
        predicted = np.frombuffer(open(os.environ["LITML_BENCH_PREDICTIONS_FILE"], "rb").read(), dtype=np.int32)
        late = (big["delay"] > 15).to_numpy().astype(int)

        def sliced():
            frame = pd.DataFrame({"origin": big["origin"], "hit": predicted == late})
            stats = frame.groupby("origin", observed=True)["hit"].agg(["sum", "count"])
            p, n = stats["sum"] / stats["count"], stats["count"]
            z = norm.ppf(0.975)
            centre = (p + z * z / (2 * n)) / (1 + z * z / n)
            half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
            rest_hits, rest_n = stats["sum"].sum() - stats["sum"], n.sum() - n
            pooled = (stats["sum"] + rest_hits) / (n + rest_n)
            zscore = (p - rest_hits / rest_n) / np.sqrt(pooled * (1 - pooled) * (1 / n + 1 / rest_n))
            pvalues = np.sort(2 * norm.sf(np.abs(zscore)))
            holm = np.maximum.accumulate(np.minimum(1, pvalues * (len(pvalues) - np.arange(len(pvalues)))))
            return len(stats), centre - half, centre + half, holm

        seconds, (count, *_rest) = timed(sliced)
        out["slices3m"] = {"seconds": seconds, "slices": int(count)}

        from scipy.spatial.distance import jensenshannon
        from scipy.stats import wasserstein_distance
        frame = pd.DataFrame({"delay": big["delay"].astype(float), "distance": big["distance"].astype(float), "origin": big["origin"], "destination": big["destination"], "hour": big["date"].dt.hour.astype(float), "weekday": big["date"].dt.dayofweek.astype(str)})
        early = (big["date"] < "2001-04-01").to_numpy()

        def drift():
            scores = {}
            for column in frame.columns:
                a, b = frame[column][early], frame[column][~early]
                if pd.api.types.is_numeric_dtype(frame[column]):
                    scores[column] = wasserstein_distance(a, b) / a.std(ddof=0)
                else:
                    counts = pd.concat([a.value_counts(), b.value_counts()], axis=1).fillna(0).to_numpy()
                    scores[column] = jensenshannon(counts[:, 0], counts[:, 1], base=2)
            return scores

        seconds, scores = timed(drift)
        out["drift3m"] = {"seconds": seconds, "drifted": int(sum(v > 0.1 for v in scores.values()))}

        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import StratifiedKFold
        month = big["date"].dt.month.to_numpy()
        rows = np.concatenate([np.flatnonzero(month == 1)[:100_000], np.flatnonzero(month == 6)[:100_000]])
        coded = frame.iloc[rows].apply(lambda c: c if pd.api.types.is_numeric_dtype(c) else c.astype("category").cat.codes.astype(float))
        X, source = coded.to_numpy(float), np.repeat([0, 1], 100_000)

        def adversarial():
            # The same recipe as litml's: out-of-fold boosting (50 rounds), then each column shuffled
            # in up to 20,000 of each fold's test rows.
            scores, drops, rng = np.zeros(len(source)), np.zeros(X.shape[1]), np.random.default_rng(0)
            for train, test in StratifiedKFold(3, shuffle=True, random_state=0).split(X, source):
                model = HistGradientBoostingClassifier(max_iter=50, max_bins=255, early_stopping=False).fit(X[train], source[train])
                scores[test] = model.predict_proba(X[test])[:, 1]
                probed = np.sort(rng.permutation(test)[:20_000])
                fold_auc = roc_auc_score(source[probed], scores[probed])
                for c in range(X.shape[1]):
                    shuffled = X[probed].copy()
                    shuffled[:, c] = rng.permutation(shuffled[:, c])
                    drops[c] += (fold_auc - roc_auc_score(source[probed], model.predict_proba(shuffled)[:, 1])) / 3
            return roc_auc_score(source, scores), coded.columns[int(np.argmax(drops))]

        seconds, (auc, top) = timed(adversarial)
        out["adversarial200k"] = {"seconds": seconds, "auc": float(auc), "top": top}

print(json.dumps(out))
