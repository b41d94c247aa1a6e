"""The shared Jinja bytecode cache (hooks/template_cache.py): environments that compile alike
share compiled templates, the output is the same as without the cache, and an edited template
is compiled anew."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from healthsite.template_cache import shared_cache


def _environment(folder: Path, **filters: object) -> jinja2.Environment:
    """An environment set up as MkDocs sets up the theme's (a new one per build)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=jinja2.select_autoescape(),
        auto_reload=False,
    )
    env.filters.update(filters)
    env.bytecode_cache = shared_cache(env)
    return env


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    (tmp_path / "page.html").write_text(
        "<h1>{{ title }}</h1>{% for item in items %}<li>{{ item | upper }}</li>{% endfor %}"
        "{{ 'constant' | upper }}",
        "utf-8",
    )
    return tmp_path


def _render(env: jinja2.Environment) -> str:
    return env.get_template("page.html").render(title="<b>Kidney</b>", items=["a", "b"])


def test_a_second_environment_renders_the_same_from_the_cache(theme: Path):
    first, second = _environment(theme), _environment(theme)
    assert first.bytecode_cache is second.bytecode_cache
    plain = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme), autoescape=jinja2.select_autoescape()
    )
    expected = plain.get_template("page.html").render(title="<b>Kidney</b>", items=["a", "b"])
    assert _render(first) == _render(second) == expected
    assert "&lt;b&gt;Kidney&lt;/b&gt;" in expected  # autoescaping survives the cache


def test_an_edited_template_is_compiled_anew(theme: Path):
    assert "<h1>" in _render(_environment(theme))
    page = theme / "page.html"
    page.write_text(page.read_text("utf-8").replace("<h1>", "<h2>").replace("</h1>", "</h2>"))
    assert "<h2>&lt;b&gt;Kidney&lt;/b&gt;</h2>" in _render(_environment(theme))


def test_environments_with_other_filters_do_not_share(theme: Path):
    """Jinja may run a filter while compiling (constant folding): a different `upper` must
    never get templates compiled with the other one."""
    shouting = _environment(theme, upper=lambda text: f"{text.upper()}!")
    assert shouting.bytecode_cache is not _environment(theme).bytecode_cache
    assert "CONSTANT!" in _render(shouting)
    assert "CONSTANT!" not in _render(_environment(theme))
