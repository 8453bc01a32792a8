"""Spans made through the GUI after emoji, flags, skin tones, ZWJ sequences, combining marks and RTL text
are stored in code points, and `text[start:end]` is exactly what was selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import key, make_text_project, place_cursor

CASES = {
    "emoji": ("Fans 😀😀 cheered. Ushakov said the talks went well.", "Ushakov", Qt.Key.Key_Right),
    "flags": ("🇺🇸🇷🇺 Leaders met. Peskov said nothing.", "Peskov", Qt.Key.Key_Right),
    "skin_tone": ("Thumbs 👍🏽👍🏿 up. Zelensky answered at once.", "Zelensky", Qt.Key.Key_Right),
    "zwj": ("👩‍💻👨‍👩‍👧 Coders wrote. Reuters reported it.", "Reuters", Qt.Key.Key_Right),
    "combining": ("Cafe\u0301 owner Jose\u0301 said prices rose.", "Jose\u0301", Qt.Key.Key_Right),
    "arabic": ("قال المتحدث إن المحادثات كانت مثمرة", "المتحدث", Qt.Key.Key_Left),
    "cyrillic_after_emoji": ("🎉 Песков заявил, что переговоры продолжатся.", "Песков", Qt.Key.Key_Right),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_span_after_wide_characters_has_code_point_offsets(qtbot, make_window, tmp_path, case):
    text, target, forward = CASES[case]
    path = make_text_project(tmp_path / "offsets.annotator.db", {"doc": text})
    window = make_window(path, doc="doc")
    assert window.workspace.doc.text == text
    start = text.index(target)
    place_cursor(window, start)
    # one Shift+arrow per grapheme, logically forward (Left in right-to-left text)
    while window.view.selection_range() is None or window.view.selection_range()[1] < start + len(target) - 1:
        qtbot.keyClick(window.view, forward, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, window, "s")
    from annotator.project import Project, spans

    with Project.open(path, readonly=True) as project:
        [span] = spans(project, doc_id="doc", layer="alice")
    assert (span.start, span.end, text[span.start:span.end]) == (start, start + len(target), target)
    # and the highlight sits on the same characters in Qt's UTF-16 positions
    utf16_start = len(text[:start].encode("utf-16-le")) // 2
    assert window.view.positions.to_qt(span.start) == utf16_start
    cursor = window.view.textCursor()
    cursor.setPosition(utf16_start)
    cursor.setPosition(window.view.positions.to_qt(span.end), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == target
