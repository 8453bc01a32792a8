"""Forward migrations; `PRAGMA user_version` counts the ones applied."""

from __future__ import annotations

from typing import Callable

import sqlite_utils

from annotator.store.assist import migrate_v2

V1 = """
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    added TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE TABLE layers (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('annotator', 'gold', 'suggestion')),
    created TEXT NOT NULL
);
CREATE TABLE labels (
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('span', 'relation')),
    grp TEXT NOT NULL DEFAULT 'other',
    color TEXT NOT NULL DEFAULT '#bbbbbb',
    key TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    example TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    PRIMARY KEY (name, kind)
);
CREATE TABLE spans (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer TEXT NOT NULL REFERENCES layers(name) ON DELETE CASCADE ON UPDATE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    attrs TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    CHECK (start >= 0 AND end > start)
);
CREATE INDEX spans_doc_layer ON spans(doc_id, layer, start);
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer TEXT NOT NULL REFERENCES layers(name) ON DELETE CASCADE ON UPDATE CASCADE,
    head TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    tail TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX relations_doc_layer ON relations(doc_id, layer);
CREATE INDEX relations_head ON relations(head);
CREATE INDEX relations_tail ON relations(tail);
CREATE TABLE doc_status (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer TEXT NOT NULL REFERENCES layers(name) ON DELETE CASCADE ON UPDATE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('todo', 'in progress', 'done')),
    modified TEXT NOT NULL,
    PRIMARY KEY (doc_id, layer)
);
CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    doc_id TEXT,
    layer TEXT,
    unit TEXT,
    action TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    who TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
"""


def _v1(db: sqlite_utils.Database) -> None:
    for statement in V1.split(";"):
        if statement.strip():
            db.execute(statement)


# Append only: index i migrates a file from version i to i + 1. Never edit a shipped entry.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, migrate_v2]
