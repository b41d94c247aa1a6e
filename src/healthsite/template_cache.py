"""Compile each Jinja template once per process, not once per environment.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds once per
language, so every theme template used to be compiled again for each language (and again on
every ``mkdocs serve`` rebuild). :func:`shared_cache` gives environments that compile alike
one in-memory bytecode cache. Jinja keys each entry on the template's name and file and checks
a checksum of its source before using it, so an edited template is compiled anew.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

#: Environment settings that change what a template compiles to.
_COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self._store.get(bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)  # dropped by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


#: Caches by environment signature, oldest first; a few at most (``mkdocs serve`` runs for
#: hours, and a plugin that registers new filter functions per build gets a new signature).
_caches: dict[tuple[Any, ...], MemoryBytecodeCache] = {}
MAX_CACHES = 8


def shared_cache(env: Environment) -> MemoryBytecodeCache:
    """The cache shared by every environment that compiles as ``env`` does: the same settings,
    extensions, and filter and test functions (Jinja may call a filter while compiling, to
    fold constant expressions, so environments whose filters differ never share)."""
    signature = (
        type(env),
        *(getattr(env, name) for name in _COMPILE_SETTINGS),
        _behaviour(env.autoescape),
        tuple(sorted(env.extensions)),
        tuple(sorted(env.filters.items(), key=_name)),  # the functions themselves: no id reuse
        tuple(sorted(env.tests.items(), key=_name)),
    )
    cache = _caches.pop(signature, None) or MemoryBytecodeCache()
    _caches[signature] = cache  # now the newest
    while len(_caches) > MAX_CACHES:
        del _caches[next(iter(_caches))]
    return cache


def _name(item: tuple[str, Any]) -> str:
    return item[0]


def _behaviour(autoescape: Any) -> Any:
    """``autoescape`` as a key: a bool as it is; a function (Jinja's ``select_autoescape``
    makes a new one per environment) by its code and the values it closes over, or by itself
    when those cannot be compared."""
    if not callable(autoescape):
        return autoescape
    code = getattr(autoescape, "__code__", None)
    cells = getattr(autoescape, "__closure__", None) or ()
    try:
        key = (code, tuple(cell.cell_contents for cell in cells), autoescape.__defaults__)
        hash(key)
    except (AttributeError, TypeError, ValueError):
        return autoescape
    return key if code is not None else autoescape
