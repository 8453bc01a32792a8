"""Export and review wired into the main window: the actions open their windows, an export is
reported in the status bar, and gold decided in review reloads a view that shows gold."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from ui_helpers import DOC0, key

from annotator.ui.export_dialog import ExportDialog
from annotator.ui.review import AgreementDashboard, ReviewSessionWindow


def test_ctrl_shift_e_opens_the_export_dialog_and_the_status_bar_reports_the_export(qtbot, make_window, tmp_path):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+E")
    dialog = window.features["export"].dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible() and dialog.parent() is window
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData("all"))
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("all"))
    out = tmp_path / "out.jsonl"
    dialog.destination_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert (len(lines), json.loads(lines[0])["doc_id"]) == (5, DOC0)
    assert window.statusBar().currentMessage() == f"Exported 5 document(s), 0 span(s) as jsonl to {out}"


def test_a_failed_export_is_said_in_the_status_bar(qtbot, make_window, tmp_path):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+E")
    dialog = window.features["export"].dialog
    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData("all"))
    dialog.destination_edit.setText(str(tmp_path / "x.jsonl"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("done"))  # nothing is done: an empty selection
    with qtbot.waitSignal(dialog.export_failed, timeout=30_000) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == f"Export failed: {signal.args[0]}"


def test_ctrl_shift_r_opens_the_review_session(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+R")
    session = window.features["review"].launcher.session
    assert isinstance(session, ReviewSessionWindow) and session.isVisible()
    assert session.windowTitle().startswith("Review — ")


def test_ctrl_shift_g_opens_the_agreement_dashboard(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+G")
    dashboard = window.features["review"].launcher.dashboard
    assert isinstance(dashboard, AgreementDashboard) and dashboard.isVisible()
    qtbot.waitUntil(lambda: dashboard.thread is None or not dashboard.thread.isRunning(), timeout=30_000)


def test_gold_decided_in_review_reloads_the_view_when_it_shows_gold(qtbot, make_window, seeded_path):
    from annotator.project import Project, add_span

    with Project.open(seeded_path, user="alice") as project:
        add_span(project, doc_id=DOC0, layer="gold", start=0, end=2, label="source")
    window = make_window(layer="gold")
    assert window.workspace.layer == "gold" and len(window.workspace.spans) == 1
    key(qtbot, window, "Ctrl+Shift+R")
    session = window.features["review"].launcher.session
    change = add_span(window.project, doc_id=DOC0, layer="gold", start=7, end=14, label="source")  # as review does
    session.gold_changed.emit(DOC0)
    assert set(window.workspace.spans.keys()) >= {change.spans_added[0].id} and len(window.view.index) == 2
