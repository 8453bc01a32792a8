"""Small dialogs: the shortcut sheet, asking who is annotating, messages. Tests replace `ask_*` functions."""

from __future__ import annotations

import getpass
import html
from itertools import groupby
from typing import Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QTextBrowser, QVBoxLayout, QWidget

from annotator.ui import plain
from annotator.ui.actions import ActionSpec, shortcut_rows


def shortcut_sheet_html(specs: Iterable[ActionSpec], extra: Iterable[tuple[str, str, str]] = ()) -> str:
    """The F1 sheet, generated from the action table (so it can never disagree with the keys), plus
    `extra` (group, text, keys) rows for keys a feature reads itself (e.g. reviewing suggestions)."""
    parts = ["<h2>Keyboard shortcuts</h2>",
             "<p>Select text with the mouse or Shift+arrows (Ctrl+Shift+arrows by word), then press a label key. "
             "Tab moves between spans; with a claim selected, <b>l</b> or <b>d</b> starts a link, Tab chooses the "
             "source, Enter confirms. Everything is saved the moment you do it.</p>"
             "<p>While suggestions are shown (dashed ghosts; View › Show suggestions) and no link is open, Tab and "
             "Shift+Tab step through the suggestions instead; Enter, Shift+Enter, Backspace and Esc then act on the "
             "current suggestion. Esc leaves it (Enter, Backspace and Esc then act on spans again); hide the "
             "suggestions (Ctrl+Shift+H) to Tab through your spans.</p>"]
    for group, rows in groupby([*shortcut_rows(specs), *extra], key=lambda r: r[0]):
        parts.append(f"<h3>{html.escape(group)}</h3><table cellspacing='0' cellpadding='3'>")
        for _g, text, keys in rows:
            parts.append(f"<tr><td width='170'><code>{html.escape(keys)}</code></td><td>{html.escape(text)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    def __init__(self, specs: Iterable[ActionSpec], parent: QWidget | None = None,
                 extra: Iterable[tuple[str, str, str]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 640)
        self.browser = QTextBrowser()
        self.browser.setHtml(shortcut_sheet_html(specs, extra))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def ask_identity(parent: QWidget | None = None, default: str | None = None) -> str | None:
    """Who is annotating (their layer's name); None when cancelled."""
    name, ok = QInputDialog.getText(
        parent, "Who is annotating?",
        "Your name names your layer of annotations (others do not see it unless the project allows):",
        text=default or getpass.getuser(),
    )
    name = name.strip()
    return name if ok and name else None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error message, shown as plain text (it often quotes file, label or document names)."""
    plain.message(parent, title, message).exec()
