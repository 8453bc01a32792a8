"""File > Import files… (Ctrl+I): a worker with progress and cancel, a summary naming refused files,
the queue refreshed; edits wait while the import holds the project."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from ui_helpers import key, select_phrase, stored_spans

TEXTS = {
    "alpha": "Alpha reported that the harbour reopened on Monday.\n",
    "beta": "Beta said the talks would resume after the holiday.\n",
    "gamma": "Gamma wrote that prices rose for a third month.\n",
}


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"binary\x00content")
    return folder


def choose(monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def documents_in(path):
    from annotator.project import Project, documents

    with Project.open(path, readonly=True) as project:
        return [d["id"] for d in documents(project)]


def test_ctrl_i_imports_on_a_worker_and_names_the_refused_file(qtbot, make_window, seeded_path, files, monkeypatch):
    window = make_window()
    feature = window.features["import"]
    choose(monkeypatch, [files / "alpha.txt", files / "broken.txt"])
    with qtbot.waitSignal(feature.finished, timeout=30_000) as signal:
        key(qtbot, window, "Ctrl+I")
    report, cancelled = signal.args
    assert not cancelled and [f.error is None for f in report.files] == [True, False]
    assert documents_in(seeded_path)[-1] == "alpha" and "broken" not in documents_in(seeded_path)
    text = feature.summary.view.toPlainText()
    assert "1 new document(s)" in text and "• alpha.txt: alpha" in text
    assert "Refused 1 file(s)" in text and "broken.txt" in text and "NUL" in text.upper()
    assert feature.summary.isVisible() and window.queue_model.rowCount() == 6
    assert window.queue_model.row_of("alpha") == 5 and not window.workspace.busy


def test_cancel_stops_before_the_next_file_and_edits_wait_meanwhile(qtbot, make_window, seeded_path, files, monkeypatch):
    window = make_window()
    feature = window.features["import"]
    reached, gate = threading.Event(), threading.Event()
    real = feature.import_files

    def held_after_first(project, paths, *, progress, **kw):
        def hold(done, total, path):
            if done == 1:
                reached.set()
                gate.wait(20)
            return progress(done, total, path)
        return real(project, paths, progress=hold, **kw)

    feature.import_files = held_after_first
    choose(monkeypatch, [files / f"{name}.txt" for name in TEXTS])
    key(qtbot, window, "Ctrl+I")
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    dialog = window.jobs.dialog
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.ApplicationModal
    try:
        select_phrase(qtbot, window, "Donald Trump")
        key(qtbot, window, "s")  # the modal progress dialog keeps the window's shortcuts from firing
        assert window.labeller.apply_label("source") is False  # and any other path is refused
        assert "Importing files is running" in window.statusBar().currentMessage()
        with qtbot.waitSignal(feature.finished, timeout=30_000) as signal:
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
            gate.set()
    finally:
        gate.set()  # never leave the worker waiting, even when an assertion failed
    report, cancelled = signal.args
    assert cancelled and [f.documents_added for f in report.files] == [["alpha"]]
    assert documents_in(seeded_path)[5:] == ["alpha"] and window.queue_model.rowCount() == 6
    assert feature.summary.view.toPlainText().startswith("Cancelled after 1 file(s)")
    assert stored_spans(seeded_path) == []
    feature.summary.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    select_phrase(qtbot, window, "Donald Trump")
    key(qtbot, window, "s")  # after the import, edits go through again
    assert [s.label for s in stored_spans(seeded_path)] == ["source"]
