"""Work a build hands to the second core: a forked child process that sends messages back.

MkDocs builds on one core; every machine this runs on has two. Work that depends only on files
(parsing and formatting the bibliography, checking front matter and translations) can be done
ahead in a child forked from the build (it starts with everything the build has loaded) and
sent back through a pipe while the build goes on. Users of this module only ever use a child's
results to skip work they would otherwise do themselves, so a child that is late, fails or
cannot be started changes nothing but the time a build takes.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Hashable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)
Result = TypeVar("Result")

#: What :meth:`WorkAhead.take` returns for an item the child has not sent (yet).
NOT_READY: Any = object()


class ForkedChild:
    """A child process running ``target(send)``; ``send`` passes a message to the parent."""

    def __init__(self, process: Any, connection: Connection) -> None:
        self._process = process
        self._connection: Connection | None = connection
        self._done = False

    @classmethod
    def start(
        cls, target: Callable[[Callable[[Any], None]], None], name: str
    ) -> ForkedChild | None:
        """Fork a child running ``target``; None where processes cannot be forked."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("fork")
        # As the gc module's documentation advises before a fork: the child's collections
        # then never write to the objects it shares with the parent (copy-on-write), and the
        # build's own collections stop walking everything it has loaded so far (the
        # bibliography above all: three full collections cost ~0.4 s at 10,000 entries).
        gc.freeze()
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(
            target=_run, args=(sender, target), name=name, daemon=True
        )  # daemon: never outlives the build
        try:
            process.start()
        except OSError:
            return None
        sender.close()
        return cls(process, receiver)

    def ready(self) -> Iterator[Any]:
        """The messages sent so far, without waiting."""
        while self._connection is not None and self._connection.poll():
            message = self._receive()
            if message is not None:
                yield message

    def remaining(self, timeout: float) -> Iterator[Any]:
        """Every message until the child is done (waiting at most ``timeout`` seconds for
        each), then the child is reaped."""
        while self._connection is not None:
            if not self._connection.poll(timeout):
                break
            message = self._receive()
            if message is not None:
                yield message
        self.close()

    def close(self) -> None:
        """Stop listening; stop the child if it has not finished."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if not self._done:
            self._process.terminate()
        self._process.join()

    def _receive(self) -> Any:
        assert self._connection is not None
        try:
            message = self._connection.recv()
        except (EOFError, OSError):
            message = None  # the child stopped early
        else:
            self._done = message is None
        if message is None and self._connection is not None:
            self._connection.close()
            self._connection = None
        return message


def _run(connection: Connection, target: Callable[[Callable[[Any], None]], None]) -> None:
    """The child's life: run ``target``, then say it is done (``None``). An exception ends
    it quietly: the parent does whatever was not sent. Nothing is logged."""
    try:
        target(connection.send)
        connection.send(None)
    except Exception:  # the parent ended first, or does the rest itself
        pass
    finally:
        connection.close()


class WorkAhead(Generic[Item, Result]):
    """``function(item)`` for each item, worked out by a child in the given order."""

    def __init__(self, child: ForkedChild) -> None:
        self._child = child
        self._results: dict[Item, Result] = {}

    @classmethod
    def start(
        cls, function: Callable[[Item], Result], items: Sequence[Item], name: str
    ) -> WorkAhead[Item, Result] | None:
        """Start the child; None if it cannot be started (then the caller does the work)."""

        def work(send: Callable[[Any], None]) -> None:
            for item in items:
                try:
                    result = function(item)
                except Exception:  # the caller meets it again and reports it
                    continue
                send((item, result))

        child = ForkedChild.start(work, name)
        return cls(child) if child is not None else None

    def take(self, item: Item) -> Result:
        """The child's result for ``item``, or :data:`NOT_READY`."""
        for key, result in self._child.ready():
            self._results[key] = result
        return self._results.pop(item, NOT_READY)

    def close(self) -> None:
        """Stop the child (at the end of a build)."""
        self._child.close()
        self._results.clear()
