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
