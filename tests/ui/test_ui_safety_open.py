"""Opening a project in the GUI: a file that cannot be opened is named in a message box (never a
traceback); a file recovered after a crash, or on a network share, gets a notice that does not
block the window (nor --screenshot)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from ui_helpers import ROOT

from annotator.project import Project
from annotator.store import SCHEMA_VERSION, fsinfo
from annotator.ui import app, dialogs
from annotator.ui.features.safety import RECOVERED


@pytest.fixture
def errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    return shown


def patched(path, offset: int, data: bytes):
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)
    return path


def newer_schema(path):
    return patched(path, 60, (SCHEMA_VERSION + 1).to_bytes(4, "big"))  # the header's user_version


def damaged(path):
    return patched(path, 4096 * 5, bytes(4096))


def not_a_project(path):
    conn = sqlite3.connect(path.with_name("other.db"))
    conn.execute("CREATE TABLE invoices (n)")
    conn.commit()
    conn.close()
    shutil.copyfile(path.with_name("other.db"), path)
    return path


def text_file(path):
    path.write_text("just some notes\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("spoil, says", [
    (newer_schema, "made by a newer claim annotator"),
    (damaged, "the project file is damaged"),
    (not_a_project, "not a claim annotator project"),
    (text_file, "not a project file"),
], ids=["newer schema", "damaged", "another app's database", "text file"])
def test_a_file_that_cannot_be_opened_is_named_in_a_message_box(qtbot, seeded_path, errors, spoil, says):
    spoil(seeded_path)
    before = seeded_path.read_bytes()
    assert app.run_app(project=str(seeded_path), user="alice") == 1
    [(title, message)] = errors
    assert title == "Cannot open the project" and message.startswith(str(seeded_path)) and says in message
    assert "Traceback" not in message and seeded_path.read_bytes() == before


def test_a_read_only_file_is_named_in_a_message_box(qtbot, seeded_path, errors):
    seeded_path.chmod(0o444)
    try:
        assert app.run_app(project=str(seeded_path), user="alice") == 1
    finally:
        seeded_path.chmod(0o644)
    [(title, message)] = errors
    assert title == "Cannot open the project" and "the file is read-only" in message


def test_an_unexpected_error_while_opening_is_a_message_too(qtbot, seeded_path, errors, monkeypatch):
    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(seeded_path) + ".lock")

    monkeypatch.setattr(Project, "open", broken)
    assert app.run_app(project=str(seeded_path), user="alice") == 1
    [(title, message)] = errors
    assert message == (f"{seeded_path}: could not be opened (PermissionError: [Errno 13] Permission denied: "
                       f"'{seeded_path}.lock'). The file was not changed.")


def test_the_message_box_shows_its_message_as_plain_text(qtbot):
    from PySide6.QtCore import Qt

    from annotator.ui import plain

    box = plain.message(None, "Cannot open the project", "/tmp/<b>x</b>.annotator.db: not a project file")
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text().startswith("/tmp/<b>x</b>")


def kill_a_writer(path) -> None:
    """A process opens the project for writing and dies without closing it."""
    code = ("import os, signal; from annotator.project import Project; "
            f"Project.open({str(path)!r}, user='bob'); os.kill(os.getpid(), signal.SIGKILL)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60)
    assert done.returncode == -9


def test_a_project_recovered_after_a_crash_says_so_without_blocking(qtbot, seeded_path, tmp_path, monkeypatch):
    kill_a_writer(seeded_path)
    seen = {}
    real = app._screenshot

    def look(application, window, out):
        banner = window.features["safety"].banner
        seen.update(shown=not banner.isHidden(), text=banner.message.text(), recovered=window.project.recovered)
        return real(application, window, out)

    monkeypatch.setattr(app, "_screenshot", look)
    assert app.run_app(project=str(seeded_path), screenshot=str(tmp_path / "shot.png"), user="alice") == 0
    assert seen == {"shown": True, "text": RECOVERED, "recovered": True}


def test_a_cleanly_closed_project_opens_without_a_notice(make_window):
    window = make_window()
    assert not window.project.recovered and not window.features["safety"].banner.isVisible()


def test_a_project_on_a_network_share_opens_with_a_dismissible_warning(qtbot, make_window, seeded_path, tmp_path,
                                                                      monkeypatch):
    mounts = tmp_path / "mounts"
    mount_point = str(seeded_path.parent).replace(" ", "\\040")
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nfiler:/export {mount_point} nfs4 rw,relatime 0 0\n")
    monkeypatch.setattr(fsinfo, "MOUNTS_FILE", mounts)
    window = make_window()
    banner = window.features["safety"].banner
    [warning] = window.project.warnings
    assert banner.isVisible() and banner.message.text() == f"Warning: {warning}" and "network share" in warning
    banner.dismiss_button.click()
    assert not banner.isVisible()
