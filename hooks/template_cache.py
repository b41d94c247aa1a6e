"""Compile each theme template once per process (``healthsite.template_cache``).

Event: ``on_env``: give the theme's Jinja environment the shared in-memory bytecode cache, so
the second language's build (and every ``mkdocs serve`` rebuild) reuses the first's compiled
templates; an edited template is compiled anew (Jinja checks each template's source).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from healthsite.template_cache import shared_cache

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    if env.bytecode_cache is None:
        env.bytecode_cache = shared_cache(env)
    return env
