"""A write that fails at the store level (WriteFailed: disk full, I/O error) during labelling by key:
the user sees it, the span is not in the file, Retry saves it, and the file then holds it once."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from ui_helpers import key, select_phrase, stored_spans

from annotator.project import WriteFailed

SOURCE = "Russian president’s aide Yuri Ushakov"


def fail_next_transaction(monkeypatch, store) -> list[str]:
    """The next action runs its SQL in a real transaction, whose commit then fails: rolled back, WriteFailed."""
    real = store.transaction
    failures: list[str] = []

    @contextlib.contextmanager
    def transaction():
        with real() as db:
            yield db
            if not failures:  # raised inside the real transaction: it rolls back, as on a failed COMMIT
                failures.append("commit")
                raise WriteFailed(f"{store.path}: could not save (disk I/O error); nothing of this action was written. "
                                  "Check the free disk space and that the file is writable, then try again.")

    monkeypatch.setattr(store, "transaction", transaction)
    return failures


def test_a_write_failed_in_the_store_is_shown_kept_and_saved_once_by_retry(qtbot, make_window, seeded_path, monkeypatch):
    window = make_window()
    failures = fail_next_transaction(monkeypatch, window.project.store)
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    assert failures == ["commit"]
    # shown: the red banner with the store's message, the status bar, Retry offered
    banner = window.banner
    assert banner.isVisible() and banner.message.textFormat() == Qt.TextFormat.PlainText
    assert banner.message.text() == (f"Could not save — Add source: not saved — WriteFailed: {seeded_path}: could not "
                                     "save (disk I/O error); nothing of this action was written. Check the free disk "
                                     "space and that the file is writable, then try again. Your edit is kept: retry "
                                     "when the problem is fixed.")
    assert window.save_indicator.text() == "✗ Not saved — Retry: Ctrl+Shift+S"
    assert window.actions_by_id["edit.retry"].isEnabled()
    # nothing written, nothing shown as saved
    assert stored_spans(seeded_path) == [] and len(window.view.index) == 0
    # Retry (Ctrl+Shift+S): saved, exactly once
    key(qtbot, window, "Ctrl+Shift+S")
    [span] = stored_spans(seeded_path)
    assert (span.label, span.text_in(window.workspace.doc.text)) == ("source", SOURCE)
    assert not banner.isVisible() and window.save_indicator.text().startswith("✓ Saved")
    assert [s.id for s in window.view.index] == [span.id] and window.workspace.pending is None
    key(qtbot, window, "Ctrl+Shift+S")  # nothing left to retry: still once
    assert stored_spans(seeded_path) == [span]
