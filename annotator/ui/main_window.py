"""The main window: builds the parts and wires them together; the behaviour lives in the parts.

Extension points for other features: `add_feature` (actions, menus, shortcuts, docks) and
`show_ghost_spans` (extra spans drawn dashed and faded, e.g. suggestions from another layer).
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QToolBar,
                               QVBoxLayout, QWidget)

import annotator.project as svc
from annotator.core.model import Span
from annotator.project import Project, SearchHit
from annotator.ui import actions as act
from annotator.ui import dialogs, features, plain
from annotator.ui.appearance import Appearance
from annotator.ui.document_view.view import DocumentView
from annotator.ui.features.jobs import JobRunner
from annotator.ui.labelling.controller import Labeller
from annotator.ui.panels.details import DetailsPanel
from annotator.ui.panels.guidelines import GuidelinesPanel
from annotator.ui.panels.header import DocumentHeader
from annotator.ui.panels.palette import LabelPalette
from annotator.ui.panels.save_state import ErrorBanner, SaveIndicator
from annotator.ui.queue.model import QueueModel
from annotator.ui.queue.navigator import Navigator
from annotator.ui.queue.panel import QueuePanel
from annotator.ui.search.corpus import CorpusSearchPanel
from annotator.ui.search.find_bar import FindBar
from annotator.ui.settings import Settings
from annotator.ui.spans.model import SpanTableModel
from annotator.ui.spans.panel import SpanPanel
from annotator.ui.workspace import Workspace

Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    open_requested = Signal(str)  # a project path chosen with File > Open

    def __init__(self, project: Project, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.project = project
        self.workspace = ws = Workspace(project, self)
        self.setWindowTitle(f"{project.path.name} — claim annotator")
        # the text column
        self.view = DocumentView()
        self.header = DocumentHeader()
        self.banner = ErrorBanner(ws)
        self.find_bar = FindBar(self.view)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget, stretch in ((self.banner, 0), (self.header, 0), (self.view, 1), (self.find_bar, 0)):
            column.addWidget(widget, stretch)
        self.setCentralWidget(central)
        self.labeller = Labeller(ws, self.view, snap=self.settings.snap_to_words)
        self.appearance = Appearance(self.settings, self.view)
        # panels
        self.queue_model = QueueModel(project, ws.user, self)
        self.queue = QueuePanel(self.queue_model)
        self.navigator = Navigator(ws, self.queue_model, self.queue)
        self.palette = LabelPalette(self.labeller.apply_label, self.labeller.start_link)
        self.details = DetailsPanel(self.labeller.set_note)
        self.span_model = SpanTableModel(ws, self)
        self.spans = SpanPanel(self.span_model)
        self.guidelines = GuidelinesPanel()
        self.corpus = CorpusSearchPanel(project, self.open_hit)
        self.docks: dict[str, QDockWidget] = {}
        self.menus: dict = {name: self.menuBar().addMenu(f"&{name}") for name in act.MENUS}
        self.add_dock("Documents", self.queue, Area.LeftDockWidgetArea)
        self.add_dock("Search", self.corpus, Area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.docks["Documents"], self.docks["Search"])
        self.docks["Documents"].raise_()
        self.add_dock("Labels", self.palette, Area.RightDockWidgetArea)
        self.add_dock("Selected span", self.details, Area.RightDockWidgetArea)
        self.add_dock("Spans", self.spans, Area.RightDockWidgetArea)
        self.add_dock("Guidelines", self.guidelines, Area.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["Spans"], self.docks["Guidelines"])
        self.docks["Spans"].raise_()
        # actions, menus, toolbar, status bar
        self.actions_by_id: dict[str, QAction] = {}
        self.specs: list[act.ActionSpec] = []
        self.toolbar = QToolBar("Main", objectName="MainToolbar", movable=False)
        self.addToolBar(self.toolbar)
        self._add_specs(act.ACTIONS, self, toolbar=True)
        self.schema_specs: list[act.ActionSpec] = []
        self.layer_box = QComboBox(toolTip="Layer shown: yours, or another annotator's (read-only)")
        self.layer_box.activated.connect(lambda _i: self.navigator.switch_layer(self.layer_box.currentData()))
        self.toolbar.addSeparator()
        self.toolbar.addWidget(QLabel(" Layer "))
        self.toolbar.addWidget(self.layer_box)
        self.who = plain.plain_label()  # names the annotator and the layer: user text
        self.progress = QLabel()
        self.save_indicator = SaveIndicator(ws)
        for widget in (self.who, self.progress, self.save_indicator):
            self.statusBar().addPermanentWidget(widget)
        # wiring
        ws.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ws.document_opened.connect(self._on_document_opened)
        ws.changed.connect(lambda _c: self._show_header())
        ws.schema_changed.connect(self._on_schema)
        ws.save_state_changed.connect(self._on_save_state)
        self.labeller.selection_changed.connect(self._on_selection)
        self.spans.span_chosen.connect(self._span_chosen)
        self.queue_model.dataChanged.connect(self._show_progress)
        self.queue_model.modelReset.connect(self._show_progress)
        group = ws.undo_group
        for name, can, text in (("edit.undo", group.canUndoChanged, group.undoTextChanged),
                                ("edit.redo", group.canRedoChanged, group.redoTextChanged)):
            can.connect(self.actions_by_id[name].setEnabled)
            self.actions_by_id[name].setEnabled(False)
        self.actions_by_id["annotate.snap"].setChecked(self.settings.snap_to_words)
        self.actions_by_id["view.dark"].setChecked(self.settings.theme == "dark")
        self.actions_by_id["project.allow_layers"].setChecked(svc.other_layers_allowed(project))
        self._on_save_state(ws.save_state)
        self._on_schema()
        # features: import/export, review, suggestions, repeated passages, similar claims
        self.key_notes: list[tuple[str, str, str]] = []  # keys a feature handles itself, for the F1 sheet
        self.jobs = JobRunner(ws, self)
        self.features = features.install(self)
        self._restore_layout()

    # composition --------------------------------------------------------------------------------
    def add_dock(self, title: str, widget: QWidget, area: Area = Area.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self, objectName=f"dock.{title}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.docks[title] = dock
        self.menus["View"].addAction(dock.toggleViewAction())
        return dock

    def _add_specs(self, specs: Iterable[act.ActionSpec], target: object, toolbar: bool = False) -> list[QAction]:
        specs = list(specs)
        made = []
        for spec in specs:
            self.actions_by_id[spec.id] = action = act.build_action(spec, target, self, self.view)
            made.append(action)
        act.populate_menus(self.menuBar(), specs, self.actions_by_id, self.menus)
        if toolbar:
            act.populate_toolbar(self.toolbar, specs, self.actions_by_id)
        self.specs += specs
        return made

    def add_feature(self, name: str, *, actions: Iterable[act.ActionSpec] = (), target: object | None = None,
                    docks: Iterable[tuple[str, QWidget]] = (), area: Area = Area.RightDockWidgetArea) -> list[QAction]:
        """Plug a feature in: its actions (callbacks resolved on `target`) join menus, shortcuts and the
        shortcut sheet; its widgets become docks. Returns the QActions made."""
        made = self._add_specs(actions, target if target is not None else self, toolbar=True)
        for title, widget in docks:
            self.add_dock(title, widget, area)
        return made

    def show_ghost_spans(self, spans: Iterable[Span]) -> None:
        """Draw extra spans (suggestions, another layer) dashed and faded over the text; cleared on document change."""
        self.view.set_ghost_spans(spans)

    def start(self, *, doc: str | None = None, layer: str | None = None) -> None:
        """Open a document: the one asked for, else where this annotator left off, else the first not done."""
        self.navigator.start(doc=doc, layer=layer)
        if self.workspace.doc is None:
            self.header.show_document(None, status="", layer=self.workspace.layer, readonly=False)
        self.view.setFocus()

    # reactions ----------------------------------------------------------------------------------
    def _on_document_opened(self) -> None:
        ws = self.workspace
        self.find_bar.matches = []
        self._show_header()
        self._fill_layers()
        self.who.setText(f"{ws.user} · " + (f"viewing {ws.layer}'s layer, read-only" if ws.readonly else "your layer"))
        self.palette.setEnabled(not ws.readonly)

    def _show_header(self) -> None:
        ws = self.workspace
        self.header.show_document(ws.doc, status=ws.status, layer=ws.layer, readonly=ws.readonly, spans=len(ws.spans))

    def _show_progress(self, *args) -> None:
        self.progress.setText(f"{self.queue_model.done_count()} of {self.queue_model.rowCount()} done")

    def refresh_lists(self) -> None:
        """After documents or layers came in from outside (an import): the queue and the layer box."""
        self.queue_model.reload()
        self._fill_layers()
        if self.workspace.doc is not None:
            self.queue.show_current(self.workspace.doc.id)

    def _fill_layers(self) -> None:
        self.layer_box.clear()
        for layer in svc.visible_layers(self.project, user=self.workspace.user):
            mine = layer.name == self.workspace.user
            self.layer_box.addItem(f"{layer.name} (mine)" if mine else f"{layer.name} — read-only", layer.name)
        self.layer_box.setCurrentIndex(max(0, self.layer_box.findData(self.workspace.layer)))

    def _on_schema(self) -> None:
        for spec in self.schema_specs:
            action = self.actions_by_id.pop(spec.id)
            self.removeAction(action)
            for menu in self.menus.values():
                menu.removeAction(action)
            action.deleteLater()
        self.specs = [s for s in self.specs if s not in self.schema_specs]
        self.schema_specs = act.schema_actions(self.workspace.schema)
        self._add_specs(self.schema_specs, self)
        self.palette.set_schema(self.workspace.schema)
        self.appearance.apply(self.workspace.schema)

    def _on_selection(self, span: Span | None) -> None:
        ws = self.workspace
        links = []
        if span is not None and ws.doc is not None:
            links = [self.span_model.links_text(span)] if ws.relations_of(span.id) else []
        entry = ws.schema.get(span.label) if span else None
        self.details.show_span(span, span.text_in(ws.doc.text) if span and ws.doc else "",
                               links[0].split("; ") if links else [], entry.color if entry else "#999999", ws.readonly)
        self.spans.show_span(span.id if span else None)

    def _span_chosen(self, span_id: str) -> None:
        self.labeller.select(span_id)

    def _on_save_state(self, state) -> None:
        self.actions_by_id["edit.retry"].setEnabled(state.state == "failed")
        self.actions_by_id["edit.discard"].setEnabled(state.state == "failed")
        if state.state == "failed":
            self.statusBar().showMessage(state.message, 0)

    # action callbacks (small: each hands over to a part) -----------------------------------------
    def edit_note(self) -> None:
        self.docks["Selected span"].raise_()
        self.details.focus_note()

    def toggle_snap(self, checked: bool) -> None:
        self.labeller.snap = self.settings.snap_to_words = checked
        self.statusBar().showMessage("Snapping to words" if checked else "Exact characters (no snapping)", 4000)

    def zoom(self, step: int) -> None:
        self.appearance.zoom(step, self.workspace.schema)

    def toggle_dark(self, checked: bool) -> None:
        self.appearance.set_dark(checked, self.workspace.schema)

    def toggle_allow_layers(self, checked: bool) -> None:
        svc.set_other_layers_allowed(self.project, allowed=checked)
        self._fill_layers()

    def edit_schema(self) -> None:
        from annotator.ui.schema_editor.dialog import SchemaEditor

        self.schema_editor = SchemaEditor(self.workspace, self)
        self.schema_editor.open()  # window-modal, without a nested event loop

    def show_shortcuts(self) -> None:
        self.shortcut_sheet = dialogs.ShortcutSheet(self.specs, self, extra=self.key_notes)
        self.shortcut_sheet.show()

    def show_guidelines(self) -> None:
        self.docks["Guidelines"].show()
        self.docks["Guidelines"].raise_()

    def show_corpus_search(self) -> None:
        self.docks["Search"].show()
        self.docks["Search"].raise_()
        self.corpus.focus()

    def open_hit(self, hit: SearchHit) -> None:
        self.navigator.open(hit.doc_id)
        self.view.select_range(hit.start, hit.end)
        self.view.setFocus()

    def switch_user(self) -> None:
        name = dialogs.ask_identity(self, self.workspace.user)
        if name and name != self.workspace.user:
            self.workspace.user = self.project.user = self.settings.last_user = name
            self.queue_model.reload(name)
            if self.workspace.doc is not None:
                self.navigator.open(self.workspace.doc.id, name)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", str(self.project.path.parent),
                                              "Projects (*.annotator.db);;All files (*)")
        if path:
            self.open_requested.emit(path)

    # window state -------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        self._default_sizes = state is None or not self.restoreState(state)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if getattr(self, "_default_sizes", False):  # first run: a layout that favours the text column
            self._default_sizes = False
            self.resizeDocks([self.docks["Documents"], self.docks["Labels"]], [330, 340], Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["Labels"], self.docks["Selected span"], self.docks["Spans"]],
                             [225, 290, 330], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.workspace.pending is not None and not self._confirm_lose_pending():
            event.ignore()
            return
        features.shutdown(self)
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.workspace.flush_place()
        self.project.close()
        super().closeEvent(event)

    def _confirm_lose_pending(self) -> bool:
        answer = plain.ask(
            self, "An edit is not saved",
            f"{self.workspace.save_state.message}\n\nRetry saving it before closing?",
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry,
        )
        if answer == QMessageBox.StandardButton.Retry:
            return self.workspace.retry()
        return answer == QMessageBox.StandardButton.Discard
