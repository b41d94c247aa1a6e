"""Whether this MkDocs process serves (``mkdocs serve``) or builds with ``--dirty``.

MkDocs calls ``on_startup`` once per process, in the hook that handles it (the search hook).
The citation hook needs the same flag, so it is kept here, in a support module both import.
(MkDocs loads each hook module once per process, ``Hooks._load_hook`` is cached, so hook
globals also last across ``mkdocs serve`` rebuilds; ``on_config`` resets per-build state.)
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
