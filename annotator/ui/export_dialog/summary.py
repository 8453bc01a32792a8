"""What the dialog says after an export: what was written, and what could not be represented exactly."""

from __future__ import annotations

from pathlib import Path

from annotator.project import ExportSummary

MAX_FILES_LISTED = 8


def summary_text(summary: ExportSummary) -> str:
    lines = [
        f"Wrote {len(summary.files)} file(s) to {summary.path}",
        f"{summary.documents} document(s), {summary.records} document-layer record(s), "
        f"{summary.spans} span(s), {summary.relations} relation(s).",
    ]
    root = Path(summary.path)
    names = []
    for name in summary.files[:MAX_FILES_LISTED]:
        path = Path(name)
        names.append(str(path.relative_to(root)) if path.is_relative_to(root) and path != root else path.name)
    if names:
        more = len(summary.files) - len(names)
        lines.append("Files: " + ", ".join(names) + (f" … and {more} more" if more > 0 else ""))
    if summary.warnings:
        lines.append("")
        lines.append("Not represented exactly in this format:")
        lines += [f"• {warning}" for warning in summary.warnings]
    else:
        lines.append("Everything was represented exactly.")
    return "\n".join(lines)
