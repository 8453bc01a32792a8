"""The one action table: every QAction, its shortcut and its callback, declared as data.

Menus, the toolbar and the shortcut sheet (F1) are all generated from these rows, so a shortcut
shown to the user is always the one that works. A callback is an attribute path on the main window
("labeller.delete"); `args` are passed to it. Features add rows with `MainWindow.add_feature`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from typing import Any, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from annotator.core.model import Schema

MENUS = ("File", "Edit", "Annotate", "Document", "View", "Project", "Help")


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    callback: str
    menu: str
    args: tuple[Any, ...] = ()
    context: str = "window"  # "window", or "view": only while the document view has the keyboard
    checkable: bool = False
    toolbar: bool = False
    help: str = ""
    group: str = field(default="", compare=False)  # heading in the shortcut sheet (default: the menu)


A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    A("file.open", "&Open project…", ("Ctrl+O",), "open_project_dialog", "File"),
    A("file.switch_user", "Switch &annotator…", (), "switch_user", "File"),
    A("file.quit", "&Quit", ("Ctrl+Q",), "close", "File"),
    A("edit.undo", "&Undo", ("Ctrl+Z",), "workspace.undo", "Edit", toolbar=True),
    A("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "workspace.redo", "Edit", toolbar=True),
    A("edit.retry", "Retry failed &save", ("Ctrl+Shift+S",), "workspace.retry", "Edit",
      help="Run again the edit that could not be saved"),
    A("edit.discard", "Discard failed edit", (), "workspace.discard_pending", "Edit"),
    A("edit.find", "&Find in document…", ("Ctrl+F",), "find_bar.open_bar", "Edit", toolbar=True),
    A("edit.find_next", "Find next", ("F3",), "find_bar.step", "Edit", args=(True,)),
    A("edit.find_prev", "Find previous", ("Shift+F3",), "find_bar.step", "Edit", args=(False,)),
    A("edit.search", "Search all &documents…", ("Ctrl+Shift+F",), "show_corpus_search", "Edit"),
    A("annotate.delete", "&Delete span", ("Delete", "Backspace"), "labeller.delete", "Annotate"),
    A("annotate.note", "Edit &note", ("N",), "edit_note", "Annotate"),
    A("annotate.grow_end", "Grow end by a word", ("Alt+Right",), "labeller.resize", "Annotate", args=("grow_end",)),
    A("annotate.shrink_end", "Shrink end by a word", ("Alt+Left",), "labeller.resize", "Annotate", args=("shrink_end",)),
    A("annotate.grow_start", "Grow start by a word", ("Alt+Shift+Left",), "labeller.resize", "Annotate", args=("grow_start",)),
    A("annotate.shrink_start", "Shrink start by a word", ("Alt+Shift+Right",), "labeller.resize", "Annotate", args=("shrink_start",)),
    A("annotate.unlink", "Remove the span's &links", ("U",), "labeller.unlink", "Annotate"),
    A("annotate.next", "Next span / next link target", ("Tab",), "labeller.select_next", "Annotate", args=(True,), context="view"),
    A("annotate.prev", "Previous span / link target", ("Shift+Tab", "Backtab"), "labeller.select_next", "Annotate", args=(False,), context="view"),
    A("annotate.confirm", "Confirm link", ("Return", "Enter"), "labeller.confirm", "Annotate", context="view"),
    A("annotate.cancel", "Cancel link / clear selection", ("Escape",), "labeller.cancel", "Annotate", context="view"),
    A("annotate.snap", "&Snap to words", ("Ctrl+Shift+W",), "toggle_snap", "Annotate", checkable=True,
      help="Alt while dragging selects exact characters"),
    A("doc.done_next", "Mark &done, open next", ("Ctrl+Return", "Ctrl+Enter"), "navigator.done_and_next", "Document", toolbar=True),
    A("doc.in_progress", "Mark in &progress", (), "navigator.mark_in_progress", "Document"),
    A("doc.next", "&Next document", ("Ctrl+PgDown",), "navigator.next_document", "Document"),
    A("doc.prev", "&Previous document", ("Ctrl+PgUp",), "navigator.previous_document", "Document"),
    A("view.zoom_in", "Zoom &in", ("Ctrl++", "Ctrl+="), "zoom", "View", args=(1,)),
    A("view.zoom_out", "Zoom &out", ("Ctrl+-",), "zoom", "View", args=(-1,)),
    A("view.zoom_reset", "&Actual size", ("Ctrl+0",), "zoom", "View", args=(0,)),
    A("view.dark", "&Dark theme", (), "toggle_dark", "View", checkable=True),
    A("project.labels", "Edit &labels…", (), "edit_schema", "Project"),
    A("project.allow_layers", "Annotators may open others' layers", (), "toggle_allow_layers", "Project", checkable=True),
    A("help.shortcuts", "&Keyboard shortcuts", ("F1", "?"), "show_shortcuts", "Help"),
    A("help.guidelines", "&Guidelines", ("F2",), "show_guidelines", "Help"),
)


def schema_actions(schema: Schema) -> list[ActionSpec]:
    """One action per label key: span labels apply or relabel, relation labels start a link."""
    out = []
    for label in schema.span_labels:
        out.append(A(f"label.{label.name}", f"Label as {no_mnemonic(label.name)}", (label.key,) if label.key else (),
                     "labeller.apply_label", "Annotate", args=(label.name,), group="Labels",
                     help=label.description))
    for label in schema.relation_labels:
        out.append(A(f"link.{label.name}", f"Link {no_mnemonic(label.name)}…", (label.key,) if label.key else (),
                     "labeller.start_link", "Annotate", args=(label.name,), group="Links", help=label.description))
    return out


def no_mnemonic(text: str) -> str:
    """A label name in an action's text, shown as written (`&` would mark a mnemonic)."""
    return text.replace("&", "&&")


def strip_mnemonics(text: str) -> str:
    """An action's text as shown: `&x` is x underlined, `&&` a literal ampersand."""
    return re.sub(r"&(&?)", r"\1", text)


def resolve(target: object, path: str) -> Any:
    return reduce(getattr, path.split("."), target)


def build_action(spec: ActionSpec, target: object, owner: QWidget, view: QWidget | None = None) -> QAction:
    action = QAction(spec.text, owner)
    action.setObjectName(spec.id)
    action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
    action.setCheckable(spec.checkable)
    if spec.help:
        action.setStatusTip(spec.help)
    if spec.context == "view" and view is not None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        view.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        owner.addAction(action)

    def trigger(checked: bool = False, spec: ActionSpec = spec) -> None:
        args = (checked,) if spec.checkable else spec.args
        resolve(target, spec.callback)(*args)

    action.triggered.connect(trigger)
    return action


def populate_menus(menubar: QMenuBar, specs: Iterable[ActionSpec], actions: dict[str, QAction], menus: dict) -> None:
    """Add each action to its menu (created in MENUS order, or at the end for a feature's own menu)."""
    for spec in specs:
        menu = menus.get(spec.menu)
        if menu is None:
            menu = menus[spec.menu] = menubar.addMenu(f"&{spec.menu}")
        if spec.context == "view":
            continue  # keys that only make sense in the text: in the shortcut sheet, not the menu
        menu.addAction(actions[spec.id])


def populate_toolbar(toolbar: QToolBar, specs: Iterable[ActionSpec], actions: dict[str, QAction]) -> None:
    for spec in specs:
        if spec.toolbar:
            toolbar.addAction(actions[spec.id])


def shortcut_rows(specs: Iterable[ActionSpec]) -> list[tuple[str, str, str]]:
    """(group, action text, keys) for the shortcut sheet, in table order; actions without keys left out."""
    rows = []
    for spec in specs:
        if spec.shortcuts:
            keys = " / ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) or s for s in spec.shortcuts)
            rows.append((spec.group or spec.menu, strip_mnemonics(spec.text), keys))
    return rows
