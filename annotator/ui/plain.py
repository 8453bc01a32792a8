"""Showing user content (document text and titles, label and layer names, notes, file names, error
messages quoting them) literally: Qt guesses rich text in QLabel, QMessageBox and tooltips, so
`<img src=x>` in a title would otherwise be rendered, and `&` in a button or action text would
become a keyboard mnemonic.

- a QLabel that shows user content: `plain_label(...)` (or `set_plain(label)`), never AutoText;
- a tooltip: `tip(text)` (the text, escaped, in a tag that makes Qt read it as rich text) — the
  user parts of a tooltip that uses markup on purpose go through `html.escape`;
- a message box: `message(...)`, with its text format set to plain;
- a button or action text: `no_mnemonic(text)`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotator.ui import actions

Button = QMessageBox.StandardButton


def tip(text: str) -> str:
    """A tooltip showing `text` literally, line breaks kept.

    Escaping alone is not enough: Qt shows a tooltip as rich text only when it *looks* like rich
    text, so an escaped `&lt;b&gt;` without a tag would be shown with its entities.
    """
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def set_plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", **kwargs) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(**kwargs)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


no_mnemonic = actions.no_mnemonic  # a button or action text shown as written (`&` would bind Alt+letter)


def message(parent: QWidget | None, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Critical,
            buttons: Button = Button.Ok, default: Button = Button.NoButton, informative: str = "") -> QMessageBox:
    """A message box whose texts are plain text (QMessageBox guesses rich text otherwise). Not shown yet."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a path or an error can be copied
    if informative:
        box.setInformativeText(informative)
        # the informative label has no format of its own: keep it plain too
        for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask(parent: QWidget | None, title: str, text: str, buttons: Button, default: Button,
        *, icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> Button:
    """A modal question in plain text; returns the button chosen."""
    box = message(parent, title, text, icon=icon, buttons=buttons, default=default)
    return Button(box.exec())
