"""Number sources by first appearance and compress number lists into ranges."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Numbering:
    """Per-page numbers (first appearance wins) and the ids of every citing spot."""

    numbers: dict[str, int] = field(default_factory=dict)
    cite_ids: dict[str, list[str]] = field(default_factory=dict)

    def cite(self, key: str) -> tuple[int, str]:
        """Number of ``key`` (assigned on first use) and a fresh, stable id for this spot."""
        number = self.numbers.setdefault(key, len(self.numbers) + 1)
        spots = self.cite_ids.setdefault(key, [])
        spots.append(f"cite-{key}-{len(spots) + 1}")
        return number, spots[-1]

    def add(self, key: str) -> int:
        """Number ``key`` without a citing spot (front matter ``nocite``)."""
        self.cite_ids.setdefault(key, [])
        return self.numbers.setdefault(key, len(self.numbers) + 1)

    def ordered_keys(self) -> list[str]:
        """Keys in number order (numbers are given in insertion order)."""
        return list(self.numbers)


def compress(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, de-duplicated runs; runs of three or more become ranges, as in Vancouver.

    >>> compress([5, 1, 2, 3])
    [(1, 3), (5, 5)]
    >>> compress([2, 1])
    [(1, 1), (2, 2)]
    """
    ordered = sorted(set(numbers))
    runs: list[tuple[int, int]] = []
    for number in ordered:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    result: list[tuple[int, int]] = []
    for start, end in runs:
        if end - start == 1:
            result.extend([(start, start), (end, end)])
        else:
            result.append((start, end))
    return result


def format_ranges(numbers: Iterable[int]) -> str:
    """``[1, 2, 3, 5]`` → ``1–3, 5`` (en dash)."""
    return ", ".join(
        str(start) if start == end else f"{start}\u2013{end}" for start, end in compress(numbers)
    )
