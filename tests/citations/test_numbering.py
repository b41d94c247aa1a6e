"""First-appearance numbering and range compression."""

from __future__ import annotations

import pytest

from healthsite.citations.numbering import Numbering, compress, format_ranges


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([1], "1"),
        ([1, 2], "1, 2"),
        ([2, 1], "1, 2"),
        ([1, 2, 3], "1–3"),
        ([5, 1, 2, 3], "1–3, 5"),
        ([3, 3, 1, 2], "1–3"),
        ([1, 3, 5], "1, 3, 5"),
        ([1, 2, 3, 4, 7, 8, 9, 11], "1–4, 7–9, 11"),
        ([10, 9, 12, 11], "9–12"),
        ([], ""),
    ],
)
def test_format_ranges(numbers: list[int], expected: str) -> None:
    assert format_ranges(numbers) == expected


def test_compress_returns_runs() -> None:
    assert compress([5, 1, 2, 3]) == [(1, 3), (5, 5)]


@pytest.mark.parametrize(
    ("keys", "numbers", "ids"),
    [
        (["a", "b", "a"], [1, 2, 1], ["cite-a-1", "cite-b-1", "cite-a-2"]),
        (["z", "y", "x", "y"], [1, 2, 3, 2], ["cite-z-1", "cite-y-1", "cite-x-1", "cite-y-2"]),
    ],
)
def test_first_appearance_numbering(keys: list[str], numbers: list[int], ids: list[str]) -> None:
    numbering = Numbering()
    got = [numbering.cite(key) for key in keys]
    assert [n for n, _ in got] == numbers
    assert [i for _, i in got] == ids
    assert numbering.ordered_keys() == list(dict.fromkeys(keys))
