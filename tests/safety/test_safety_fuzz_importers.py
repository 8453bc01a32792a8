"""Fuzzing every importer (random bytes, mutated valid files, random JSON of the right shape): each
file either imports faithfully or is refused with the project's own error, and a refused file
leaves the project exactly as it was. Never another exception, never half a file."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from safety_helpers import dump
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.formats.registry import IMPORTERS
from annotator.project import Project, import_files
from annotator.project.importing import DEFAULT_IMPORT_LAYER, read_file

TEXT = "Lukashenko 🇧🇾 said on Monday, according to BelTA,\r\nthat talks were “useful”. Peskov disagreed.\r\n"
JSONL = "\n".join(json.dumps(r, ensure_ascii=False) for r in [
    {"doc_id": "a", "text": TEXT, "meta": {"outlet": "BelTA"}, "layer": "alice", "status": "done",
     "spans": [{"id": "s1", "start": 0, "end": 10, "label": "source", "text": "Lukashenko"},
               {"id": "c1", "start": 13, "end": 17, "label": "cue", "note": "verb", "attrs": {"k": 1}},
               {"id": "a1", "start": 59, "end": 82, "label": "attributed"}],
     "relations": [{"head": "a1", "tail": "s1", "label": "said_by"}]},
    {"doc_id": "b", "text": "Peskov said no.\n"},
]) + "\n"
LABELSTUDIO = json.dumps([{
    "id": 7, "data": {"text": TEXT, "outlet": "BelTA"},
    "annotations": [{"completed_by": {"email": "ann@example.org"}, "result": [
        {"id": "r1", "type": "labels", "value": {"start": 0, "end": 10, "text": "Lukashenko", "labels": ["source"]}},
        {"id": "r2", "type": "labels", "value": {"start": 59, "end": 82, "labels": ["attributed", "opinion"]}},
        {"type": "relation", "from_id": "r2", "to_id": "r1", "direction": "right", "labels": ["said_by"]},
        {"id": "r1", "type": "textarea", "value": {"text": ["the president"]}}]}],
    "predictions": [{"result": [{"id": "p1", "type": "labels", "value": {"start": 13, "end": 17, "labels": ["cue"]}}]}],
}], ensure_ascii=False)

def _brat_ann() -> str:
    def at(word: str) -> str:
        start = TEXT.index(word)
        return f"{start} {start + len(word)}"

    return (f"T1\tsource {at('Lukashenko')}\tLukashenko\nT2\tcue {at('said')}\tsaid\n"
            f"T3\tattributed {at('talks were')};{at('“useful”')}\ttalks were “useful”\n"
            "R1\tsaid_by Arg1:T3 Arg2:T1\nE1\tcue:T2 Claim:T3 Source:T1\nA1\tNegated T3\n"
            "#1\tAnnotatorNotes T1\tthe president\nN1\tReference T1 Wikidata:Q1\n*\tAlias T1 T2\n")


BRAT_ANN = _brat_ann()
HTML = ("<html><head><title>BelTA</title><script>x()</script></head><body><h1 class=\"t\">Talks</h1><p onclick=\"evil()\" title=\"x\">Lukashenko <b>said</b> "
        "&amp; Peskov <i>disagreed</i>.</p><pre>  kept\n  as is</pre><table><tr><td>a</td><td>b</td></tr></table></body></html>")

XMI = (
    '<?xml version=\'1.0\' encoding=\'UTF-8\'?>\n<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" '
    'xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore" xmlns:custom="http:///webanno/custom.ecore" '
    'xmi:version="2.0"><cas:NULL xmi:id="0"/><type:DocumentMetaData xmi:id="2" sofa="1" begin="0" end="44" language="en" '
    'documentTitle="Ushakov said" documentId="a" collectionId="claim-annotator" isLastSegment="false"/>'
    '<custom:ClaimSpan xmi:id="3" sofa="1" begin="0" end="7" label="source" layer="alice"/>'
    '<custom:ClaimSpan xmi:id="4" sofa="1" begin="13" end="41" label="attributed" note="n" layer="alice"/>'
    '<custom:ClaimRelation xmi:id="5" sofa="1" begin="0" end="7" Governor="4" Dependent="3" label="said_by" layer="alice"/>'
    '<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text/plain" '
    'sofaString="Ushakov said the talks 🇧🇾 would go ahead.&#10;"/><cas:View sofa="1" members="2 3 4 5"/></xmi:XMI>\n'
)

# format → valid sample: {file name: bytes}; the first file is the one imported.
SAMPLES: dict[str, dict[str, bytes]] = {
    "txt": {"doc.txt": TEXT.encode("utf-8")},
    "html": {"page.html": HTML.encode("utf-8")},
    "jsonl": {"docs.jsonl": JSONL.encode("utf-8")},
    "labelstudio": {"tasks.json": LABELSTUDIO.encode("utf-8")},
    "brat": {"doc.ann": BRAT_ANN.encode("utf-8"), "doc.txt": TEXT.encode("utf-8")},
    "xmi": {"doc.xmi": XMI.encode("utf-8")},
}
JSON_KEYS = ["doc_id", "id", "text", "meta", "layer", "status", "spans", "relations", "start", "end", "label", "note",
             "attrs", "head", "tail", "data", "annotations", "predictions", "result", "type", "value", "labels",
             "from_id", "to_id", "direction", "completed_by", "was_cancelled"]
TOKENS = [b"\x00", b"\xff", b"\xc3", b"\r", b"\n", b"\r\n", b"\\u0000", b"\\ud800", b"-1", b"0", b"1e400", b"NaN",
          b"99999999999999999999999", b"null", b"true", b"[]", b"{}", b'"', b"\\", b"\xef\xbb\xbf", b"<", b"&amp;",
          b"&#0;", b"<!--", b"]]>", b"<![ ", b"<![", b"<!", b"<!DOCTYPE ", b"<?", b"</", b"<a b='", b"\t", b";", b":", b" ", b"T9", b"\xf0\x9f\x87", "\u2028".encode()]

# Default suite: fixed seeds, so CI is reproducible; the slow variant explores ten times more, at random.
FAST = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
SLOW = settings(FAST, max_examples=1200, derandomize=False)
IMPORT_FAST = settings(FAST, max_examples=30)
IMPORT_SLOW = settings(FAST, max_examples=300, derandomize=False)


@st.composite
def mutated(draw, sample: bytes) -> bytes:
    data = bytearray(sample)
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        op = draw(st.sampled_from(["set", "delete", "duplicate", "insert", "truncate", "number"]))
        i = draw(st.integers(0, max(n - 1, 0)))
        j = min(n, i + draw(st.integers(1, 40)))
        if op == "set" and n:
            data[i] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[i:j]
        elif op == "duplicate":
            data[j:j] = data[i:j]
        elif op == "insert":
            data[i:i] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif op == "truncate":
            del data[i:]
        elif op == "number":
            numbers = list(re.finditer(rb"\d+", bytes(data)))
            if numbers:
                m = draw(st.sampled_from(numbers))
                value = int(m.group())
                new = draw(st.sampled_from([0, 1, value - 1, value + 1, value * 2, -value, 10**20]))
                data[m.start():m.end()] = str(new).encode()
    return bytes(data)


def json_values():
    leaves = st.none() | st.booleans() | st.integers(-3, 200) | st.floats(allow_nan=False) | st.text(max_size=12)
    return st.recursive(
        leaves,
        lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(JSON_KEYS) | st.text(max_size=4), kids, max_size=6),
        max_leaves=25,
    )


def some(strategy):
    """Mostly the expected kind of value, sometimes any JSON value at all (type confusion)."""
    return st.one_of(strategy, strategy, strategy, json_values())


def shape(required: dict, optional: dict):
    return st.fixed_dictionaries({k: some(v) for k, v in required.items()}, optional={k: some(v) for k, v in optional.items()})


OFFSET = st.integers(-2, len(TEXT) + 2)
WORD = st.sampled_from(["source", "cue", "attributed", "said_by", "s1", "a1", "r1", "r2", "", "x"])


def shaped_json(fmt: str):
    """Records of the format's own shape with values now right, now wrong: type confusion, missing fields,
    offsets off by one, dangling references."""
    if fmt == "jsonl":
        span = shape({}, {"id": WORD, "start": OFFSET, "end": OFFSET, "label": WORD, "text": st.text(max_size=5),
                          "note": st.text(max_size=5), "attrs": st.dictionaries(st.text(max_size=3), json_values(), max_size=2)})
        relation = shape({}, {"head": WORD, "tail": WORD, "label": WORD, "id": WORD})
        record = shape({"doc_id": WORD, "text": st.sampled_from([TEXT, "x", " ", "a\u0000"])},
                       {"layer": WORD, "status": st.sampled_from(["done", "todo", "in_progress", "nope"]),
                        "spans": st.lists(span, max_size=4), "relations": st.lists(relation, max_size=3),
                        "meta": st.dictionaries(st.text(max_size=3), json_values(), max_size=2), "id": WORD})
        return st.lists(record, min_size=1, max_size=3).map(lambda objs: "\n".join(json.dumps(o) for o in objs).encode())
    value = shape({}, {"start": OFFSET, "end": OFFSET, "text": st.text(max_size=8), "labels": st.lists(WORD, max_size=2)})
    result = shape({}, {"id": WORD, "type": st.sampled_from(["labels", "relation", "textarea", "choices"]), "value": value,
                        "from_id": WORD, "to_id": WORD, "direction": st.sampled_from(["right", "left", "bi"]),
                        "labels": st.lists(WORD, max_size=2)})
    annotation = shape({}, {"result": st.lists(result, max_size=4), "completed_by": json_values(),
                            "was_cancelled": st.booleans(), "layer": WORD})
    task = shape({"data": shape({"text": st.sampled_from([TEXT, "x", ""])}, {"doc_id": WORD})},
                 {"id": st.integers(0, 3), "annotations": st.lists(annotation, max_size=2), "predictions": st.lists(annotation, max_size=1)})
    return st.lists(task, min_size=1, max_size=2).map(lambda objs: json.dumps(objs).encode())


class Folder:
    """One scratch folder per test, rewritten for each example (hypothesis reuses the test function)."""

    def __init__(self) -> None:
        base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # memory: fast, no fsync cost
        self.path = Path(tempfile.mkdtemp(prefix="fuzz-", dir=base))

    def write(self, files: dict[str, bytes]) -> Path:
        for p in self.path.iterdir():
            shutil.rmtree(p) if p.is_dir() else p.unlink()
        for name, data in files.items():
            (self.path / name).write_bytes(data)
        return self.path / next(iter(files))


@pytest.fixture
def folder():
    f = Folder()
    yield f
    shutil.rmtree(f.path, ignore_errors=True)


def files_for(fmt: str, first: bytes, which: int = 0) -> dict[str, bytes]:
    """The sample's files with one of them (`which`) replaced by the fuzzed bytes."""
    sample = dict(SAMPLES.get(fmt) or {f"input{IMPORTERS[fmt].suffixes[0]}": b""})
    names = list(sample)
    sample[names[which % len(names)]] = first
    return sample


def parse_or_refuse(fmt: str, path: Path, figures) -> list | None:
    """The property: drafts, or the project's own error. Anything else propagates and fails the test."""
    figures["fuzz cases run (importers)"] += 1
    try:
        return read_file(path, fmt)
    except AnnotatorError:
        return None


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


@st.composite
def json_mutated(draw, sample: bytes, lines: bool):
    """The valid sample with a few of its values (at any depth) replaced by any JSON value, or removed."""
    doc = [json.loads(line) for line in sample.decode().splitlines()] if lines else json.loads(sample)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.integers(0, 4)) == 0 and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values())
    if lines:
        return "\n".join(json.dumps(line, ensure_ascii=False) for line in doc).encode()
    return json.dumps(doc, ensure_ascii=False).encode()


ATTRIBUTE_VALUES = [b"", b"-1", b"0", b"1", b"40", b"44", b"99999999999", b"x", b"3 3", b"&amp;", b"&#0;", b"\xff", b"1e3", b"4 9"]


@st.composite
def attributes_mutated(draw, sample: bytes) -> bytes:
    """The valid markup with a few attribute values (offsets, ids, references, labels) replaced."""
    data = sample
    for _ in range(draw(st.integers(1, 3))):
        values = list(re.finditer(rb'="([^"]*)"', data))
        m = draw(st.sampled_from(values))
        new = draw(st.sampled_from(ATTRIBUTE_VALUES) | st.text(max_size=6).map(str.encode))
        data = data[:m.start(1)] + new + data[m.end(1):]
    return data


def fuzz_inputs(fmt: str):
    sample = SAMPLES.get(fmt)
    parts = [st.binary(max_size=600).map(lambda b: (b, 0))]
    if sample:
        for which, data in enumerate(sample.values()):
            parts.append(mutated(data).map(lambda b, w=which: (b, w)))
    if sample and next(iter(sample)).endswith((".xmi", ".xml", ".html")):
        parts.append(attributes_mutated(next(iter(sample.values()))).map(lambda b: (b, 0)))
    if fmt in ("jsonl", "labelstudio"):
        parts.append(shaped_json(fmt).map(lambda b: (b, 0)))
        parts.append(json_mutated(next(iter(sample.values())), fmt == "jsonl").map(lambda b: (b, 0)))
    return st.one_of(parts)


def check_parsing(fmt: str, folder: Folder, figures, config: settings) -> None:
    @config
    @given(fuzz_inputs(fmt))
    def run(case):
        data, which = case
        parse_or_refuse(fmt, folder.write(files_for(fmt, data, which)), figures)

    run()


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_parses_or_refuses_fuzzed_files(fmt, folder, figures):
    check_parsing(fmt, folder, figures, FAST)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_parses_or_refuses_fuzzed_files_long(fmt, folder, figures):
    check_parsing(fmt, folder, figures, SLOW)


def test_every_valid_sample_imports(folder):
    """The samples themselves are accepted (else the mutations would only ever test refusals)."""
    for fmt in SAMPLES:
        assert read_file(folder.write(SAMPLES[fmt]), fmt), fmt


# Import into a project: faithful, or nothing at all ---------------------------------------------
def stored_view(project: Project, drafts: list) -> tuple[dict, dict]:
    """(expected, stored): texts, span triples and relation triples per document and layer."""
    store = project.store
    expected: dict = {}
    for draft in drafts:
        expected.setdefault(("text", draft.doc_id), draft.text)
        for layer in draft.layers:
            name = layer.name or DEFAULT_IMPORT_LAYER
            by_key = {s.key: (s.start, s.end, s.label) for s in layer.spans}
            expected.setdefault(("spans", draft.doc_id, name), set()).update(by_key.values())
            expected.setdefault(("relations", draft.doc_id, name), set()).update(
                (by_key[r.head], by_key[r.tail], r.label) for r in layer.relations)
    stored: dict = {}
    for key in expected:
        if key[0] == "text":
            stored[key] = store.get_document(key[1]).text
        elif key[0] == "spans":
            stored[key] = {(s.start, s.end, s.label) for s in store.spans(key[1], key[2])}
        else:
            spans = {s.id: (s.start, s.end, s.label) for s in store.spans(key[1], key[2])}
            stored[key] = {(spans[r.head], spans[r.tail], r.label) for r in store.relations(key[1], key[2])}
    return expected, stored


def check_imports(fmt: str, folder: Folder, figures, config: settings) -> None:
    projects = Folder()

    @config
    @given(fuzz_inputs(fmt))
    def run(case):
        data, which = case
        path = folder.write(files_for(fmt, data, which))
        project_path = projects.write({"p.annotator.db": b""})
        project_path.unlink()
        with Project.create(project_path) as project:
            before = dump(project_path)
            report = import_files(project, [path], format=fmt)
            figures["fuzz cases imported into a project"] += 1
            if report.ok:
                expected, stored = stored_view(project, read_file(path, fmt))
                assert stored == expected
                figures["fuzz cases imported faithfully"] += 1
            else:
                assert dump(project_path) == before, report.errors
                figures["fuzz cases refused whole"] += 1

    try:
        run()
    finally:
        shutil.rmtree(projects.path, ignore_errors=True)


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_imports_faithfully_or_not_at_all(fmt, folder, figures):
    check_imports(fmt, folder, figures, IMPORT_FAST)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_every_importer_imports_faithfully_or_not_at_all_long(fmt, folder, figures):
    check_imports(fmt, folder, figures, IMPORT_SLOW)
