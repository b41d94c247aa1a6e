"""Small numeric helpers: medians, ratios, overheads and human-readable sizes."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float | None:
    """Median of ``values``; None when there are none."""
    return statistics.median(values) if values else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``; None when either is missing or the denominator is not > 0."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def paired_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float | None:
    """Median of the per-repetition ratios ``numerators[i] / denominators[i]``.

    Builds of one repetition run next to each other, so pairing them cancels the machine's
    drift between repetitions (the same build took 7.4 s in one and 9.0 s in the next)."""
    pairs = zip(numerators, denominators, strict=True)
    return median([r for n, d in pairs if (r := ratio(n, d)) is not None])


def overhead_ratio(
    with_: float | None,
    without: float | None,
    other_with: float | None,
    other_without: float | None,
) -> float | None:
    """How many times the added seconds of one change exceed another's.

    ``(other_with - other_without) / (with_ - without)``; None when our added time is not > 0
    (within noise), so no ratio can be stated.
    """
    if None in (with_, without, other_with, other_without):
        return None
    ours = with_ - without  # type: ignore[operator]
    theirs = other_with - other_without  # type: ignore[operator]
    return theirs / ours if ours > 0 else None


def per_item(total: float | None, count: int) -> float | None:
    """``total / count`` (e.g. seconds per page); None for no items."""
    return total / count if total is not None and count > 0 else None


def kib(size: float | None) -> str:
    """Bytes as KiB with one decimal."""
    return "n/a" if size is None else f"{size / 1024:.1f} KiB"


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    """A number with ``digits`` decimals and a unit, or ``n/a``."""
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"
