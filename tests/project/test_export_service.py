"""The export service: choices for a dialog, destinations, and an export on a connection of its own."""

from __future__ import annotations

import threading


from annotator import project as service
from tests.export_samples import DOC_ID


def test_choices_list_formats_layers_and_labels(awkward):
    choices = service.export_choices(awkward)
    assert [f.name for f in choices.formats] == ["jsonl", "spacy", "conll", "brat", "labelstudio", "xmi", "csv", "parquet"]
    assert [f.name for f in choices.formats if f.is_folder] == ["brat", "xmi"]
    assert choices.layers == (("alice", "annotator"), ("bob", "annotator"), ("gold", "gold"))
    assert choices.labels == ("attributed", "contested", "opinion", "source", "cue")


def test_default_destination_never_names_an_existing_path(awkward):
    first = service.default_destination(awkward.path, "parquet", layer="gold")
    assert first == awkward.path.parent / "awk-gold.parquet"
    first.write_bytes(b"")
    assert service.default_destination(awkward.path, "parquet", layer="gold") == awkward.path.parent / "awk-gold-2.parquet"
    assert service.default_destination(awkward.path, "parquet", layer="gold", split=True) == awkward.path.parent / "awk-gold-parquet"


def test_export_project_file_works_from_another_thread_while_the_project_is_open(awkward, tmp_path):
    out = tmp_path / "gold.jsonl"
    result = {}
    thread = threading.Thread(target=lambda: result.update(summary=service.export_project_file(awkward.path, format="jsonl", out=out, layer="gold")))
    thread.start()
    thread.join(60)
    assert result["summary"].records == 1
    assert out.read_text(encoding="utf-8").startswith(f'{{"doc_id": "{DOC_ID}"')
