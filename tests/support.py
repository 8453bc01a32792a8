"""Helpers tests import by name (`from support import ...`); fixtures live in conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_cli(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m annotator` in a child process, as a user's shell would."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=300,
    )
