"""Edit loop: from saving an article to the rebuilt page being served by ``mkdocs serve``.

Starts ``mkdocs serve --strict`` (as ``make serve`` does; or with other arguments, such as
``make preview``'s ``--dirty --no-strict``) on 127.0.0.1, waits for the first build, then
edits one zh-Hant article several times. For each edit it records the seconds until
the served page contains the new text, and until MkDocs logs the end of the rebuild (when
livereload tells the browser to reload).

Each edit is saved as a contributor saves a finished change to a source article: the zh-Hant
text changes and, in the same moment, its English translation is marked current with the
library's `mark_translated` (what `make mark-translated` does), so the translation parity
check of a strict build stays satisfied. Editing the source alone would make the English page
"outdated", which `--strict` rightly refuses: the changed page would never be served.
"""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from healthsite.content.documents import read_document
from healthsite.content.translations import mark_translated

from .runner import mkdocs_env, progress

STARTUP_TIMEOUT = 900.0
EDIT_TIMEOUT = 300.0
POLL_SECONDS = 0.05
BUILT_LINE = "Documentation built in"
#: Logged by livereload after every rebuild. (MkDocs drops a log message it has printed
#: before, so a rebuild that takes as long as an earlier one, to the 1/100 s, prints no
#: "Documentation built in"; the reload line carries the time of day.)
RELOADED_LINE = "Reloading browsers"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(condition, timeout: float) -> float:  # type: ignore[no-untyped-def]
    """Poll ``condition()`` until true; seconds waited (raise TimeoutError past ``timeout``)."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"gave up after {timeout:.0f} s")
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - start


def edited_pair(source: str, translation: str, marker: str) -> tuple[str, str]:
    """The source with ``marker`` as a new paragraph before its first ``##`` section, and the
    translation re-marked as current for it (its ``translated_on`` date kept)."""
    edited = source.replace("\n## ", f"\n{marker}。\n\n## ", 1)
    try:
        today = dt.date.fromisoformat(str(read_document(translation).data["translated_on"]))
    except (KeyError, ValueError):
        today = dt.date.today()
    marked = mark_translated(
        translation, source_text=edited, source_language="zh-Hant", today=today
    )
    return edited, marked


def measure_edit_loop(
    python: Path,
    config: Path,
    article: Path,
    url_path: str,
    edits: int,
    log_file: Path,
    serve_args: tuple[str, ...] = ("--strict",),
) -> dict[str, list[float]]:
    """Seconds to the changed page and to the end of the rebuild, one pair per edit.

    ``article`` is a zh-Hant source; its English translation (``<slug>.en.md`` beside it) is
    re-marked current with each edit and restored at the end."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    command = [
        str(python),
        "-m",
        "mkdocs",
        "serve",
        *serve_args,
        "--config-file",
        str(config),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    original = article.read_text(encoding="utf-8")
    translation = article.with_name(article.name.replace(".zh-Hant.md", ".en.md"))
    original_translation = translation.read_text(encoding="utf-8")
    figures: dict[str, list[float]] = {"to_page": [], "to_rebuilt": []}
    with log_file.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            command, cwd=config.parent, env=mkdocs_env(), stdout=log, stderr=subprocess.STDOUT
        )
        try:
            log_lines = lambda line: log_file.read_text(encoding="utf-8").count(line)  # noqa: E731
            progress("edit loop: waiting for `mkdocs serve` to finish its first build")
            _wait(lambda: log_lines(BUILT_LINE) >= 1 and _get(url) is not None, STARTUP_TIMEOUT)
            for number in range(1, edits + 1):
                marker = f"編輯測試{number}號標記"
                before = log_lines(RELOADED_LINE)
                text, marked = edited_pair(original, original_translation, marker)
                start = time.perf_counter()
                translation.write_text(marked, encoding="utf-8")
                article.write_text(text, encoding="utf-8")
                _wait(lambda m=marker: m in (_get(url) or ""), EDIT_TIMEOUT)
                figures["to_page"].append(time.perf_counter() - start)
                _wait(lambda b=before: log_lines(RELOADED_LINE) > b, EDIT_TIMEOUT)
                figures["to_rebuilt"].append(time.perf_counter() - start)
                progress(
                    f"edit {number}/{edits}: page {figures['to_page'][-1]:.1f} s, "
                    f"rebuild done {figures['to_rebuilt'][-1]:.1f} s"
                )
                time.sleep(1.0)
        finally:
            article.write_text(original, encoding="utf-8")
            translation.write_text(original_translation, encoding="utf-8")
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return figures
