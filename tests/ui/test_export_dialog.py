"""The export dialog driven with keys and clicks: the export runs on a worker with progress, cancel and a summary."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator import project as service
from annotator.ui import plain
from annotator.ui.export_dialog import ExportDialog, open_export_dialog
from tests.export_samples import DOC_ID, PLAIN_ID, expected

TIMEOUT = 30_000


@pytest.fixture
def dialog(qtbot, awkward) -> ExportDialog:
    dlg = open_export_dialog(awkward)
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    return dlg


def _choose(qtbot, combo, data: str) -> None:
    """Pick a combo entry with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def _set_destination(qtbot, dialog: ExportDialog, path: Path) -> None:
    dialog.destination_edit.selectAll()
    qtbot.keyClicks(dialog.destination_edit, str(path))


def _export(qtbot, dialog: ExportDialog, signal: str = "exported"):
    """Click Export and wait until the worker's outcome is shown (the dialog re-emits it on the UI thread)."""
    assert dialog.export_button.isEnabled(), dialog.status_label.text()
    with qtbot.waitSignal(getattr(dialog, signal), timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.worker is not None and not dialog.export_button.isEnabled()
    assert dialog.worker is None
    return blocker.args


def test_shows_the_formats_layers_and_labels_of_the_project(dialog):
    combo = dialog.format_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["jsonl", "spacy", "conll", "brat", "labelstudio", "xmi", "csv", "parquet"]
    layers = dialog.layer_combo
    assert [layers.itemText(i) for i in range(layers.count())] == ["All layers", "alice (annotator)", "bob (annotator)", "gold (gold)"]
    assert [dialog.labels_list.item(i).text() for i in range(dialog.labels_list.count())] == [
        "attributed", "contested", "opinion", "source", "cue",
    ]
    assert dialog.destination_edit.text() == str(dialog.choices.project_path.parent / "awk-all.jsonl")
    assert dialog.format_hint.text() == "Writes a .jsonl file. Read with: json (any JSON Lines reader); this tool's importer."


def test_destination_follows_format_and_split_until_edited(qtbot, dialog):
    folder = dialog.choices.project_path.parent
    _choose(qtbot, dialog.format_combo, "brat")
    assert dialog.destination_edit.text() == str(folder / "awk-all-brat")
    _choose(qtbot, dialog.format_combo, "spacy")
    qtbot.mouseClick(dialog.split_check, Qt.MouseButton.LeftButton)
    assert dialog.destination_edit.text() == str(folder / "awk-all-spacy")
    qtbot.keyClicks(dialog.destination_edit, "-mine")
    _choose(qtbot, dialog.format_combo, "csv")
    assert dialog.destination_edit.text() == str(folder / "awk-all-spacy-mine")


def test_exports_csv_of_one_layer_and_shows_the_summary(qtbot, dialog, tmp_path):
    _choose(qtbot, dialog.format_combo, "csv")
    _choose(qtbot, dialog.layer_combo, "alice")
    out = tmp_path / "alice.csv"
    _set_destination(qtbot, dialog, out)
    (summary,) = _export(qtbot, dialog)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["doc_id"] for r in rows} == {DOC_ID, PLAIN_ID}
    assert len(rows) == len(expected("alice")) + len(expected("alice", PLAIN_ID))
    shown = dialog.summary_view.toPlainText()
    assert shown.startswith(f"Wrote 1 file(s) to {out}\n2 document(s), 2 document-layer record(s), 15 span(s), 4 relation(s).")
    assert "• 2 cell(s) start with = + - @ tab or CR" in shown
    assert dialog.status_label.text() == f"Export finished: {out} (1 warning(s))"
    assert (dialog.progress_bar.value(), dialog.progress_bar.maximum()) == (2, 2)
    assert summary.files == [str(out)]
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_label_filter_and_split_with_seed(qtbot, dialog, tmp_path):
    _choose(qtbot, dialog.format_combo, "jsonl")
    _choose(qtbot, dialog.layer_combo, "alice")
    dialog.labels_list.setFocus()
    for row in (0, 1, 2, 4):  # leave only "source"
        dialog.labels_list.setCurrentRow(row)
        qtbot.keyClick(dialog.labels_list, Qt.Key.Key_Space)
    assert dialog.selected_labels() == ["source"]
    qtbot.mouseClick(dialog.split_check, Qt.MouseButton.LeftButton)
    for spin, value in zip(dialog.shares, ("0.5", "0.5", "0")):
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), value)
    dialog.seed_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.seed_spin.lineEdit(), "7")
    out = tmp_path / "split"
    _set_destination(qtbot, dialog, out)
    _export(qtbot, dialog)
    assert sorted(p.name for p in out.iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    records = [json.loads(line) for name in ("train", "dev") for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in records) == [DOC_ID, PLAIN_ID]
    assert {s["label"] for r in records for s in r["spans"]} == {"source"}
    assert "split part(s) are empty" in dialog.summary_view.toPlainText()


def test_unchecking_every_label_disables_export(qtbot, dialog):
    for row in range(dialog.labels_list.count()):
        dialog.labels_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()
    assert dialog.status_label.text() == "Choose at least one label."


def test_existing_destination_asks_before_replacing(qtbot, dialog, tmp_path, monkeypatch):
    out = tmp_path / "taken.jsonl"
    out.write_text("keep", encoding="utf-8")
    _set_destination(qtbot, dialog, out)
    asked = []
    monkeypatch.setattr(plain, "ask", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None and out.read_text(encoding="utf-8") == "keep"
    assert asked == [f"{out} already exists.\nReplace it with this export?"]
    monkeypatch.setattr(plain, "ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _export(qtbot, dialog)
    assert out.read_text(encoding="utf-8").startswith('{"doc_id": "awkward-1"')


def test_failure_is_shown_and_nothing_written(qtbot, dialog, tmp_path):
    out = tmp_path / "missing" / "x.jsonl"
    _set_destination(qtbot, dialog, out)
    (message,) = _export(qtbot, dialog, "export_failed")
    assert message == f"{out.parent}: no such folder"
    assert dialog.summary_view.toPlainText() == f"Nothing was written.\n\n{out.parent}: no such folder"
    assert not out.parent.exists()


def test_cancel_stops_the_export_and_writes_nothing(qtbot, dialog, tmp_path, monkeypatch):
    real = service.export_project_file

    def slow(path, *, progress, **options):
        # Slow each document down so that the click on Cancel lands mid-export.
        return real(path, progress=lambda *a: (time.sleep(0.5), progress(*a))[1], **options)

    monkeypatch.setattr(service, "export_project_file", slow)
    _choose(qtbot, dialog.status_combo, "all")
    out = tmp_path / "cancelled.jsonl"
    _set_destination(qtbot, dialog, out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    worker = dialog.worker
    # The first document takes half a second: time to connect before the worker reports it.
    with qtbot.waitSignal(worker.signals.progress, timeout=TIMEOUT):
        pass
    assert dialog.cancel_button.isEnabled() and not dialog.format_combo.isEnabled()
    with qtbot.waitSignals([worker.signals.cancelled, dialog.export_cancelled], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None
    assert dialog.summary_view.toPlainText() == "Export cancelled; nothing was written."
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert dialog.format_combo.isEnabled()
