import codecs

import pytest

from annotator.core.text import DecodeError, NewlineMap, decode_bytes, normalise_newlines, text_from_bytes


def test_utf8_is_kept_exactly():
    text = "Ушаков said “yes” 👩🏽‍💻 🇺🇦 e\u0301 مرحبا"
    assert text_from_bytes(text.encode("utf-8")) == text


def test_utf8_bom_is_dropped():
    assert text_from_bytes(codecs.BOM_UTF8 + "abc".encode()) == "abc"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    assert text_from_bytes(bom + "flag 🇺🇦\r\nnext".encode(encoding)) == "flag 🇺🇦\nnext"


def test_crlf_and_lone_cr_become_lf():
    assert text_from_bytes(b"a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_no_unicode_normalisation_and_no_trimming():
    nfd = "  cafe\u0301  \n\n"
    assert text_from_bytes(nfd.encode()) == nfd


def test_invalid_utf8_names_the_byte_and_line():
    data = "line one\nline two é".encode("latin-1")
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert (info.value.byte, info.value.line) == (18, 2)
    assert "0xE9" in info.value.message


def test_nul_byte_is_binary_content():
    with pytest.raises(DecodeError) as info:
        text_from_bytes(b"abc\x00def")
    assert info.value.byte == 3
    assert "binary" in info.value.message


def test_known_binary_signature_is_named():
    with pytest.raises(DecodeError, match="PDF"):
        text_from_bytes(b"%PDF-1.7\n...")


def test_empty_file_is_refused():
    with pytest.raises(DecodeError, match="empty file"):
        text_from_bytes(b"")


def test_whitespace_only_is_refused():
    with pytest.raises(DecodeError, match="empty document"):
        text_from_bytes(b" \r\n\t \n")


def test_normalise_newlines_leaves_other_separators():
    assert normalise_newlines("a\u2028b\x0bc\r\n") == "a\u2028b\x0bc\n"


def test_newline_map_moves_offsets_onto_normalised_text():
    raw = "ab\r\ncd\ref\r\n\r\ngh"
    mapping = NewlineMap(raw)
    for word in ("ab", "cd", "ef", "gh"):
        start = raw.index(word)
        assert mapping.text[mapping(start) : mapping(start + 2)] == word
