"""Review GUI: the adjudication session and the agreement dashboard, as standalone windows.

Wiring into the main window:

    from annotator.ui.review import ReviewLauncher
    self.review = ReviewLauncher(self.project, self, on_gold_changed=...)
    # two Project-menu actions calling self.review.open_session() and self.review.open_dashboard();
    # a dashboard row opens that document in the (single) session window.
"""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError
from annotator.project import Project
from annotator.ui.review.dashboard import AgreementDashboard
from annotator.ui.review.session_window import ReviewSessionWindow


def open_review_session(
    project: Project, parent: QWidget | None = None, *, layers: Sequence[str] | None = None,
    blind: bool = False, doc_id: str | None = None,
) -> ReviewSessionWindow:
    """Open (show) a review session window over `project`, optionally at one document."""
    window = ReviewSessionWindow(project, parent, layers=layers, blind=blind)
    if doc_id is not None:
        _go_to(window, doc_id)
    window.show()
    window.activateWindow()
    window.setFocus()
    return window


def _go_to(window: ReviewSessionWindow, doc_id: str) -> None:
    """Show that document, or say why it cannot be reviewed (never raise into a Qt slot)."""
    try:
        window.session.open_doc_id(doc_id)
    except AnnotatorError as exc:
        window.refresh()
        window.error.setText(str(exc))
        return
    window.refresh()


def open_agreement_dashboard(
    project: Project, parent: QWidget | None = None, *, layers: Sequence[str] | None = None
) -> AgreementDashboard:
    """Open (show) the agreement dashboard; it computes in a worker thread."""
    dashboard = AgreementDashboard(project, parent, layers=layers)
    dashboard.show()
    return dashboard


class ReviewLauncher:
    """What the main window keeps: opens the windows, and a dashboard row opens that document in review."""

    def __init__(
        self, project: Project, parent: QWidget | None = None, *, blind: bool = False,
        on_gold_changed: Callable[[str], None] | None = None,
    ) -> None:
        self.project = project
        self.parent = parent
        self.blind = blind
        self.on_gold_changed = on_gold_changed  # e.g. reload the main window's view when it shows gold
        self.session: ReviewSessionWindow | None = None
        self.dashboard: AgreementDashboard | None = None

    def open_session(self, doc_id: str | None = None) -> ReviewSessionWindow:
        if self.session is not None and self.session.isVisible():
            if doc_id is not None:
                _go_to(self.session, doc_id)
            self.session.raise_()
            self.session.activateWindow()
            return self.session
        self.session = open_review_session(self.project, self.parent, blind=self.blind, doc_id=doc_id)
        if self.on_gold_changed is not None:
            self.session.gold_changed.connect(self.on_gold_changed)
        return self.session

    def open_dashboard(self) -> AgreementDashboard:
        if self.dashboard is not None and self.dashboard.isVisible():
            self.dashboard.raise_()
            return self.dashboard
        self.dashboard = open_agreement_dashboard(self.project, self.parent)
        self.dashboard.document_requested.connect(self.open_session)
        return self.dashboard


__all__ = ["AgreementDashboard", "ReviewLauncher", "ReviewSessionWindow", "open_agreement_dashboard", "open_review_session"]
