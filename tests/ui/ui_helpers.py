"""Helpers for the GUI tests: drive the text like a user, read back what the project file holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOC0 = "000_9f0322c5207143d7"
DOC1 = "001_aebe9d6deb04523e"


def make_text_project(path: Path, texts: dict[str, str]) -> Path:
    from annotator.project import Project, import_files

    folder = path.parent / "texts"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Project.create(path) as project:
        assert import_files(project, sorted(folder.glob("*.txt"))).ok
    return path


# driving the text like a user -----------------------------------------------------------------
def place_cursor(window, cp: int) -> None:
    """Put the text cursor at a code point offset (where a click would put it)."""
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(cp))
    view.setTextCursor(cursor)
    view.setFocus()


def select_by_keys(qtbot, window, start: int, characters: int) -> None:
    """Place the cursor at `start`, then Shift+Right `characters` times (one grapheme per press)."""
    place_cursor(window, start)
    for _ in range(characters):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def select_words(qtbot, window, start: int, words: int) -> None:
    """Place the cursor at `start`, then Ctrl+Shift+Right `words` times."""
    place_cursor(window, start)
    for _ in range(words):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)


def select_phrase(qtbot, window, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Select `phrase` word by word with the keyboard; returns its code point offsets."""
    text = window.workspace.doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    select_by_keys(qtbot, window, start, len(phrase))
    return start, start + len(phrase)


def key(qtbot, window, sequence: str) -> None:
    """Press a key or shortcut (e.g. "1", "s", "Ctrl+Z") with the document view focused."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.view, combo.key(), combo.keyboardModifiers())


def stored_spans(path: Path, layer: str = "alice", doc: str = DOC0):
    from annotator.project import Project, spans

    with Project.open(path, readonly=True) as project:
        return spans(project, doc_id=doc, layer=layer)
