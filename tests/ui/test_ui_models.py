"""Every item model passes pytest-qt's qtmodeltester, with rows in it."""

from __future__ import annotations

from annotator.core.resources import default_schema
from ui_helpers import key, select_phrase


def test_queue_model(qtmodeltester, make_window):
    window = make_window()
    assert window.queue_model.rowCount() == 5
    qtmodeltester.check(window.queue_model)


def test_span_table_model(qtbot, qtmodeltester, make_window):
    window = make_window()
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    select_phrase(qtbot, window, "Vladimir Putin congratulated Trump")
    key(qtbot, window, "1")
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    assert window.span_model.rowCount() == 2
    qtmodeltester.check(window.span_model)


def test_schema_editor_model(qtmodeltester):
    from annotator.ui.schema_editor.model import SchemaModel

    model = SchemaModel(default_schema())
    qtmodeltester.check(model)


def test_search_results_model(qtmodeltester, make_window):
    import annotator.project as svc
    from annotator.ui.search.corpus import SearchResultsModel

    window = make_window()
    model = SearchResultsModel()
    model.set_hits(svc.search_corpus(window.project, query="Putin"))
    assert model.rowCount() > 3
    qtmodeltester.check(model)
