"""JSONL is decoded line by line: the same text and the same errors as decoding the file whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import DecodeError, decode_bytes, iter_decoded_lines

ALPHABET = st.sampled_from(list('ab {}":,\n\r\t') + ["\u2028", "\u0085", "😀", "é", "\ufeff", "ж"])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_lines_joined_are_the_whole_decoded_text(text, encoding):
    data = text.encode(encoding)
    try:
        whole = decode_bytes(data)
    except DecodeError as exc:
        with pytest.raises(DecodeError) as info:
            list(iter_decoded_lines(data))
        assert (info.value.message, info.value.byte) == (exc.message, exc.byte)
        return
    lines = list(iter_decoded_lines(data))
    assert [n for n, _ in lines] == list(range(1, len(lines) + 1))
    assert "\n".join(line for _, line in lines) == whole


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(max_size=80))
def test_random_bytes_fail_alike_whole_or_by_line(data):
    try:
        whole = decode_bytes(data)
    except DecodeError as exc:
        with pytest.raises(DecodeError) as info:
            list(iter_decoded_lines(data))
        # By line, an invalid byte may be found on an earlier line than a NUL found first when whole.
        assert info.value.byte is not None and (info.value.byte <= exc.byte if exc.byte is not None else True)
        return
    assert "\n".join(line for _, line in iter_decoded_lines(data)) == whole


def test_an_error_names_its_line_and_byte():
    data = b'{"a": 1}\r\n{"b": 2}\n{"c": "\xe9"}\n'
    with pytest.raises(DecodeError) as info:
        list(iter_decoded_lines(data))
    assert (info.value.line, info.value.byte) == (3, 26)
