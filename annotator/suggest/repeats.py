"""Repeated text: paragraphs and blocks of paragraphs that occur more than once (in one document or
across documents), and near-duplicate documents.

Paragraphs are compared by a hash of their normalised text (case, quotes, dashes and spaces
folded), so wire copy that an outlet re-typeset still matches; `exact` says which occurrences are
identical to the character, the only ones annotations can be copied between. Near-duplicate
documents come from MinHash over word shingles with locality-sensitive hashing (datasketch).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

from datasketch import MinHash, MinHashLSH

from annotator.suggest.text import paragraphs

MIN_CHARS = 40  # shorter paragraphs (menus, "Tags", bylines) repeat without meaning anything
MIN_WORDS = 6
FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                      "\u00a0": " "})
FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD.items())
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Occurrence:
    doc_id: str
    start: int
    end: int
    exact: str  # sha256 of text[start:end]: equal values are identical twins


@dataclass
class Passage:
    id: str  # "p-" or "b-" + sha256 of the normalised text
    kind: str  # "paragraph" or "block" (consecutive repeated paragraphs)
    length: int  # characters of the first occurrence
    occurrences: list[Occurrence] = field(default_factory=list)


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    # str.replace per character is C-fast; str.translate with a dict is ~20x slower on long texts.
    for source, target in FOLD_PAIRS:
        if source in folded:
            folded = folded.replace(source, target)
    return " ".join(folded.casefold().split())


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _paragraph_keys(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each paragraph long enough to count; key "" for the others."""
    out = []
    for region in paragraphs(text):
        chunk = text[region.start : region.end]
        norm = normalise(chunk)
        long_enough = len(norm) >= MIN_CHARS and len(WORD.findall(norm)) >= MIN_WORDS
        out.append((region.start, region.end, _sha(norm) if long_enough else ""))
    return out


def find_repeats(documents: Iterable[tuple[str, str]]) -> list[Passage]:
    """Paragraphs that occur at least twice, and maximal runs of two or more of them that repeat."""
    texts: dict[str, str] = {}
    keyed: dict[str, list[tuple[int, int, str]]] = {}
    where: dict[str, list[tuple[str, int]]] = {}
    for doc_id, text in documents:
        texts[doc_id] = text
        keyed[doc_id] = _paragraph_keys(text)
        for index, (_, _, key) in enumerate(keyed[doc_id]):
            if key:
                where.setdefault(key, []).append((doc_id, index))
    passages: list[Passage] = []
    for key, places in where.items():
        if len(places) < 2:
            continue
        occurrences = []
        for doc_id, index in places:
            start, end, _ = keyed[doc_id][index]
            occurrences.append(Occurrence(doc_id, start, end, _sha(texts[doc_id][start:end])))
        passages.append(Passage("p-" + key, "paragraph", occurrences[0].end - occurrences[0].start, occurrences))
    passages += _blocks(texts, keyed, where)
    passages.sort(key=lambda p: (p.occurrences[0].doc_id, p.occurrences[0].start, p.kind))
    return passages


def _blocks(texts: dict[str, str], keyed: dict[str, list[tuple[int, int, str]]],
            where: dict[str, list[tuple[str, int]]]) -> list[Passage]:
    """Maximal runs of consecutive repeated paragraphs (the same run elsewhere, not overlapping)."""
    runs: set[tuple[str, ...]] = set()
    for doc_id, items in keyed.items():
        keys = [k for _, _, k in items]
        for i, key in enumerate(keys):
            if not key or len(where.get(key, ())) < 2:
                continue
            for other, j in where[key]:
                if (other, j) == (doc_id, i):
                    continue
                okeys = [k for _, _, k in keyed[other]]
                if i > 0 and j > 0 and keys[i - 1] and keys[i - 1] == okeys[j - 1]:
                    continue  # not the start of a maximal run
                length = 0
                while (i + length < len(keys) and j + length < len(okeys) and keys[i + length]
                       and keys[i + length] == okeys[j + length]
                       and not (other == doc_id and i + length >= j > i)):
                    length += 1
                if length >= 2:
                    runs.add(tuple(keys[i : i + length]))
    out = []
    for run in runs:
        occurrences = []
        for doc_id, items in keyed.items():
            keys = [k for _, _, k in items]
            i = 0
            while i + len(run) <= len(keys):
                if tuple(keys[i : i + len(run)]) == run:
                    start, end = items[i][0], items[i + len(run) - 1][1]
                    occurrences.append(Occurrence(doc_id, start, end, _sha(texts[doc_id][start:end])))
                    i += len(run)
                else:
                    i += 1
        if len(occurrences) >= 2:
            first = occurrences[0]
            out.append(Passage("b-" + _sha("".join(run)), "block", first.end - first.start, occurrences))
    return out


def _shingles(text: str, size: int = 5) -> list[int]:
    """32-bit hashes of the word 5-shingles, rolled with numpy instead of joining strings per shingle."""
    words = WORD.findall(normalise(text))
    if not words:
        return []
    table = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
    ids = np.array([table[w] for w in words], dtype=np.uint64)
    if len(ids) < size:
        return [zlib.crc32(" ".join(words).encode("utf-8"))]
    mask, base = np.uint64(0xFFFFFFFF), np.uint64(1_000_003)
    rolled = ids[: len(ids) - size + 1].copy()
    for k in range(1, size):
        rolled = ((rolled * base) & mask) ^ ids[k : len(ids) - size + 1 + k]
    return rolled.tolist()


def near_duplicates(documents: Iterable[tuple[str, str]], threshold: float = 0.7,
                    num_perm: int = 128) -> list[tuple[str, str, float]]:
    """Pairs of documents (a < b) whose word 5-shingle sets have an estimated Jaccard ≥ threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: dict[str, MinHash] = {}
    for doc_id, text in documents:
        shingles = _shingles(text)
        if not shingles:
            continue
        # The shingles are 32-bit hashes already (MinHash keeps 32 bits anyway): no sha1 per shingle.
        sketch = MinHash(num_perm=num_perm, seed=7, hashfunc=int)
        sketch.update_batch(shingles)
        hashes[doc_id] = sketch
        lsh.insert(doc_id, sketch)
    pairs: dict[tuple[str, str], float] = {}
    for doc_id, sketch in hashes.items():
        for other in lsh.query(sketch):
            if other == doc_id:
                continue
            a, b = sorted((doc_id, other))
            similarity = hashes[a].jaccard(hashes[b])
            if similarity >= threshold:
                pairs[(a, b)] = round(float(similarity), 3)
    return sorted((a, b, s) for (a, b), s in pairs.items())
