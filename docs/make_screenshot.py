"""Render docs/workspace.png: the seed articles with a few claims, sources, cues and links, in the real window,
with the engine's pending suggestions drawn as dashed ghosts and the repeated block marked in the margin.

    PYTHONPATH=. python docs/make_screenshot.py [OUT.png] [--dark]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = "000_9f0322c5207143d7"
# (phrase, label, occurrence) and links (claim phrase, source phrase, relation)
SPANS = [
    ("the Kremlin viewed as a threat to Russian-American relations", "opinion", 0),
    ("the Kremlin", "source", 0),
    ("viewed", "cue", 0),
    ("Russian president’s aide Yuri Ushakov", "source", 0),
    ("reported", "cue", 0),
    ("Vladimir Putin congratulated Trump on his success in normalizing the situation in the Gaza sector", "attributed", 0),
    ("Trump", "source", 3),
    ("the success in the Middle East will help in our negotiation in attaining an end to the war with Russia/Ukraine", "opinion", 0),
    ("Putin", "source", 2),
    ("Russian troops maintain the strategic initiative across the entire front line", "attributed", 0),
    ("stated", "cue", 0),
]
LINKS = [
    ("Vladimir Putin congratulated Trump", "Russian president’s aide Yuri Ushakov", "said_by"),
    ("the Kremlin viewed as a threat", "the Kremlin", "said_by"),
    ("the success in the Middle East", "Trump", "said_by"),
    ("Russian troops maintain", "Putin", "said_by"),
]


def build(path: Path) -> None:
    from annotator.project import Project, add_span, import_files, link, set_status, suggest

    with Project.create(path, name="demo") as project:
        assert import_files(project, sorted((ROOT / "seeds").glob("*.txt"))).ok
        text = project.store.get_document(DOC).text
        made = {}
        for phrase, label, occurrence in SPANS:
            start = -1
            for _ in range(occurrence + 1):
                start = text.index(phrase, start + 1)
            change = add_span(project, doc_id=DOC, layer="alice", start=start, end=start + len(phrase), label=label)
            made[(phrase, label)] = change.spans_added[0]
        for claim, source, relation in LINKS:
            head = next(s for (p, lab), s in made.items() if p.startswith(claim) and lab != "source")
            tail = next(s for (p, lab), s in made.items() if p == source and lab == "source")
            link(project, head=head.id, tail=tail.id, label=relation)
        for doc in ("002_8c0f25a86a7d46b7",):
            set_status(project, doc_id=doc, layer="alice", status="done")
        project.store.set_setting("last_user", "alice")
        suggest(project)


def main() -> int:
    out = Path(next((a for a in sys.argv[1:] if not a.startswith("--")), ROOT / "docs" / "workspace.png"))
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ANNOTATOR_DATA_DIR"] = str(folder)  # fresh settings: default layout, no saved state
    path = folder / "demo.annotator.db"
    build(path)
    from annotator.ui.app import SCREENSHOT_SIZE, _application, open_window
    from annotator.ui.settings import Settings

    app = _application(offscreen=True)
    settings = Settings()
    settings.theme = "dark" if "--dark" in sys.argv else "light"
    window = open_window(path, user="alice", settings=settings)
    window.appearance.apply(window.workspace.schema)
    window.start(doc=DOC)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    claim = next(s for s in window.workspace.spans.values() if s.label == "attributed")
    window.labeller.select(claim.id)
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(str(out))
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
