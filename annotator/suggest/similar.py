"""The same claim told in other words: TF-IDF similarity between claim texts (scikit-learn).

Character n-grams within word boundaries (3–5) catch the same claim across outlets despite
inflection and spelling ("normalizing"/"normalising", "Kiev"/"Kyiv"); word unigrams and bigrams
weigh the content words. Nothing is downloaded: the vocabulary is built from the claims themselves.
"""

from __future__ import annotations

from typing import Sequence

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer


def _vectors(texts: Sequence[str]):
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True,
                            stop_words="english", token_pattern=r"(?u)\b\w+\b")
    parts = [chars.fit_transform(texts)]
    try:
        parts.append(words.fit_transform(texts))
    except ValueError:  # only stop words: the character view alone
        pass
    matrix = hstack(parts).tocsr() if len(parts) > 1 else parts[0]
    # Each view is unit length; rescale the sum so that cosine similarity stays in [0, 1].
    return matrix / (len(parts) ** 0.5)


def rank_similar(query: str, candidates: Sequence[str], *, top: int = 10,
                 min_score: float = 0.1) -> list[tuple[int, float]]:
    """Indexes of the candidates most like the query, best first, with cosine scores ≥ min_score."""
    if not candidates or not query.strip():
        return []
    matrix = _vectors([query, *candidates])
    scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))
    return [(i, round(float(scores[i]), 3)) for i in order[:top] if scores[i] >= min_score]
