"""Timed backups in the GUI: how long a backup takes, and how long it stalls the window's event loop
when run on the UI thread versus on the backup worker (what `annotator.ui.features.safety` does).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_backup.py [DOCS]   (default 7,300 documents ≈ 50 MB)

The stall is the longest gap between the beats of a 5 ms heartbeat timer while the backup runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_safety import make_jsonl  # noqa: E402

from annotator.project import Project, add_span, backup_if_due, documents, import_files  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


_made = [0]


def change(project: Project) -> None:
    """One saved span (a new one each time), so that a backup is due."""
    doc = documents(project)[0]["id"]
    _made[0] += 1
    add_span(project, doc_id=doc, layer="bench", start=_made[0], end=_made[0] + 3, label="source")


def sync_backup_seconds(path: Path, repeat: int = 3) -> float:
    """backup_if_due on the calling thread, a change before each (best of `repeat`)."""
    times = []
    with Project.open(path, user="bench", backup=False) as project:
        for _ in range(repeat):
            change(project)
            t = time.perf_counter()
            assert backup_if_due(project, every_minutes=0) is not None
            times.append(time.perf_counter() - t)
    return min(times)


def stalls(path: Path, repeat: int = 3) -> tuple[float, float]:
    """Longest event-loop gap (s) during a backup: on the UI thread, then on the worker (best of `repeat`)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Project.open(path, user="bench", backup=False), Settings())
    window.show()
    app.processEvents()
    safety = window.features["safety"]
    safety.backups.timer.stop()
    safety.backups.every_minutes = 0
    clock, gaps = QElapsedTimer(), []
    beat = QTimer(interval=5)
    last = [0]

    def on_beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    beat.timeout.connect(on_beat)

    def measure(start) -> float:
        change(window.project)  # the save that makes a backup due is not part of what is measured
        app.processEvents()
        loop = QEventLoop()
        gaps.clear()
        clock.start()
        last[0] = 0
        beat.start()
        QTimer.singleShot(20, lambda: start(loop))
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        beat.stop()
        return max(gaps) / 1000

    def on_ui_thread(loop) -> None:
        backup_if_due(window.project, every_minutes=0)
        QTimer.singleShot(50, loop.quit)

    def on_worker(loop) -> None:
        safety.backups.backed_up.connect(lambda _info: QTimer.singleShot(50, loop.quit))
        assert safety.backups.tick()

    ui = min(measure(on_ui_thread) for _ in range(repeat))
    worker = []
    for _ in range(repeat):
        worker.append(measure(on_worker))
        safety.backups.backed_up.disconnect()
        safety.backups.backed_up.connect(safety._backed_up)
    window.close()
    return ui, min(worker)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7_300
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds = folder / "seeds.annotator.db"
        with Project.create(seeds) as project:
            assert import_files(project, sorted(SEEDS.glob("*.txt"))).ok
        large = folder / "large.annotator.db"
        source = folder / "corpus.jsonl"
        make_jsonl(source, n)
        with Project.create(large) as project:
            assert import_files(project, [source]).ok
        source.unlink()
        for name, path in (("seeds (5 articles)", seeds), (f"{n:,} documents", large)):
            size = path.stat().st_size / 1e6
            sync = sync_backup_seconds(path)
            ui, worker = stalls(path)
            print(f"{name}, {size:.1f} MB: backup_if_due {sync * 1000:.0f} ms; longest event-loop stall "
                  f"{ui * 1000:.0f} ms on the UI thread, {worker * 1000:.0f} ms with the worker")


if __name__ == "__main__":
    main()
