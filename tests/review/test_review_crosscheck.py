"""Token kappa and alpha against independent implementations (scikit-learn, nltk, krippendorff) to 1e-6."""

from __future__ import annotations

import random

import numpy as np
import pytest
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

from annotator.review.agreement import compute_agreement
from annotator.review.data import ReviewDocument, spans_from_keys
from annotator.review.tokens import token_labels

LABELS = ["attributed", "contested", "opinion", "source", "cue"]
LAYERS = ["ann", "bob", "cyd"]


def corpus(seed: int, docs: int = 12) -> tuple[list[ReviewDocument], dict[str, list[str]]]:
    """Random documents where the layers mostly agree (copied spans, some moved, dropped, relabelled)."""
    rng = random.Random(seed)
    out, values = [], {name: [] for name in LAYERS}
    for d in range(docs):
        text = " ".join(rng.choice(["Putin", "said", "that", "talks", "failed", ",", ".", "Ushakov", "über"]) for _ in range(60))
        base = []
        for _ in range(6):
            start = rng.randrange(len(text) - 20)
            base.append((start, start + rng.randrange(2, 40), rng.choice(LABELS)))
        spans = {}
        for name in LAYERS:
            keys = []
            for s, e, label in base:
                roll = rng.random()
                if roll < 0.15:
                    continue
                if roll < 0.3:
                    s, e = max(0, s + rng.randrange(-3, 4)), e + rng.randrange(-3, 4)
                if roll > 0.9:
                    label = rng.choice(LABELS)
                keys.append((s, max(e, s + 1), label))
            spans[name] = spans_from_keys(f"d{d}", name, keys, prefix=f"{d}{name}")
            values[name] += token_labels(text, keys)
        out.append(ReviewDocument.build(f"d{d}", text, spans))
    return out, values


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_token_alpha_matches_krippendorff_package(seed):
    import krippendorff  # test-only cross-check (GPL-3, never a runtime dependency)

    docs, values = corpus(seed)
    report = compute_agreement(docs, LAYERS, schema_labels=LABELS)
    codes = {v: i for i, v in enumerate(sorted({v for vs in values.values() for v in vs}))}
    data = np.array([[codes[v] for v in values[name]] for name in LAYERS], dtype=float)
    assert report.token_alpha == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"), abs=1e-6)
    for label, figures in report.per_label.items():
        binary = np.array([[float(v == label) for v in values[name]] for name in LAYERS])
        if binary.sum() == 0:
            assert figures.token_alpha is None
            continue
        expected = krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal")
        assert figures.token_alpha == pytest.approx(expected, abs=1e-6)


def test_token_alpha_matches_nltk():
    docs, values = corpus(4, docs=4)
    report = compute_agreement(docs, LAYERS)
    task = AnnotationTask(data=[(name, i, v) for name in LAYERS for i, v in enumerate(values[name])])
    assert report.token_alpha == pytest.approx(task.alpha(), abs=1e-6)


@pytest.mark.parametrize("seed", [5, 6])
def test_token_kappa_matches_scikit_learn(seed):
    docs, values = corpus(seed)
    report = compute_agreement(docs, LAYERS, schema_labels=LABELS)
    for pair in report.pairs:
        assert pair.token_kappa == pytest.approx(cohen_kappa_score(values[pair.a], values[pair.b]), abs=1e-6)
    for label, figures in report.per_label.items():
        for pair in figures.pairs:
            a = [v == label for v in values[pair.a]]
            b = [v == label for v in values[pair.b]]
            if pair.token_kappa is not None:
                assert pair.token_kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-6)
