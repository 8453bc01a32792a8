import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import Utf16Map, span_error

AWKWARD = "a👩🏽‍💻b🇺🇦c e\u0301 مرحبا 😀x"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_every_code_point_maps_to_its_utf16_position():
    mapping = Utf16Map(AWKWARD)
    assert [mapping.to_utf16(i) for i in range(len(AWKWARD) + 1)] == [
        utf16_len(AWKWARD[:i]) for i in range(len(AWKWARD) + 1)
    ]


def test_round_trip_on_boundaries():
    mapping = Utf16Map(AWKWARD)
    assert [mapping.from_utf16(mapping.to_utf16(i)) for i in range(len(AWKWARD) + 1)] == list(range(len(AWKWARD) + 1))


def test_position_inside_surrogate_pair_snaps_to_its_start():
    text = "x😀y"
    mapping = Utf16Map(text)
    assert (mapping.from_utf16(2), mapping.is_boundary(2), mapping.is_boundary(3)) == (1, False, True)


def test_lengths():
    mapping = Utf16Map("🇺🇦!")
    assert (mapping.cp_length, mapping.u16_length) == (3, 5)


def test_out_of_range_raises():
    with pytest.raises(IndexError):
        Utf16Map("abc").to_utf16(4)


@given(st.text(), st.data())
def test_property_matches_python_utf16_encoding(text, data):
    mapping = Utf16Map(text)
    i = data.draw(st.integers(0, len(text)))
    assert mapping.to_utf16(i) == utf16_len(text[:i])
    assert mapping.from_utf16(mapping.to_utf16(i)) == i


@pytest.mark.parametrize(
    "start,end,expected,problem",
    [
        (0, 3, None, None),
        (0, 3, "abc", None),
        (0, 3, "abd", "differs"),
        (2, 2, None, "reversed or empty"),
        (3, 1, None, "reversed"),
        (-1, 2, None, "out of range"),
        (0, 9, None, "out of range"),
        ("0", 2, None, "integers"),
        (True, 2, None, "integers"),
    ],
)
def test_span_error(start, end, expected, problem):
    result = span_error("abcdef", start, end, expected)
    if problem is None:
        assert result is None
    else:
        assert problem in result
