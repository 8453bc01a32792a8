"""The one wrapper over QSettings: every persisted preference of the window is read and written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from annotator.project.demo import user_data_dir


class Settings:
    """Window state, theme, zoom, snapping and the last annotator, in an ini file in the user's data folder.

    An ini file beside the demo project (rather than the platform registry) keeps tests and
    portable installs self-contained: ANNOTATOR_DATA_DIR moves both.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else user_data_dir() / "ui.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._qs.value(key, default)
        if value is None:
            return default
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    # identity
    @property
    def last_user(self) -> str:
        return self._get("identity/last_user", "", str)

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._set("identity/last_user", value)

    @property
    def last_project(self) -> str:
        return self._get("session/last_project", "", str)

    @last_project.setter
    def last_project(self, value: str) -> None:
        self._set("session/last_project", value)

    # view preferences
    @property
    def snap_to_words(self) -> bool:
        return self._get("view/snap_to_words", True, bool)

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self._set("view/snap_to_words", bool(value))

    @property
    def theme(self) -> str:
        value = self._get("view/theme", "light", str)
        return value if value in ("light", "dark") else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", value)

    @property
    def zoom(self) -> int:
        """Steps from the default text size (Ctrl + and Ctrl -)."""
        return max(-6, min(12, self._get("view/zoom", 0, int)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("view/zoom", int(value))

    # window geometry and dock layout
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None, state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.sync()
