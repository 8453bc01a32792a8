"""Hostile content is shown literally: label names, document titles and texts, notes, layer names
and file names never reach Qt as HTML (nor `&` as a keyboard mnemonic)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import key, place_cursor, select_by_keys

import annotator.project as svc
from annotator.core.model import LabelDef
from annotator.core.resources import default_schema
from annotator.project import Project
from annotator.ui import dialogs, plain
from annotator.ui.actions import shortcut_rows

LABEL = "<b>x</b><img src=x>"
AMP = "R&D"
DESCRIPTION = '<a href="http://evil.example">click</a> & <img src=x>'
TITLE = '<script>alert(1)</script><a href="http://evil.example">Peskov</a> & co'
DOC_ID = "<i>doc</i>"
TEXT = "<b>Peskov</b> said <img src=x> & <a href='y'>that</a> talks were <script>useful</script>.\nNext line."
NOTE = '<a href="http://evil.example">see</a> <b>this</b> & <img src=x>'
USER = "<i>eve</i>"


def shown(text: str) -> str:
    """What a tooltip (or a QLabel in AutoText) shows for `text`: Qt's own guess, then its rendering."""
    if not QtGui.Qt.mightBeRichText(text):  # QtGui's Qt namespace carries it, QtCore's does not
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


@pytest.fixture
def hostile_path(tmp_path):
    schema = default_schema()
    extra = (LabelDef(LABEL, "span", "claim", "#aa3377", "x", DESCRIPTION), LabelDef(AMP, "span", "source", "#117733", "r"))
    schema = replace(schema, labels=schema.labels + extra)
    line = {"doc_id": DOC_ID, "text": TEXT, "meta": {"title": TITLE, "outlet": "<u>Outlet</u>"}}
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    path = tmp_path / "hostile.annotator.db"
    with Project.create(path, schema=schema) as project:
        assert svc.import_files(project, [source]).ok
    return path


@pytest.fixture
def window(make_window, hostile_path):
    return make_window(hostile_path, user=USER, doc=DOC_ID)


def label_start(qtbot, window, label_key: str = "x"):
    select_by_keys(qtbot, window, 0, len("<b>Peskov</b>"))
    key(qtbot, window, label_key)
    [span] = window.workspace.spans.values()
    return span


def test_document_text_with_markup_is_shown_verbatim(window):
    assert window.view.toPlainText() == TEXT


def test_a_document_title_and_id_with_markup_show_literally(window):
    header = window.header
    assert header.title.textFormat() == Qt.TextFormat.PlainText and header.title.text() == TITLE
    assert shown(header.title.toolTip()) == TITLE and "<script>" not in header.title.toolTip()
    assert header.meta.textFormat() == Qt.TextFormat.PlainText
    assert header.meta.text() == f"<u>Outlet</u> · {DOC_ID} · {len(TEXT):,} characters"
    model = window.queue_model
    assert model.data(model.index(0, 0)) == TITLE
    assert shown(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)) == \
        f"{TITLE}\n{DOC_ID} · {len(TEXT):,} characters · todo"


def test_a_layer_named_with_markup_shows_literally(window):
    assert window.who.textFormat() == Qt.TextFormat.PlainText and window.who.text() == f"{USER} · your layer"
    assert window.header.layer.textFormat() == Qt.TextFormat.PlainText and window.header.layer.text() == f"layer: {USER}"
    assert window.layer_box.currentText() == f"{USER} (mine)"


def test_a_label_named_with_markup_shows_literally_everywhere(qtbot, window):
    button = window.palette.buttons[LABEL]
    assert button.text() == LABEL
    assert shown(button.toolTip()) == f"{LABEL} (claim)\n{DESCRIPTION}"
    assert "<img" not in button.toolTip() and "<a " not in button.toolTip()
    span = label_start(qtbot, window)
    assert span.label == LABEL
    assert window.details.text().startswith(f"■ {LABEL} · characters 0–13")  # the details panel (rich, escaped)
    spans = window.span_model
    assert spans.data(spans.index(0, 0)) == LABEL
    assert window.view.tooltip_for(span).startswith("<b>") and shown(window.view.tooltip_for(span)).startswith(
        f"{LABEL} — “<b>Peskov</b>”")
    assert window.save_indicator.textFormat() == Qt.TextFormat.PlainText
    assert shown(window.save_indicator.toolTip()).startswith(f"Add {LABEL} — committed to")
    assert window.actions_by_id[f"label.{LABEL}"].text() == f"Label as {LABEL}"


def test_an_ampersand_in_a_label_name_is_no_mnemonic(qtbot, window):
    assert window.palette.buttons[AMP].text() == "R&&D"  # Qt shows R&D, and binds no Alt+D
    action = window.actions_by_id[f"label.{AMP}"]
    assert action.text() == "Label as R&&D"
    assert ("Labels", "Label as R&D", "R") in shortcut_rows(window.specs)


def test_a_note_with_markup_shows_literally(qtbot, window):
    span = label_start(qtbot, window)
    window.actions_by_id["annotate.note"].trigger()
    qtbot.keyClicks(window.details.note, NOTE)
    qtbot.keyClick(window.details.note, Qt.Key.Key_Return)
    [span] = window.workspace.spans.values()
    assert span.note == NOTE
    spans = window.span_model
    tooltip = spans.data(spans.index(0, 5), Qt.ItemDataRole.ToolTipRole)
    assert shown(tooltip) == NOTE and "<a " not in tooltip
    place_cursor(window, 3)
    window.labeller.select(span.id)
    assert f"Note: {NOTE}" in shown(window.view.tooltip_for(span))


def test_a_failed_save_naming_a_hostile_label_shows_literally(qtbot, window, monkeypatch):
    monkeypatch.setattr(svc, "add_span", lambda *a, **k: (_ for _ in ()).throw(svc.WriteFailed("disk <b>full</b>")))
    select_by_keys(qtbot, window, 0, 5)
    key(qtbot, window, "x")
    message = window.banner.message
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert message.text().startswith(f"Could not save — Add {LABEL}: not saved — WriteFailed: disk <b>full</b>.")
    assert shown(window.save_indicator.toolTip()) == f"Add {LABEL}: not saved — WriteFailed: disk <b>full</b>"


def test_an_error_message_box_shows_a_hostile_file_name_literally(qtbot):
    seen = {}

    def look():
        box = QApplication.activeModalWidget()
        seen.update(format=box.textFormat(), text=box.text())
        box.done(0)

    QTimer.singleShot(0, look)
    dialogs.show_error(None, "Cannot open the project", "/tmp/<img src=x>.annotator.db: not a project file")
    assert seen == {"format": Qt.TextFormat.PlainText, "text": "/tmp/<img src=x>.annotator.db: not a project file"}


@pytest.mark.parametrize("text", [LABEL, NOTE, TITLE, "AT&T &amp; co", "a < b > c", "line one\nline two", "  two  spaces"])
def test_a_plain_tooltip_shows_exactly_its_text(qtbot, text):
    assert shown(plain.tip(text)) == text


def test_a_message_box_keeps_its_text_and_informative_text_plain(qtbot):
    box = plain.message(None, "t", LABEL, informative=NOTE)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert (box.textFormat(), box.text()) == (Qt.TextFormat.PlainText, LABEL)
    assert (informative.textFormat(), informative.text()) == (Qt.TextFormat.PlainText, NOTE)


def test_no_message_box_shortcut_guesses_rich_text_in_the_ui():
    """QMessageBox.critical/warning/question/information cannot be told to show plain text: the UI uses
    `plain.message` / `plain.ask` / `dialogs.show_error` instead (checked by reading the source)."""
    ui = Path(__file__).resolve().parents[2] / "annotator" / "ui"
    pattern = re.compile(r"QMessageBox\.(critical|warning|information|question|about)\(")
    offenders = [f"{path.relative_to(ui)}:{number}" for path in sorted(ui.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []
