"""Opening a file that is not a sound project: a clear message, and the file left byte-for-byte as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from safety_helpers import SEEDS_DIR, digest, folder_state

from annotator.project import Project, StoreError, import_files, stats
from annotator.store import SCHEMA_VERSION, fsinfo


def sound_project(path: Path) -> Path:
    with Project.create(path) as project:
        assert import_files(project, sorted(SEEDS_DIR.glob("*.txt"))).ok
    return path


def sqlite_file(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def patched(path: Path, offset: int, data: bytes) -> Path:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)
    return path


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
    finally:
        conn.close()


def garbled_page(path: Path, name: str) -> Path:
    """Random bytes over the tree page of a table or index (text pages carry no checksum to catch)."""
    sound_project(path)
    return patched(path, (root_page(path, name) - 1) * 4096, os.urandom(4096))


def with_hot_wal(path: Path, *statements: str) -> Path:
    """A project whose last writer died with committed work still in its WAL (copied mid-session)."""
    live = sound_project(path.with_name("live.annotator.db"))
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    shutil.copyfile(live, path)
    shutil.copyfile(f"{live}-wal", f"{path}-wal")
    conn.close()
    for p in live.parent.glob("live.annotator.db*"):
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    return path


def truncated(path: Path) -> Path:
    sound_project(path)
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2)
    return path


EMPTY_DIGEST = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def assert_untouched(before: dict[str, str], after: dict[str, str]) -> None:
    """Every file as it was. New ones allowed: the writer lock (empty once released), and SQLite's
    shared-memory index `-shm` with an empty `-wal`, which any reader of a WAL file may create."""
    assert {name: after.get(name) for name in before} == before
    for name in set(after) - set(before):
        assert name.endswith((".lock", "-shm", "-wal")), name
        assert name.endswith("-shm") or after[name] == EMPTY_DIGEST, name


# name → (make the file at `path`, what the message says). Every one is refused for writing and reading.
HOSTILE = {
    "text file": (lambda p: p.write_bytes(b"just some notes\n") and p, "not a project file"),
    "empty file": (lambda p: p.write_bytes(b"") or p, "empty file"),
    "PNG image": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)) and p, "not a project file"),
    "another app's SQLite": (lambda p: sqlite_file(p, "CREATE TABLE invoices (n)"), "not a claim annotator project"),
    "SQLite without tables": (lambda p: sqlite_file(p, "CREATE TABLE x (a)", "DROP TABLE x"), "not a claim annotator project"),
    "SQLite, version set, tables missing": (lambda p: sqlite_file(p, "CREATE TABLE documents (a)", "PRAGMA user_version = 1"), "not a claim annotator project"),
    "newer schema": (lambda p: patched(sound_project(p), 60, (SCHEMA_VERSION + 1).to_bytes(4, "big")), "newer claim annotator"),
    "newer schema, hot WAL": (lambda p: with_hot_wal(p, f"PRAGMA user_version = {SCHEMA_VERSION + 1}"), "newer claim annotator"),
    "garbled table page": (lambda p: garbled_page(p, "documents"), "damaged"),
    "garbled index page": (lambda p: garbled_page(p, "documents_sha256"), "damaged"),
    "zeroed text page": (lambda p: patched(sound_project(p), 4096 * 5, bytes(4096)), "damaged"),
    "truncated": (truncated, "damaged"),
    "bad page size": (lambda p: patched(sound_project(p), 16, b"\x03\x00"), "damaged"),
}


@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_project_file_is_refused_and_left_untouched(tmp_path, case, readonly, figures):
    make, message = HOSTILE[case]
    path = tmp_path / "p.annotator.db"
    make(path)
    before = folder_state(tmp_path)
    with pytest.raises(StoreError, match=message):
        Project.open(path, readonly=readonly)
    assert_untouched(before, folder_state(tmp_path))
    figures["hostile project files refused, left byte-for-byte untouched"] += 1


def test_the_cli_names_a_hostile_project_file_in_one_line(tmp_path, cli):
    path = tmp_path / "p.annotator.db"
    HOSTILE["garbled table page"][0](path)
    before = digest(path)
    result = cli("stats", path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr and "annotator restore" in result.stderr
    assert digest(path) == before


def test_a_folder_or_a_missing_file_is_named(tmp_path):
    (tmp_path / "dir.annotator.db").mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        Project.open(tmp_path / "dir.annotator.db")
    with pytest.raises(StoreError, match="no such project"):
        Project.open(tmp_path / "none.annotator.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.annotator.db"]


@pytest.fixture
def read_only(tmp_path):
    """Undo the chmods after the test, so that pytest can clean up."""
    touched: list[Path] = []

    def make(path: Path) -> Path:
        touched.append(path)
        path.chmod(0o555 if path.is_dir() else 0o444)
        return path

    yield make
    for path in touched:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_file_is_refused_for_writing_and_read_untouched(tmp_path, read_only, figures):
    path = sound_project(tmp_path / "p.annotator.db")
    read_only(path)
    before = digest(path)
    with pytest.raises(StoreError, match="the file is read-only; open it read-only"):
        Project.open(path)
    with Project.open(path, readonly=True) as project:
        assert stats(project)["documents"] == 5
    assert digest(path) == before
    figures["hostile project files refused, left byte-for-byte untouched"] += 1


@pytest.mark.skipif(os.name == "nt", reason="folder permissions are POSIX")
def test_a_read_only_folder_is_refused_for_writing_and_read_without_a_trace(tmp_path, read_only, figures):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = sound_project(folder / "p.annotator.db")
    path.with_name(path.name + ".lock").unlink()
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)
    read_only(folder)
    before = folder_state(folder)
    with pytest.raises(StoreError, match="the folder is read-only"):
        Project.open(path)
    with Project.open(path, readonly=True) as project:
        assert stats(project)["documents"] == 5
    assert folder_state(folder) == before  # not even a -wal or -shm beside it
    figures["hostile project files refused, left byte-for-byte untouched"] += 1


@pytest.fixture
def network_mount(tmp_path, monkeypatch):
    """Pretend that tmp_path is an NFS mount (the test cannot mount one)."""
    mounts = tmp_path / "mounts"
    mount_point = str(tmp_path).replace(" ", "\\040")
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nfiler:/export {mount_point} nfs4 rw,relatime 0 0\n")
    monkeypatch.setattr(fsinfo, "MOUNTS_FILE", mounts)
    return tmp_path


def test_a_project_on_a_network_share_opens_with_a_warning_and_untouched(network_mount, figures):
    path = sound_project(network_mount / "p.annotator.db")
    before = digest(path)
    with Project.open(path) as project:
        assert len(project.warnings) == 1 and "on a network share (nfs4)" in project.warnings[0]
    with Project.open(path, readonly=True) as project:
        assert "Copy it to a local disk" in project.warnings[0]
    assert digest(path) == before
    figures["project on a network share: opened with a warning, left untouched"] += 1


@pytest.mark.parametrize(
    "line, path, expected",
    [
        ("h:/x /mnt/share nfs rw 0 0", "/mnt/share/p.db", "nfs"),
        ("//srv/s /mnt/s cifs rw 0 0", "/mnt/s/deep/p.db", "cifs"),
        ("u@h: /home/me/remote fuse.sshfs rw 0 0", "/home/me/remote/p.db", "fuse.sshfs"),
        ("h:/x /mnt/share nfs rw 0 0", "/mnt/shared/p.db", None),  # a prefix of the name is not a parent
        ("h:/x /mnt/my\\040share nfs4 rw 0 0", "/mnt/my share/p.db", "nfs4"),
        ("tmpfs /mnt/share tmpfs rw 0 0", "/mnt/share/p.db", None),
    ],
)
def test_network_file_systems_are_recognised_from_the_mount_table(tmp_path, line, path, expected):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\n{line}\n")
    assert fsinfo.network_filesystem(path, mounts) == expected
