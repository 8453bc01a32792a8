"""Child process of the crash tests: imports the app once, then forks one worker per run.

Starting Python and importing the app costs about a second; forking costs a few milliseconds.
The parent (the test) talks JSON lines: it sends a command, we fork a worker and answer with the
worker's pid; the worker writes its own events (acknowledgements only after commit) to the same
pipe; the parent SIGKILLs the worker whenever it likes, then sends "reap", and we answer with
how the worker ended. The worker is never reaped before "reap", so its pid cannot be reused by
another process while the parent may still kill it.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
import traceback
import uuid

from annotator.project import Project, add_span, import_files, link

NAMESPACE = uuid.UUID("6f1c1c39-2c1e-4a8e-9b7a-0f4d2b0c5e11")


def save_ids(run: int, i: int) -> tuple[str, str, str]:
    """The ids of save i of run `run`: claim span, source span, relation (the test knows them too)."""
    return tuple(str(uuid.uuid5(NAMESPACE, f"{run}/{i}/{what}")) for what in ("claim", "source", "link"))  # type: ignore[return-value]


def save_offsets(i: int, length: int) -> tuple[int, int, int, int]:
    start = (i * 7) % (length - 40)
    return start, start + 20, start + 22, start + 30


def emit(**event: object) -> None:
    # One write() of a short line to a pipe is atomic: the parent never sees half an event.
    os.write(1, (json.dumps(event) + "\n").encode())


def do_saves(cmd: dict) -> None:
    """Scripted saves: claim + source + said_by link, one transaction each, acknowledged after commit."""
    project = Project.open(cmd["project"], user="crash")
    emit(event="open", recovered=project.recovered)
    run, doc, length = cmd["run"], cmd["doc"], cmd["length"]
    for i in range(cmd.get("count", 10**9)):
        claim, source, relation = save_ids(run, i)
        cs, ce, ss, se = save_offsets(i, length)
        with project.store.transaction():  # nested service calls become savepoints of this one action
            add_span(project, doc_id=doc, layer="crash", start=cs, end=ce, label="attributed",
                     note=f"{run}:{i}", span_id=claim)
            add_span(project, doc_id=doc, layer="crash", start=ss, end=se, label="source", span_id=source)
            link(project, head=claim, tail=source, label="said_by", relation_id=relation)
        emit(ack=i)
    project.close()
    emit(event="done")


def do_import(cmd: dict) -> None:
    project = Project.open(cmd["project"], user="crash")
    emit(event="open", recovered=project.recovered)
    for k, path in enumerate(cmd["files"]):
        emit(begin=k)
        report = import_files(project, [path])
        emit(ack=k, ok=report.ok, errors=report.errors)
    project.close()
    emit(event="done")


def do_hold(cmd: dict) -> None:
    """Hold the project for writing (optionally in the middle of an uncommitted action) until killed."""
    project = Project.open(cmd["project"], user=cmd.get("user", "holder"))
    if cmd.get("pending"):
        project.store.db.conn.execute("BEGIN IMMEDIATE")
        add_span(project, **cmd["pending"])  # joins the open transaction, never committed
    emit(event="held")
    while True:
        time.sleep(60)


OPS = {"saves": do_saves, "import": do_import, "hold": do_hold}


def worker(cmd: dict) -> None:
    try:
        OPS[cmd["op"]](cmd)
        code = 0
    except BaseException:  # report anything to the parent; the test decides
        emit(error=traceback.format_exc())
        code = 3
    os._exit(code)


def warm_up() -> None:
    """Do once here what the first open of a project does lazily (plugin lookup, first queries)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm.annotator.db"
        Project.create(path).close()
        with Project.open(path) as project:
            project.store.list_documents()
    gc.collect()
    gc.freeze()  # forked workers then share these objects instead of copying them on first touch


def main() -> None:
    warm_up()
    emit(ready=True)
    for raw in sys.stdin:
        cmd = json.loads(raw)
        if cmd["op"] == "quit":
            break
        pid = os.fork()
        if pid == 0:
            worker(cmd)
        emit(pid=pid)
        json.loads(sys.stdin.readline())  # "reap": the parent is done killing
        _, status = os.waitpid(pid, 0)
        emit(exit=os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
