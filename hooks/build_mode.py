"""Whether this MkDocs process serves (``mkdocs serve``) or builds with ``--dirty``.

MkDocs calls ``on_startup`` once per process, but ``mkdocs serve`` loads the configuration,
and so every hook module, again for each rebuild, which empties their globals. This module is
imported normally (``hooks/`` is on ``sys.path``), so what it holds lasts the whole process.
"""

from __future__ import annotations

_dirty = False


def remember_startup(*, dirty: bool) -> None:
    """Record the ``dirty`` flag MkDocs passes to ``on_startup``."""
    global _dirty
    _dirty = dirty


def is_dirty() -> bool:
    """True when MkDocs rebuilds only changed pages (``--dirty``)."""
    return _dirty


_command: str | None = None


def remember_command(command: str) -> None:
    """Record the command (``build``, ``gh-deploy``, ``serve``) MkDocs passes to ``on_startup``."""
    global _command
    _command = command


def is_serving() -> bool:
    """True under ``mkdocs serve`` (``make serve``, ``make preview``)."""
    return _command == "serve"
