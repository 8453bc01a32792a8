"""End to end on the seed articles: three simulated annotators, every figure recomputed independently.

The independent side shares nothing with annotator.review: token values by a plain scan of DESIGN.md's
rule, alpha by the `krippendorff` package, kappa by scikit-learn, span F1 by set arithmetic, and α_U
by a literal port of DKPro Agreement's walk over the continuum (KrippendorffAlphaUnitizingAgreement).
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.project import add_span, agreement, set_status

LABELS = ["attributed", "contested", "opinion", "source", "cue"]
LAYERS = ["alice", "bob", "carol"]


@pytest.fixture
def annotated(seeded):
    rng = random.Random(11)
    truth: dict[str, dict[str, set]] = {name: {} for name in LAYERS}
    for doc in seeded.store.list_documents():
        text = seeded.store.get_document(doc["id"]).text
        tokens = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
        base = []
        for _ in range(25):
            i = rng.randrange(len(tokens) - 15)
            base.append((tokens[i][0], tokens[i + rng.randrange(0, 12)][1], rng.choice(LABELS)))
        for name in LAYERS:
            keys = set()
            for start, end, label in base:
                roll = rng.random()
                if roll < 0.12:
                    continue
                if roll < 0.3:
                    end = min(len(text), end + rng.randrange(1, 12))
                if roll > 0.9:
                    label = rng.choice(LABELS)
                keys.add((start, end, label))
                if roll > 0.8:  # a nested span with the same start: exercises "earliest, then longest, then label"
                    inner = [t for t in tokens if start < t[1] < end]
                    keys.add((start, inner[0][1] if inner else end, "cue" if label != "cue" else "source"))
            for start, end, label in sorted(keys):
                add_span(seeded, doc_id=doc["id"], layer=name, start=start, end=end, label=label)
            add_span(seeded, doc_id=doc["id"], layer=name, start=base[0][0], end=base[0][1], label=base[0][2])  # a duplicate
            keys.add(base[0])
            set_status(seeded, doc_id=doc["id"], layer=name, status="done")
            truth[name][doc["id"]] = keys
    return seeded, truth


def naive_values(text, keys):
    out = []
    for m in re.finditer(r"\w+|[^\w\s]", text):
        covering = [k for k in keys if k[0] <= m.start() and m.end() <= k[1]]
        out.append(min(covering, key=lambda k: (k[0], -(k[1] - k[0]), k[2]))[2] if covering else "O")
    return out


def dkpro_alpha_u(units, raters, begin, length):
    """A literal port of DKPro's walk (observed) and gap loop (expected); units (rater, begin, length, category)."""
    def next_unit(items, rater, cat):
        return next((u for u in items if u[0] == rater and u[3] == cat), None)

    def distance(o1, l1, c1, o2, l2, c2):
        bd, ld = o1 - o2, l1 - l2
        if c1 is not None and c2 is not None and -l1 < bd < l2:
            return bd * bd + (bd + ld) * (bd + ld)
        if c1 is not None and c2 is None and -ld >= bd >= 0:
            return l1 * l1
        if c1 is None and c2 is not None and -ld <= bd <= 0:
            return l2 * l2
        return 0.0

    def walk(rater, cat):
        items = iter(sorted((u for u in units if u[0] == rater and u[3] == cat), key=lambda u: u[1]))
        return items, next(items, None)

    cats = sorted({u[3] for u in units})
    d_o, d_e = {}, {}
    for cat in cats:
        total = 0.0
        for r1 in range(raters):
            for r2 in range(r1 + 1, raters):
                it1, n1 = walk(r1, cat)
                it2, n2 = walk(r2, cat)
                o1 = o2 = begin
                l1 = l2 = 0
                c1 = c2 = None
                pos = begin
                while pos < begin + length and (n1 is not None or n2 is not None):
                    if pos == o1 + l1:
                        if n1 is not None and pos == n1[1]:
                            l1, c1, n1 = n1[2], n1[3], next(it1, None)
                        else:
                            l1, c1 = (n1[1] if n1 is not None else begin + length) - pos, None
                        o1 = pos
                    if pos == o2 + l2:
                        if n2 is not None and pos == n2[1]:
                            l2, c2, n2 = n2[2], n2[3], next(it2, None)
                        else:
                            l2, c2 = (n2[1] if n2 is not None else begin + length) - pos, None
                        o2 = pos
                    total += distance(o1, l1, c1, o2, l2, c2)
                    pos = min(o1 + l1, o2 + l2)
        d_o[cat] = 2.0 * total / (raters * (raters - 1) * length * length)
        mine = [u for u in units if u[3] == cat]
        n_c = len(mine)
        squared = sum(u[2] * (u[2] - 1) for u in mine)
        gaps = []
        for r in range(raters):
            it, nxt = walk(r, cat)
            pos = begin
            while pos < begin + length:
                if nxt is not None and pos == nxt[1]:
                    pos, nxt = pos + nxt[2], next(it, None)
                else:
                    gap = (nxt[1] if nxt is not None else begin + length) - pos
                    gaps.append(gap)
                    pos += gap
        result = 0.0
        for u in mine:
            l = u[2]
            result += (n_c - 1) * (2 * l**3 - 3 * l**2 + l) / 3 + l * l * sum(g - l + 1 for g in gaps if g >= l)
        d_e[cat] = result * (2 / length) / (raters * length * (raters * length - 1) - squared)
    return 1 - sum(d_o.values()) / sum(d_e.values()), {c: 1 - d_o[c] / d_e[c] for c in cats}


def test_every_figure_matches_an_independent_computation(annotated):
    import krippendorff

    project, truth = annotated
    report = agreement(project)
    docs = [d["id"] for d in project.store.list_documents()]
    assert (report.layers, report.documents) == (LAYERS, docs)
    texts = {d: project.store.get_document(d).text for d in docs}
    values = {n: [v for d in docs for v in naive_values(texts[d], truth[n][d])] for n in LAYERS}

    codes = {v: i for i, v in enumerate(sorted({v for vs in values.values() for v in vs}))}
    data = np.array([[codes[v] for v in values[n]] for n in LAYERS], dtype=float)
    assert report.token_alpha == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"), abs=1e-6)
    for pair in report.pairs:
        assert pair.token_kappa == pytest.approx(cohen_kappa_score(values[pair.a], values[pair.b]), abs=1e-6)
        a = sum(len(truth[pair.a][d]) for d in docs)
        b = sum(len(truth[pair.b][d]) for d in docs)
        matches = sum(len(truth[pair.a][d] & truth[pair.b][d]) for d in docs)
        assert pair.span_f1_exact == pytest.approx(2 * matches / (a + b), abs=1e-12)
    for label, figures in report.per_label.items():
        binary = np.array([[float(v == label) for v in values[n]] for n in LAYERS])
        assert figures.token_alpha == pytest.approx(krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal"), abs=1e-6)

    # α_U: documents end to end, overlapping spans of one label in one layer merged (α_U needs disjoint units).
    units, offset = [], 0
    for d in docs:
        for r, name in enumerate(LAYERS):
            for label in LABELS:
                merged = []
                for s, e in sorted((s, e) for s, e, lab in truth[name][d] if lab == label):
                    if merged and s < merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], e)
                    else:
                        merged.append([s, e])
                units += [(r, s + offset, e - s, label) for s, e in merged]
        offset += len(texts[d])
    overall, per = dkpro_alpha_u(units, len(LAYERS), 0, offset)
    assert report.unitizing_alpha == pytest.approx(overall, abs=1e-9)
    for label, figures in report.per_label.items():
        assert figures.unitizing_alpha == pytest.approx(per[label], abs=1e-9)
