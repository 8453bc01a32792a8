"""Awkward documents for the export tests: emoji (skin tones, flags, ZWJ), CRLF-normalised text, combining
marks, right-to-left text, a span starting with '=', overlapping and nested spans, notes and relations.

`awkward_items()` builds them without a project (formatter tests); `build_project(path)` puts the same
into a project file through the service API, importing the text from a CRLF file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document, LayerKind, Relation, Span

RAW = (
    'Ushakov said 👍🏽 that "Putin 🇺🇦 congratulated Trump".\r\n'
    "=SUM(A1) is not a formula, said the cafe\u0301 owner 👩🏾\u200d💻.\r\n"
    "\u05e9\u05dc\u05d5\u05dd: the mayor \u05d3\u05d5\u05d3 claimed peace is near.\r\n"
    "India disputed the claim that Modi agreed 🏳️\u200d🌈.\r\n"
)
TEXT = RAW.replace("\r\n", "\n")
PLAIN = "Officials said the talks were productive.\n"
DOC_ID, PLAIN_ID, BARE_ID = "awkward-1", "plain-2", "untouched-3"
BARE_TEXT = "Nobody has annotated this one yet.\n"


@dataclass(frozen=True)
class S:
    """A span by its text (the n-th occurrence), so offsets are computed, never typed."""

    key: str
    find: str
    label: str
    note: str = ""
    nth: int = 0
    attrs: tuple = ()

    def offsets(self, text: str) -> tuple[int, int]:
        at = -1
        for _ in range(self.nth + 1):
            at = text.index(self.find, at + 1)
        return at, at + len(self.find)


ALICE = [
    S("src", "Ushakov", "source"),
    S("cue", "said", "cue"),
    S("claim", 'Putin 🇺🇦 congratulated Trump', "attributed", note="check 👍🏽\nsecond line", attrs=(("certainty", "high"),)),
    S("trump", "Trump", "source"),  # nested in the claim
    S("across", 'congratulated Trump".\n=SUM(A1)', "opinion"),  # crosses a line break, overlaps two claims
    S("formula", "=SUM(A1) is not a formula", "opinion", note="=1+1"),
    S("owner", "the cafe\u0301 owner 👩🏾\u200d💻", "source"),
    S("mayor", "the mayor \u05d3\u05d5\u05d3", "source"),
    S("peace", "peace is near", "attributed"),
    S("claime", "claime", "cue"),  # not on a token boundary
    S("india", "India", "source"),
    S("modi", "Modi agreed 🏳️\u200d🌈", "contested"),
]
ALICE_LINKS = [("claim", "src", "said_by"), ("peace", "mayor", "said_by"), ("modi", "india", "disputed_by")]
GOLD = [
    S("src", "Ushakov", "source"),
    S("claim", 'Putin 🇺🇦 congratulated Trump', "attributed"),
    S("modi", "Modi agreed 🏳️\u200d🌈", "contested"),
    S("india", "India", "source"),
]
GOLD_LINKS = [("claim", "src", "said_by"), ("modi", "india", "disputed_by")]
PLAIN_ALICE = [S("officials", "Officials", "source"), S("said", "said", "cue"), S("talks", "the talks were productive", "attributed")]
PLAIN_LINKS = [("talks", "officials", "said_by")]
BOB = [S("ush", "Ushakov", "source")]  # bob's layer is in progress: not exported by default


def _item(doc: Document, layer: str, specs: list[S], links: list, status: str = "done",
          kind: LayerKind = LayerKind.ANNOTATOR) -> AnnotatedDocument:
    ids = {spec.key: f"{layer}-{doc.id}-{spec.key}" for spec in specs}
    spans = [
        Span(ids[spec.key], doc.id, layer, *spec.offsets(doc.text), spec.label, spec.note, dict(spec.attrs))
        for spec in specs
    ]
    rels = [Relation(f"{layer}-{doc.id}-r{i}", doc.id, layer, ids[h], ids[t], label) for i, (h, t, label) in enumerate(links)]
    return AnnotatedDocument(doc, layer, status, spans, rels, kind)


def documents() -> list[Document]:
    return [
        Document(DOC_ID, TEXT, {"title": "Awkward", "outlet": "Test"}),
        Document(PLAIN_ID, PLAIN, {"title": "Plain"}),
        Document(BARE_ID, BARE_TEXT, {"title": "Bare"}),
    ]


def awkward_items() -> list[AnnotatedDocument]:
    """The done layers, as the service selects them for `--layer all` (no bare document, no bob)."""
    doc, plain, _ = documents()
    return [
        _item(doc, "alice", ALICE, ALICE_LINKS),
        _item(doc, "gold", GOLD, GOLD_LINKS, kind=LayerKind.GOLD),
        _item(plain, "alice", PLAIN_ALICE, PLAIN_LINKS),
    ]


def expected(layer: str, doc_id: str = DOC_ID) -> set[tuple[int, int, str, str]]:
    """(start, end, label, note) of a layer's spans in a document."""
    text = {DOC_ID: TEXT, PLAIN_ID: PLAIN}[doc_id]
    specs = {("alice", DOC_ID): ALICE, ("gold", DOC_ID): GOLD, ("alice", PLAIN_ID): PLAIN_ALICE}[(layer, doc_id)]
    return {(*spec.offsets(text), spec.label, spec.note) for spec in specs}


def expected_links(layer: str, doc_id: str = DOC_ID) -> set[tuple[tuple[int, int, str], tuple[int, int, str], str]]:
    """Relations as ((head start, end, label), (tail start, end, label), label)."""
    text = {DOC_ID: TEXT, PLAIN_ID: PLAIN}[doc_id]
    specs, links = {
        ("alice", DOC_ID): (ALICE, ALICE_LINKS), ("gold", DOC_ID): (GOLD, GOLD_LINKS), ("alice", PLAIN_ID): (PLAIN_ALICE, PLAIN_LINKS),
    }[(layer, doc_id)]
    by_key = {spec.key: (*spec.offsets(text), spec.label) for spec in specs}
    return {(by_key[h], by_key[t], label) for h, t, label in links}


def build_project(path: Path, folder: Path):
    """A project file holding the awkward documents, the text imported from CRLF files."""
    from annotator import project as service

    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{DOC_ID}.txt").write_bytes(RAW.encode("utf-8"))
    (folder / f"{PLAIN_ID}.txt").write_bytes(PLAIN.replace("\n", "\r\n").encode("utf-8"))
    (folder / f"{BARE_ID}.txt").write_bytes(BARE_TEXT.encode("utf-8"))
    proj = service.Project.create(path)
    report = service.import_files(proj, sorted(folder.glob("*.txt")))
    assert report.ok, report.errors
    plan = [
        (DOC_ID, "alice", ALICE, ALICE_LINKS, "done"), (DOC_ID, "gold", GOLD, GOLD_LINKS, "done"),
        (PLAIN_ID, "alice", PLAIN_ALICE, PLAIN_LINKS, "done"), (DOC_ID, "bob", BOB, [], "in progress"),
    ]
    for doc_id, layer, specs, links, status in plan:
        text = service.document(proj, doc_id).text
        ids = {}
        for spec in specs:
            start, end = spec.offsets(text)
            change = service.add_span(proj, doc_id=doc_id, layer=layer, start=start, end=end, label=spec.label,
                                      note=spec.note, attrs=dict(spec.attrs))
            ids[spec.key] = change.spans_added[0].id
        for head, tail, label in links:
            service.link(proj, head=ids[head], tail=ids[tail], label=label)
        service.set_status(proj, doc_id=doc_id, layer=layer, status=status)
    return proj


def layer_of(drafts, doc_id: str, layer: str | None):
    """The LayerDraft of a document and layer in an importer's output."""
    for draft in drafts:
        if draft.doc_id == doc_id:
            for lay in draft.layers:
                if lay.name == layer:
                    return lay
    raise AssertionError(f"no layer {layer!r} for {doc_id!r} in {[(d.doc_id, [x.name for x in d.layers]) for d in drafts]}")


def span_set(layer) -> set[tuple[int, int, str, str]]:
    return {(s.start, s.end, s.label, s.note) for s in layer.spans}


def link_set(layer) -> set:
    by_key = {s.key: (s.start, s.end, s.label) for s in layer.spans}
    return {(by_key[r.head], by_key[r.tail], r.label) for r in layer.relations}


# Hypothesis: one document with random spans, notes and relations over awkward characters.
ALPHABET = [
    "a", "b", "Z", " ", "\n", "=", "-", "@", "'", '"', "\t", ".", "\u0301", "\u05d0", "\u0627", "中",
    "👍", "\U0001F3FD", "\U0001F1FA", "\U0001F1E6", "\u200d", "\u2028", "\x85",
]
NOTE_ALPHABET = ["x", " ", "\n", "=", "👍", "\u05d0", "\t", "\u0301"]
SPAN_LABELS = ["attributed", "contested", "opinion", "source", "cue"]


def annotated_strategy(*, keep_span=lambda text, start, end: True, note_ok=lambda note: True):
    """A strategy for one AnnotatedDocument; `keep_span`/`note_ok` leave out what a format reports instead."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw):
        text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=50).filter(lambda t: t.strip()))
        n = len(text)
        raw = draw(st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(1, n), st.sampled_from(SPAN_LABELS),
                      st.text(alphabet=NOTE_ALPHABET, max_size=6).filter(note_ok)),
            max_size=8,
        ))
        doc = Document("doc-h", text, {"title": "h"})
        found: dict[tuple[int, int, str], str] = {}
        for start, length, label, note in raw:
            end = min(n, start + length)
            if keep_span(text, start, end):
                found.setdefault((start, end, label), note)
        spans = [Span(f"s{i}", doc.id, "alice", s, e, label, note) for i, ((s, e, label), note) in enumerate(found.items())]
        pairs = draw(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from(["said_by", "disputed_by"])), max_size=4))
        rels, seen = [], set()
        for h, t, label in pairs:
            if h < len(spans) and t < len(spans) and (h, t, label) not in seen:
                seen.add((h, t, label))
                rels.append(Relation(f"r{len(rels)}", doc.id, "alice", spans[h].id, spans[t].id, label))
        return AnnotatedDocument(doc, "alice", "done", spans, rels)

    return build()


def item_spans(item: AnnotatedDocument) -> set[tuple[int, int, str, str]]:
    return {(s.start, s.end, s.label, s.note) for s in item.spans}


def item_links(item: AnnotatedDocument) -> set:
    by_id = {s.id: (s.start, s.end, s.label) for s in item.spans}
    return {(by_id[r.head], by_id[r.tail], r.label) for r in item.relations}
