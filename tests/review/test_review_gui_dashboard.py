"""The agreement dashboard: computed in a worker, painted charts, document list that opens review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.project import agreement
from annotator.ui.review import AgreementDashboard, ReviewLauncher, open_agreement_dashboard
from annotator.ui.review.charts import scale_colour
from annotator.ui.review.models import DOC_ID_ROLE, DocumentAgreementModel

SOURCE, CLAIM, LONG = (0, 5, "source"), (11, 23, "attributed"), (11, 28, "attributed")


@pytest.fixture
def project(make_project):
    return make_project({
        "ann": {"d1": [SOURCE, CLAIM], "d2": [(0, 7, "source")]},
        "bob": {"d1": [SOURCE, LONG], "d2": [(0, 7, "source")]},
        "cyd": {"d1": [SOURCE, CLAIM], "d2": [(0, 7, "source")]},
    })


def test_dashboard_computes_off_the_ui_thread_and_shows_the_report(qtbot, project):
    board = open_agreement_dashboard(project)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.report is not None, timeout=20_000)
    expected = agreement(project)
    assert board.report.to_json(full=True) == expected.to_json(full=True)
    assert "ann, bob, cyd" in board.headline.text() and "<b>2</b> document(s)" in board.headline.text()
    assert board.heatmap.value("ann", "bob") == expected.pair("ann", "bob").span_f1_exact
    assert [board.model.data(board.model.index(r, 0), DOC_ID_ROLE) for r in range(board.model.rowCount())] == ["d1", "d2"]
    assert not board.cancel_button.isVisible() and board.recompute_button.isEnabled()


def test_heatmap_measure_follows_the_combo(qtbot, project):
    board = AgreementDashboard(project, compute=False)
    qtbot.addWidget(board)
    board.set_report(agreement(project))
    board.measure.setCurrentIndex(board.measure.findData("token_kappa"))
    assert board.heatmap.measure == "token_kappa"
    assert board.heatmap.value("ann", "cyd") == 1.0


def test_charts_paint(qtbot, project):
    board = AgreementDashboard(project, compute=False)
    qtbot.addWidget(board)
    board.set_report(agreement(project))
    board.resize(900, 600)
    board.show()
    assert not board.heatmap.grab().isNull() and not board.bars.grab().isNull()
    assert scale_colour(None).name() == "#d9dce1"
    assert scale_colour(1.0).hueF() == pytest.approx(1 / 3, abs=0.01)


def test_failed_computation_is_shown(qtbot, project):
    board = AgreementDashboard(project, layers=["ann", "zed"])
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.job is None, timeout=20_000)
    assert "no layer 'zed'" in board.headline.text()


def test_document_model(qtmodeltester, project):
    model = DocumentAgreementModel()
    model.set_documents(agreement(project).per_document)
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(5)] == ["Title d1", "0.333", "1", "2", "0.667"]


def test_double_click_asks_for_the_document_in_review(qtbot, project):
    board = AgreementDashboard(project, compute=False)
    qtbot.addWidget(board)
    board.set_report(agreement(project))
    with qtbot.waitSignal(board.document_requested) as signal:
        board.table.doubleClicked.emit(board.model.index(0, 0))
    assert signal.args == ["d1"]


def test_launcher_opens_review_at_the_document_the_dashboard_asks_for(qtbot, project):
    launcher = ReviewLauncher(project)
    board = launcher.open_dashboard()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.report is not None, timeout=20_000)
    board.table.setCurrentIndex(board.model.index(1, 0))
    qtbot.mouseClick(board.open_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(launcher.session)
    assert launcher.session.session.review.document.id == "d2"


def test_a_cancelled_computation_reports_cancelled(qtbot, project):
    from annotator.ui.review.worker import AgreementJob

    job = AgreementJob(project.path, None)
    job.cancel()
    with qtbot.waitSignal(job.failed) as signal:
        job.run()
    assert signal.args == ["cancelled"]


def test_launcher_reports_gold_changes_and_explains_unreviewable_documents(qtbot, make_project):
    project = make_project({"ann": {"d1": [SOURCE]}, "bob": {"d1": []}}, name="g.db", done={"ann": ["d1"], "bob": ["d1"]})
    changed = []
    launcher = ReviewLauncher(project, on_gold_changed=changed.append)
    window = launcher.open_session(doc_id="d2")  # nobody marked d2 done
    qtbot.addWidget(window)
    assert window.error.text() == "document 'd2' has nothing to review (no voting layer marked it done)"
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert changed == ["d1"]
