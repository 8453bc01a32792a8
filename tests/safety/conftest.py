"""Fixtures of the safety tests, and the figures the suite measured, printed at the end of a run
(RELIABILITY.md quotes them)."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from safety_helpers import FIGURES, Zygote


@pytest.fixture(scope="session")
def figures() -> Counter:
    """Counts a test adds to (kill runs, acknowledged saves, hostile files, fuzz cases)."""
    return FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if FIGURES:
        terminalreporter.write_sep("-", "safety figures measured by this run")
        for key in sorted(FIGURES):
            terminalreporter.write_line(f"{key}: {FIGURES[key]}")


@pytest.fixture(scope="session")
def zygote(tmp_path_factory):
    if not hasattr(os, "fork"):
        pytest.skip("the crash harness forks its workers (POSIX)")
    z = Zygote(tmp_path_factory.mktemp("zygote") / "zygote.log")
    yield z
    z.close()
