"""Starting the app: screenshot mode, the demo project, identity, lock errors; the window's hooks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from ui_helpers import DOC0, DOC1, key


def test_screenshot_renders_the_main_window_with_the_document(qtbot, seeded_path, tmp_path):
    from annotator.ui.app import run_app

    out = tmp_path / "shot.png"
    assert run_app(project=str(seeded_path), screenshot=str(out), doc=DOC1, user="alice") == 0
    image = QImage(str(out))
    assert image.width() >= 1280 and image.height() >= 800
    from annotator.project import Project, last_place

    with Project.open(seeded_path, readonly=True) as project:
        assert last_place(project, user="alice") == {"doc_id": DOC1, "layer": "alice"}


def test_no_project_argument_builds_and_opens_the_demo(qtbot, tmp_path):
    from annotator.project import demo_project_path
    from annotator.ui.app import run_app

    assert not demo_project_path().exists()
    assert run_app(screenshot=str(tmp_path / "demo.png"), user="alice") == 0
    assert demo_project_path().exists() and (tmp_path / "demo.png").exists()


def test_a_project_held_by_another_writer_is_reported_in_a_message_box(qtbot, seeded_path, monkeypatch):
    from annotator.project import Project
    from annotator.ui import app, dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    with Project.open(seeded_path, user="bob"):
        assert app.run_app(project=str(seeded_path), user="alice") == 1
    [(title, message)] = shown
    assert title == "Cannot open the project" and "is open for writing by" in message


def test_first_run_asks_who_is_annotating(qtbot, monkeypatch):
    from annotator.ui import dialogs
    from annotator.ui.app import resolve_user
    from annotator.ui.settings import Settings

    asked = []
    monkeypatch.setattr(dialogs, "ask_identity", lambda parent, default: asked.append(default) or "zoe")
    settings = Settings()
    assert resolve_user(None, settings, interactive=True) == "zoe" and len(asked) == 1
    settings.last_user = "zoe"
    assert resolve_user(None, settings, interactive=True) == "zoe" and len(asked) == 1  # remembered
    assert resolve_user("yann", settings, interactive=True) == "yann"


def test_cancelling_the_identity_question_opens_nothing(qtbot, seeded_path, monkeypatch):
    from annotator.ui import app, dialogs

    monkeypatch.setattr(dialogs, "ask_identity", lambda parent, default: None)
    assert app.run_app(project=str(seeded_path)) == 0


def test_f1_shows_every_shortcut_of_the_action_table(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "F1")
    sheet = window.shortcut_sheet
    assert sheet.isVisible()
    text = sheet.browser.toPlainText()
    for spec in window.specs:
        if spec.shortcuts:
            assert spec.text.replace("&", "") in text
    assert "Label as attributed" in text and "Link said_by…" in text


def test_a_feature_adds_its_action_menu_shortcut_and_dock(qtbot, make_window):
    from PySide6.QtWidgets import QLabel

    from annotator.ui.actions import ActionSpec

    calls = []

    class Review:
        def next_disagreement(self) -> None:
            calls.append("next")

    window = make_window()
    panel = QLabel("disagreements")
    [action] = window.add_feature("review", target=Review(), docks=[("Review", panel)], actions=[
        ActionSpec("review.next", "Next disagreement", ("Ctrl+Alt+J",), "next_disagreement", "Review")])
    assert "Review" in window.menus and action in window.menus["Review"].actions()
    assert window.docks["Review"].widget() is panel
    key(qtbot, window, "Ctrl+Alt+J")
    assert calls == ["next"]
    key(qtbot, window, "F1")
    assert "Next disagreement" in window.shortcut_sheet.browser.toPlainText()


def test_ghost_spans_are_drawn_but_never_stored(qtbot, make_window, seeded_path):
    from annotator.core.model import Span
    from ui_helpers import stored_spans

    window = make_window()
    text = window.workspace.doc.text
    start = text.index("Yuri Ushakov")
    ghost = Span("g1", DOC0, "suggested", start, start + 12, "source")
    window.show_ghost_spans([ghost])
    assert [s.id for s in window.view.ghosts] == ["g1"]
    before = window.view.viewport().grab().toImage()
    rect = window.view.rects_for(ghost.start, ghost.end)[0]
    point = rect.center().toPoint()
    window.view.clear_ghost_spans()
    after = window.view.viewport().grab().toImage()
    assert before.pixelColor(point) != after.pixelColor(point)  # the faded fill was there
    assert stored_spans(seeded_path) == [] and len(window.view.index) == 0
    window.show_ghost_spans([ghost])
    key(qtbot, window, "Ctrl+PgDown")
    assert len(window.view.ghosts) == 0  # a new document starts without another document's ghosts


def test_zoom_keys_change_the_text_size_and_are_remembered(qtbot, make_window):
    window = make_window()
    size = window.view.font().pointSizeF()
    key(qtbot, window, "Ctrl+=")
    assert window.view.font().pointSizeF() == size + 1 and window.settings.zoom == 1
    key(qtbot, window, "Ctrl+0")
    assert window.view.font().pointSizeF() == size and window.settings.zoom == 0


def test_dark_theme_repaints_text_and_highlights(qtbot, make_window):
    window = make_window()
    light = window.view.viewport().grab().toImage().pixelColor(5, 5)
    window.actions_by_id["view.dark"].trigger()
    assert window.settings.theme == "dark"
    dark = window.view.viewport().grab().toImage().pixelColor(5, 5)
    assert dark.lightness() < light.lightness()
    window.actions_by_id["view.dark"].trigger()
    assert window.settings.theme == "light"


def test_closing_with_an_unsaved_edit_asks_first(qtbot, make_window, monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    import annotator.project as svc
    from ui_helpers import select_phrase

    window = make_window()
    monkeypatch.setattr(svc, "add_span", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    from annotator.ui import plain

    asked = []
    monkeypatch.setattr(plain, "ask", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert window.close() is False and window.isVisible()
    assert "disk I/O error" in asked[0]


def test_screenshot_of_an_unknown_document_fails_with_a_message(qtbot, seeded_path, tmp_path, capsys):
    from annotator.ui.app import run_app

    assert run_app(project=str(seeded_path), screenshot=str(tmp_path / "x.png"), doc="nope", user="alice") == 1
    assert "no document 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
