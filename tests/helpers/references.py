"""Reference pipelines shared by the Python snippets of the tests (imported as `references`)."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

PENGUIN_NUMBERS = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]


def penguins(path):
    """The penguins table with litml's missing-value rule ("." is missing)."""
    return pd.read_json(path).replace({".": np.nan, None: np.nan})


def penguin_pipeline(estimator):
    """What litml's default pipeline does: median imputation with indicators, one-hot with a rare bucket, scaling."""
    features = ColumnTransformer([
        ("num", SimpleImputer(strategy="median", add_indicator=True), PENGUIN_NUMBERS),
        ("cat", OneHotEncoder(min_frequency=5, handle_unknown="infrequent_if_exist"), ["Island", "Sex"]),
    ])
    return make_pipeline(features, StandardScaler(), estimator)


def logistic_out_of_fold(X, y, folds):
    """Out-of-fold probabilities of the second class from litml's default logistic pipeline (scaling, C = 1), fitted tightly."""
    from sklearn.linear_model import LogisticRegression

    X, y = np.asarray(X, dtype=float), np.asarray(y)
    scores = np.zeros(len(y))
    for test in folds:
        train = np.setdiff1d(np.arange(len(y)), test)
        scaler = StandardScaler().fit(X[train])
        model = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(scaler.transform(X[train]), y[train])
        scores[test] = model.predict_proba(scaler.transform(X[test]))[:, 1]
    return scores


def dawid_skene(L, K=2, a=0.01, iterations=500):
    """Dawid and Skene (1979) EM over a label matrix (rows x functions, -1 abstains): E and M
    steps row by row, abstaining as one of each function's outcomes, smoothed by `a`.
    Returns the class probabilities, the class priors, each function's outcome table per
    class and the iterations run."""
    n, m = L.shape
    T = np.stack([(L == k).sum(1) for k in range(K)], 1).astype(float)
    s = T.sum(1, keepdims=True)
    T = np.where(s > 0, T / np.maximum(s, 1), 1 / K)
    prev = -np.inf
    for it in range(1, iterations + 1):
        w = T.sum(0)
        pi = (w + a) / (n + K * a)
        th = np.empty((m, K, K + 1))
        for j in range(m):
            for v in range(-1, K):
                th[j, :, v + 1] = T[L[:, j] == v].sum(0) + a
            th[j] /= (w + a * (K + 1))[:, None]
        lt = np.log(pi)[None, :] + sum(np.log(th[j][:, L[:, j] + 1]).T for j in range(m))
        top = lt.max(1, keepdims=True)
        z = np.exp(lt - top)
        ll = float((top[:, 0] + np.log(z.sum(1))).mean())
        T = z / z.sum(1, keepdims=True)
        if abs(ll - prev) < 1e-9:
            break
        prev = ll
    return T, pi, th, it
