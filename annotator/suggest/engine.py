"""The suggestion engine: a document's text in, proposed cues, sources, claims and links out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.suggest.classify import categorise
from annotator.suggest.cues import CUE_WORDS
from annotator.suggest.rules import Attribution, Paragraph, continuation
from annotator.suggest.text import paragraphs

RANK = {"contested": 2, "opinion": 1, "attributed": 0}
DET_AFTER_AND = re.compile(r"\s+and\s+(?=(?:the|his|her|its|their|a|an)\s)")
WORDS = re.compile(r"\w+")
QUOTE_MARKS = re.compile(r"[\"“”„«»‘’']")
TWO_NAMES = re.compile(r"^(?:Both\s+)?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)\s+and\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)$")


@dataclass(frozen=True)
class SuggestedSpan:
    key: str  # stable within one run: "label:start:end"
    start: int
    end: int
    label: str
    confidence: float
    rule: str


@dataclass(frozen=True)
class SuggestedLink:
    head: str  # span keys
    tail: str
    label: str
    confidence: float
    rule: str


@dataclass
class Suggestions:
    spans: list[SuggestedSpan] = field(default_factory=list)
    links: list[SuggestedLink] = field(default_factory=list)
    cue_claims: dict[str, list[str]] = field(default_factory=dict)  # cue key -> the claims it introduces

    def by_label(self, label: str) -> list[SuggestedSpan]:
        return [s for s in self.spans if s.label == label]


def split_sources(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """ "the Kremlin and the White House" → two sources; "Minister of Foreign Affairs and Trade" stays one."""
    start, end = span
    chunk = text[start:end]
    if m := TWO_NAMES.match(chunk):
        return [(start + m.start(1), start + m.end(1)), (start + m.start(2), start + m.end(2))]
    parts, cursor = [], 0
    for m in DET_AFTER_AND.finditer(chunk):
        parts.append((start + cursor, start + m.start()))
        cursor = m.end()
    if not parts:
        return [span]
    parts.append((start + cursor, end))
    out = []
    for a, b in parts:
        if text[a:b].startswith(("Both ", "both ")):
            a += 5
        out.append((a, b))
    return out


def _classify(text: str, att: Attribution) -> Attribution:
    category, reason = categorise(att.category, att.lemma, text[att.claim[0] : att.claim[1]])
    att.category = category
    if reason != "default":
        att.rule = f"{att.rule}/{category}-by-{reason}"
    if category == "contested" and att.rule.split("/")[0] != "noun":
        att.disputers, att.sources = att.sources, []
    return att


NESTED_KEPT = {"say", "tell", "report", "write", "announce", "state"}


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """A frame inside another claim ("stated that troops maintain …", "said he believes …") is mostly
    the speaker's own wording; keep it under "according to" or when it is a full report of saying."""
    kept = []
    for att in found:
        if not att.cues or att.from_quote:
            kept.append(att)
            continue
        cue = att.cues[0][0]
        outer = [o for o in found if o is not att and o.claim[0] <= cue < o.claim[1] and o.claim != att.claim]
        if not outer:
            kept.append(att)
            continue
        under_according = any(o.rule.startswith("according-to") for o in outer)
        long_enough = len(att.claim and range(*att.claim)) > 0 and att.claim[1] - att.claim[0] >= 25
        if under_according or (att.lemma in NESTED_KEPT and long_enough):
            att.confidence -= 0.1
            kept.append(att)
    return kept


def _merge(found: list[Attribution]) -> list[Attribution]:
    """One attribution per claim span: two cues for one claim ("disputed Trump's claim that …") join."""
    merged: dict[tuple[int, int], Attribution] = {}
    for att in found:
        same = merged.get(att.claim)
        if same is None:
            merged[att.claim] = att
            continue
        same.cues += [c for c in att.cues if c not in same.cues]
        same.sources += [s for s in att.sources if s not in same.sources and s not in same.disputers]
        same.disputers += [s for s in att.disputers if s not in same.disputers]
        same.sources = [s for s in same.sources if s not in same.disputers]
        if RANK[att.category] > RANK[same.category]:
            same.category = att.category
        if att.confidence > same.confidence:
            same.confidence, same.rule = att.confidence, att.rule
    return list(merged.values())


def attributions(text: str) -> list[Attribution]:
    """Every attribution the rules find, classified and merged, in text order."""
    found: list[Attribution] = []
    last: Attribution | None = None
    for region in paragraphs(text):
        chunk = text[region.start : region.end]
        if not QUOTE_MARKS.search(chunk) and CUE_WORDS.isdisjoint(w.lower() for w in WORDS.findall(chunk)):
            last = None  # no cue and no quotation: nothing to read here
            continue
        para = Paragraph(text, region)
        here = para.attributions()
        here += continuation(para, here, last)
        here.sort(key=lambda a: a.claim)
        with_source = [a for a in here if a.sources]
        last = with_source[-1] if with_source and with_source[-1] is here[-1] else None
        found += here
    return sorted(_merge(_drop_nested([_classify(text, a) for a in found])), key=lambda a: a.claim)


def suggest_text(text: str) -> Suggestions:
    """Proposed spans and links for one document; offsets are code points into `text`."""
    spans: dict[str, SuggestedSpan] = {}
    links: dict[tuple[str, str, str], SuggestedLink] = {}
    cue_claims: dict[str, list[str]] = {}

    def add(start: int, end: int, label: str, confidence: float, rule: str) -> str:
        key = f"{label}:{start}:{end}"
        old = spans.get(key)
        if old is None or old.confidence < confidence:
            spans[key] = SuggestedSpan(key, start, end, label, round(confidence, 2), rule)
        return key

    for att in attributions(text):
        rule, confidence = att.rule, max(0.05, min(0.99, att.confidence))
        claim = add(*att.claim, att.category, confidence, rule)
        for cue in att.cues:
            key = add(*cue, "cue", confidence, rule)
            if claim not in cue_claims.setdefault(key, []):
                cue_claims[key].append(claim)
        for role, group in (("said_by", att.sources), ("disputed_by", att.disputers)):
            for source in group:
                for part in split_sources(text, source):
                    tail = add(*part, "source", confidence, rule)
                    links.setdefault((claim, tail, role), SuggestedLink(claim, tail, role, round(confidence, 2), rule))
    ordered = sorted(spans.values(), key=lambda s: (s.start, s.end, s.label))
    return Suggestions(ordered, list(links.values()), cue_claims)
