"""Work done ahead in a forked child: the same results as doing it in the build, nothing for
items it failed on, and a child that is stopped, fails or hangs never holds the build up."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import Any

import pytest

from healthsite.forked import NOT_READY, ForkedChild, WorkAhead


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def _all(ahead: WorkAhead[Any, Any], keys: list[Any], seconds: float = 10.0) -> dict[Any, Any]:
    """Take every key's result, waiting for the child up to `seconds`."""
    found: dict[Any, Any] = {}
    deadline = time.monotonic() + seconds
    while len(found) < len(keys) and time.monotonic() < deadline:
        for key in keys:
            if key not in found and (result := ahead.take(key)) is not NOT_READY:
                found[key] = result
        time.sleep(0.01)
    return found


def test_results_are_the_functions_worked_out_in_another_process() -> None:
    keys = list(range(20))
    ahead = WorkAhead.start(_square_and_pid, keys, "test")
    assert ahead is not None
    found = _all(ahead, keys)
    ahead.close()
    assert {key: result[0] for key, result in found.items()} == {k: k * k for k in keys}
    assert {result[1] for result in found.values()} != {os.getpid()}
    assert ahead.take(3) is NOT_READY  # each result is taken once, then it is the build's


def test_an_item_the_function_fails_on_is_left_to_the_build() -> None:
    def inverse(number: int) -> float:
        return 1 / number

    ahead = WorkAhead.start(inverse, [2, 0, 4], "test")
    assert ahead is not None
    assert _all(ahead, [2, 4]) == {2: 0.5, 4: 0.25}
    assert ahead.take(0) is NOT_READY
    ahead.close()


def test_close_stops_a_child_that_is_still_working() -> None:
    ahead = WorkAhead.start(lambda key: time.sleep(30), [1, 2], "test")
    assert ahead is not None
    started = time.monotonic()
    ahead.close()
    assert time.monotonic() - started < 5
    assert ahead.take(1) is NOT_READY


@pytest.mark.parametrize("fails", [False, True])
def test_a_child_that_ends_early_ends_the_messages(fails: bool) -> None:
    def target(send: Callable[[Any], None]) -> None:
        send("first")
        if fails:
            raise RuntimeError("the child broke")
        send("second")

    child = ForkedChild.start(target, "test")
    assert child is not None
    assert list(child.remaining(timeout=10)) == (["first"] if fails else ["first", "second"])
    assert list(child.ready()) == []


def test_what_the_parent_loaded_is_frozen_before_the_fork() -> None:
    """The gc documentation's advice before a fork: collections in either process then skip
    what was loaded before it (the build's bibliography), and the child writes none of it."""
    loaded = [[index] for index in range(1000)]  # tracked objects, as a bibliography's are
    before = gc.get_freeze_count()
    child = ForkedChild.start(lambda send: send("hello"), name="test-freeze")
    assert child is not None
    try:
        assert gc.get_freeze_count() >= before + len(loaded)
        assert list(child.remaining(5.0)) == ["hello"]
    finally:
        child.close()
