"""CoNLL (BIO), in the CoNLL-U Plus layout: a header naming the columns, one token per line.

One tag column per label group (CLAIM, SOURCE, CUE, … from the schema), so a claim that overlaps a
source and a cue keeps all three. Tokens are `annotator.core.tokens.tokenize` (the agreement rule).

    # global.columns = ID FORM START END CLAIM SOURCE CUE
    # newdoc id = seed-000
    # layer = alice
    1	Ushakov	0	7	O	B-source	O

A blank line ends a sentence (a line break of the text that no span crosses) and each document and
layer block. START/END are code-point offsets into the document text. A span whose edges fall inside
a token covers the whole token (counted in the summary); two spans of one group over the same token
cannot both be tagged: the earliest, then longest, wins and the other is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from annotator.core.model import AnnotatedDocument, Schema, Span
from annotator.core.tokens import tokenize
from annotator.formats.pipeline import ExportContext, Exporter, where

EXPANDED = "span(s) did not fall on token boundaries and were widened to whole tokens"
CLASH = "span(s) overlap an earlier span of the same label group and are not in its BIO column"
_NEWLINE = re.compile("\n")
EMPTY = "span(s) cover no token (white space only) and are not in the BIO columns"
NO_RELATIONS = "relation(s) are not represented in CoNLL (use jsonl, spacy, brat, labelstudio, xmi or parquet)"


def columns_for(schema: Schema, items: list[AnnotatedDocument]) -> list[str]:
    """Label groups in schema order; "other" when a label is not in the schema."""
    groups = list(dict.fromkeys(label.group for label in schema.span_labels))
    unknown = any(schema.get(s.label) is None for item in items for s in item.spans)
    if unknown and "other" not in groups:
        groups.append("other")
    return groups


def _column_tags(
    item: AnnotatedDocument, spans: list[Span], tokens: list[tuple[int, int]], ctx: ExportContext
) -> list[str]:
    starts = [t[0] for t in tokens]
    ends = [t[1] for t in tokens]
    tags = ["O"] * len(tokens)
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.label)):
        first = bisect_right(ends, span.start)  # first token ending after the span starts
        last = bisect_left(starts, span.end) - 1  # last token starting before the span ends
        if first > last:
            ctx.warn(EMPTY, where(item, span.start, span.end))
            continue
        if any(tag != "O" for tag in tags[first : last + 1]):
            ctx.warn(CLASH, where(item, span.start, span.end))
            continue
        if starts[first] != span.start or ends[last] != span.end:
            ctx.warn(EXPANDED, where(item, span.start, span.end))
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label}"
    return tags


def _sentence_starts(text: str, tokens: list[tuple[int, int]], spans: list[Span]) -> set[int]:
    """Indices of tokens that begin a sentence: the first token after a line break that no span crosses."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    if not newlines:
        return set()
    # A running count over the sorted span edges tells which newlines lie inside a span.
    edges = sorted([(s.start, 1) for s in spans] + [(s.end, -1) for s in spans])
    starts = [t[0] for t in tokens]
    out, depth, k = set(), 0, 0
    for pos in newlines:
        while k < len(edges) and edges[k][0] <= pos:
            depth += edges[k][1]
            k += 1
        if depth == 0:
            index = bisect_right(starts, pos)
            if 0 < index < len(tokens):
                out.add(index)
    return out


def format_block(item: AnnotatedDocument, groups: list[str], schema: Schema, ctx: ExportContext) -> Iterator[str]:
    text = item.document.text
    tokens = tokenize(text)
    by_group: dict[str, list[Span]] = {group: [] for group in groups}
    for span in item.spans:
        group = schema.group_of(span.label)
        by_group[group if group in by_group else "other"].append(span)
    columns = [_column_tags(item, by_group[g], tokens, ctx) for g in groups]
    for _ in item.relations:
        ctx.warn(NO_RELATIONS)
    breaks = _sentence_starts(text, tokens, item.spans)
    head = f"# newdoc id = {item.document.id}\n"
    if item.layer is not None:
        head += f"# layer = {item.layer}\n"
    lines = [head]
    number = 0
    for i, ((start, end), tags) in enumerate(zip(tokens, zip(*columns) if columns else [()] * len(tokens))):
        if i in breaks:
            lines.append("\n")
            number = 0
        number += 1
        lines.append(f"{number}\t{text[start:end]}\t{start}\t{end}\t" + "\t".join(tags) + "\n")
    lines.append("\n")
    yield "".join(lines)


def format_conll(items: list[AnnotatedDocument], ctx: ExportContext) -> Iterator[str]:
    groups = columns_for(ctx.schema, items)
    yield "# global.columns = ID FORM START END " + " ".join(g.upper() for g in groups) + "\n"
    for item in items:
        yield from format_block(item, groups, ctx.schema, ctx)
        ctx.step(item.document.id)


EXPORTER = Exporter(
    "conll", ".conll", format_conll, "CoNLL BIO: one tag column per label group (claim, source, cue)",
    "Python csv (tab-separated), any CoNLL-U Plus reader",
)
