"""Helpers of the safety tests: the crash zygote client, file digests, project dumps, the figures.

Imported by name (`from safety_helpers import ...`), never `from conftest import ...`: every test
folder's conftest.py is a module called `conftest`, and the last one imported wins."""

from __future__ import annotations

import hashlib
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS_DIR = ROOT / "seeds"
FIGURES: Counter = Counter()


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under a folder with its digest: to show that nothing was written or created."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def dump(path: Path) -> dict[str, list]:
    """Every row of every table, read through a plain read-only connection, ordered."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        conn.close()


def integrity(path: Path) -> tuple[list, list]:
    """(integrity_check rows other than ok, foreign_key_check rows) of a project file."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        bad = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        return bad, conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


@dataclass
class Run:
    pid: int
    events: list[dict] = field(default_factory=list)
    exit: int | None = None
    killed: bool = False

    def acks(self) -> list[dict]:
        return [e for e in self.events if "ack" in e]

    def errors(self) -> list[str]:
        return [e["error"] for e in self.events if "error" in e]

    def saw(self, event: str) -> bool:
        return any(e.get("event") == event for e in self.events)


class Zygote:
    """Client of safety_zygote.py: one interpreter, one forked worker per run."""

    def __init__(self, log: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self._log = open(log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-u", str(HERE / "safety_zygote.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, env=env, cwd=ROOT,
        )
        self._buf = b""
        first = self._next(timeout=60)
        assert first == {"ready": True}, first

    def _next(self, timeout: float) -> dict | None:
        """The next event line, or None when none arrives within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"the zygote died; its log: {self._log.name}")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line)

    def start(self, cmd: dict, *, timeout: float = 60) -> Run:
        """Fork a worker for `cmd`; returns as soon as its pid is known."""
        self.proc.stdin.write((json.dumps(cmd) + "\n").encode())
        self.proc.stdin.flush()
        pending: list[dict] = []
        while (event := self._next(timeout)) is not None and "pid" not in event:
            pending.append(event)
        assert event is not None, "no pid from the zygote"
        return Run(pid=event["pid"], events=pending)

    def follow(self, run: Run, seconds: float, *, until: str | None = None) -> None:
        """Collect the worker's events for `seconds`, or until it is done, holding, failed, or `until` was seen."""
        deadline = time.monotonic() + seconds
        while not (run.saw("done") or run.saw("held") or run.errors() or (until and run.saw(until))):
            event = self._next(max(0.0, deadline - time.monotonic()))
            if event is None:
                return
            run.events.append(event)

    def end(self, run: Run, *, kill: bool, timeout: float = 60) -> Run:
        """SIGKILL the worker (unless it finished), let the zygote reap it, collect the last events."""
        if kill and not run.saw("done") and not run.errors():
            os.kill(run.pid, signal.SIGKILL)  # our own worker, not yet reaped: the pid is still its own
            run.killed = True
        self.proc.stdin.write(b'{"op": "reap"}\n')
        self.proc.stdin.flush()
        while (event := self._next(timeout)) is not None and "exit" not in event:
            run.events.append(event)
        assert event is not None, "the worker did not end"
        run.exit = event["exit"]
        return run

    def run(self, cmd: dict, *, kill_after: float | None, timeout: float = 60) -> Run:
        """Fork a worker; SIGKILL it `kill_after` seconds after it started (None: let it finish)."""
        run = self.start(cmd, timeout=timeout)
        self.follow(run, timeout if kill_after is None else kill_after)
        return self.end(run, kill=kill_after is not None)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write(b'{"op": "quit"}\n')
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        self._log.close()


def article_project(folder, text: str):
    """A project file in `folder` holding one document, `article`, with `text`; returns its path."""
    from annotator.project import Project, import_files

    article = folder / "article.txt"
    article.write_text(text, encoding="utf-8")
    path = folder / "p.annotator.db"
    with Project.create(path) as project:
        assert import_files(project, [article]).ok
    return path
