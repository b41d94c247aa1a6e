"""A client for Pagefind's ``--service`` protocol that answers as fast as Pagefind does.

Pagefind's own Python wrapper reads each answer after a 0.1 s sleep, so a page handed over
with ``add_html_file`` costs 0.1 s of waiting (40 s for 400 pages) and every request at the
end of a build adds up to 0.1 s. This client speaks the same protocol (base64-encoded JSON
messages, each ended by a comma, on the binary's stdin and stdout) with two threads: a writer
that sends requests in order without blocking the caller, and a reader that hands each answer
to the request's future as soon as it arrives.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import json
import queue
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

#: Ends every message, both ways.
SEPARATOR = b","


class ServiceError(RuntimeError):
    """Pagefind's service refused a request, or stopped before answering it."""


class PagefindService:
    """One ``pagefind --service`` process; ``request`` returns a future of its answer."""

    def __init__(self, executable: Path, *, cwd: Path) -> None:
        # Lives as long as the process; closed by close().
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self._answers: dict[int, concurrent.futures.Future[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._next_id = 0
        self._outbox: queue.SimpleQueue[tuple[int, Mapping[str, Any]] | None] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name="pagefind-writer", daemon=True)
        self._reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self._writer.start()
        self._reader.start()

    def request(self, payload: Mapping[str, Any]) -> concurrent.futures.Future[dict[str, Any]]:
        """Send ``payload`` (queued: returns at once); the future holds the answer's payload,
        or raises :class:`ServiceError`."""
        future: concurrent.futures.Future[dict[str, Any]] = concurrent.futures.Future()
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            self._answers[message_id] = future
        self._outbox.put((message_id, payload))  # encoded by the writer thread
        return future

    def close(self) -> None:
        """End the process (answers not yet read fail) and the threads."""
        self._outbox.put(None)
        self._writer.join(timeout=30)
        if self._process.poll() is None:
            self._process.terminate()
        self._process.wait(timeout=30)
        self._reader.join(timeout=30)
        self._stderr.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (item := self._outbox.get()) is not None:
                message_id, payload = item
                message = json.dumps({"message_id": message_id, "payload": payload})
                stdin.write(base64.b64encode(message.encode("utf-8")) + SEPARATOR)
                if self._outbox.empty():
                    stdin.flush()
        except OSError:  # a broken pipe: the process has ended
            self._fail_all("Pagefind's service stopped reading requests")
            return
        with contextlib.suppress(OSError):
            stdin.close()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending = bytearray()  # an answer can be megabytes (GetFiles): no re-copying
        while chunk := stdout.read1(1 << 16):
            if SEPARATOR not in chunk:
                pending += chunk
                continue
            *messages, rest = chunk.split(SEPARATOR)
            messages[0] = bytes(pending + messages[0])
            pending = bytearray(rest)
            for message in messages:
                try:
                    self._answer(message)
                except ValueError as error:  # not base64 or not JSON: nothing more is trusted
                    self._fail_all(f"Pagefind's service sent an unreadable answer ({error})")
                    return
        self._fail_all(f"Pagefind's service stopped{self._output()}")

    def _answer(self, message: bytes) -> None:
        answer = json.loads(base64.b64decode(message))
        if answer is None:
            return
        payload = answer.get("payload") or {}
        message_id = answer.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        with self._lock:
            future = self._answers.pop(message_id, None)
        if future is None:
            return
        if payload.get("type") == "Error":
            future.set_exception(ServiceError(str(payload.get("message"))))
        else:
            future.set_result(payload)

    def _fail_all(self, reason: str) -> None:
        with self._lock:
            waiting, self._answers = self._answers, {}
        for future in waiting.values():
            if not future.done():
                future.set_exception(ServiceError(reason))

    def _output(self) -> str:
        """What the process wrote to stderr, as ``: text`` (empty when it wrote nothing)."""
        try:
            self._stderr.seek(0)
            text = self._stderr.read().decode("utf-8", errors="replace").strip()
        except (OSError, ValueError):
            return ""
        return f": {text}" if text else ""
