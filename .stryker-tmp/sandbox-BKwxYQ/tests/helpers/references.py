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
