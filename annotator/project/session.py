"""An open project: the store, the schema, who is working. Service functions take one of these."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from annotator.core.errors import ProjectError
from annotator.core.model import Layer, LayerKind, Schema
from annotator.core.resources import default_schema
from annotator.store import ProjectStore


class Project:
    """A project file open for writing (one process at a time) or for reading."""

    def __init__(self, store: ProjectStore, user: str | None = None) -> None:
        self.store = store
        self.user = user or store.get_setting("last_user") or getpass.getuser()
        self._schema: Schema | None = None

    @classmethod
    def create(cls, path: str | Path, *, schema: Schema | None = None, name: str | None = None) -> "Project":
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists; open it instead")
        store = ProjectStore(path, create=True)
        with store.transaction():
            store.save_schema(schema or default_schema())
            store.set_setting("name", name or path.name.split(".")[0])
            store.set_setting("allow_other_layers", True)
        return cls(store)

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, user: str | None = None, backup: bool = True) -> "Project":
        """Open a project; for writing, a verified backup of it is made first (unless `backup=False`)."""
        return cls(ProjectStore(path, readonly=readonly, backup_on_open=backup and not readonly), user=user)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def recovered(self) -> bool:
        """True when the last writer died without closing and the file was checked on open."""
        return self.store.recovered

    @property
    def warnings(self) -> list[str]:
        """What the user should know about this file (e.g. that it lies on a network share)."""
        return list(self.store.warnings)

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = self.store.load_schema()
        return self._schema

    def invalidate_schema(self) -> None:
        self._schema = None

    def setting(self, key: str, default: Any = None) -> Any:
        return self.store.get_setting(key, default)

    def layer(self, name: str) -> Layer | None:
        return self.store.get_layer(name)

    def ensure_layer(self, name: str, kind: LayerKind | None = None) -> bool:
        """Create the layer if missing (inside the caller's transaction); True when it was created."""
        if not name or not name.strip():
            raise ProjectError("a layer needs a name")
        if self.store.get_layer(name) is not None:
            return False
        if kind is None:
            kind = LayerKind.GOLD if name == "gold" else LayerKind.ANNOTATOR
        self.store.add_layer(Layer(name, kind))
        return True

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
