"""What lies under a path: may we write it, and is it a network share (where SQLite is unsafe)."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Linux lists every mount here; elsewhere we cannot tell and say nothing.
MOUNTS_FILE = Path("/proc/mounts")

# File systems reached over a network: SQLite's locks and WAL's shared memory are unreliable there.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "beegfs", "sshfs", "davfs", "davfs2", "s3fs", "rclone", "gcsfuse", "webdav",
})


def writable(path: Path) -> bool:
    """Whether we may write `path`.

    A file or folder without any write permission bit counts as read-only even for root, who could
    write it anyway: the owner marked it so, and we respect that instead of quietly changing it.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & 0o222)


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash in mount points as octal escapes.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def filesystem_type(path: str | Path, mounts_file: Path | None = None) -> str | None:
    """The type of the file system holding `path` (`ext4`, `nfs4` …), or None when unknown."""
    try:
        lines = (mounts_file or MOUNTS_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_len = None, -1
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount, fstype = _unescape(parts[1]), parts[2]
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= best_len:  # the deepest mount wins; a later one stacks on top
            best, best_len = fstype, len(mount)
    return best


def network_filesystem(path: str | Path, mounts_file: Path | None = None) -> str | None:
    """The network file system type holding `path` (e.g. `nfs4`, `cifs`), or None for a local disk."""
    if os.name == "nt" and str(path).startswith(("\\\\", "//")):
        return "smb"  # a UNC path: \\server\share
    fstype = filesystem_type(path, mounts_file)
    if fstype is None:
        return None
    base = fstype.lower().removeprefix("fuse.")
    return fstype if base in NETWORK_FILESYSTEMS or base.startswith(("nfs", "smb", "cifs")) else None


def network_warning(path: Path, fstype: str) -> str:
    return (
        f"{path} is on a network share ({fstype}). SQLite cannot lock files reliably there, so two "
        "computers opening this project at once could damage it. Copy it to a local disk to work on it."
    )
