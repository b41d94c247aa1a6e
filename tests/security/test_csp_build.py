"""Real builds: every page carries a policy that matches its own inline scripts; content the
policy would block fails the strict build with file:line; `mkdocs serve` allows livereload."""

from __future__ import annotations

import base64
import hashlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_testing import BuiltSite, TinySite

from .csp_browser import watch

META = {"http-equiv": lambda value: (value or "").lower() == "content-security-policy"}
#: Script types that are data, never run (JSON-LD, Material's __config).
DATA_TYPES = {"application/json", "application/ld+json"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(soup: BeautifulSoup) -> dict[str, list[str]]:
    metas = soup.find_all("meta", attrs=META)
    assert len(metas) == 1, f"{len(metas)} policies"
    return {
        name: sources
        for name, *sources in (part.split() for part in metas[0]["content"].split(";"))
    }


def inline_scripts(soup: BeautifulSoup) -> list[str]:
    return [
        script.string or ""
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") not in DATA_TYPES
    ]


def test_every_page_of_the_real_site_has_a_policy_matching_its_scripts(built_site: BuiltSite):
    pages = built_site.html_files()
    names = {page.relative_to(built_site.root).as_posix() for page in pages}
    assert {"index.html", "en/index.html", "404.html", "en/articles/index.html"} <= names
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        policy = policy_of(soup)
        script_src = policy["script-src"]
        assert "'unsafe-inline'" not in script_src, page
        assert "'unsafe-eval'" not in script_src, page
        hashes = [source for source in script_src if source.startswith("'sha256-")]
        assert hashes == [sha256(text) for text in inline_scripts(soup)], page
        assert len(hashes) >= 1, f"{page}: Material's inline script is hashed"
        assert policy["object-src"] == ["'none'"]
        # the policy precedes every script, stylesheet and style in the page
        first_meta = html.index('http-equiv="Content-Security-Policy"')
        assert first_meta < html.index("<script"), page
        assert first_meta < html.index("<link"), page
        assert soup.head.find("meta", attrs=META) is not None, f"{page}: policy not in <head>"


def test_inline_script_hashes_differ_with_page_depth(built_site: BuiltSite):
    """Material's __md_scope script names the site root relative to the page."""
    home = policy_of(built_site.soup(""))["script-src"]
    article_list = policy_of(built_site.soup("en/articles/"))["script-src"]
    assert home != article_list


def blocked_content_site(tiny_site: TinySite) -> TinySite:
    tiny_site.configure(["content_security_policy.py"])
    tiny_site.pages(
        {
            "index.zh-Hant.md": "# 首頁\n\n內文。\n",
            "index.en.md": (
                "---\ntitle: Home\n---\n\n# Home\n\n"
                "Some text.\n\n"
                '<span style="color: red">Red</span>\n\n'
                '<button type="button" onclick="alert(1)">Press</button>\n\n'
                '<script>alert("from the Markdown")</script>\n'
            ),
        }
    )
    return tiny_site


def test_content_the_policy_blocks_fails_the_strict_build(tiny_site: TinySite):
    result = blocked_content_site(tiny_site).build()
    assert result.returncode != 0
    assert (
        'docs/index.en.md:9: <span style="color: red"> is an inline style, which the Content '
        "Security Policy blocks; give the element a class and style it in "
        "overrides/assets/stylesheets/site.css"
    ) in result.stderr
    assert (
        'docs/index.en.md:11: <button onclick="alert(1)"> is an inline event handler, which the '
        "Content Security Policy blocks; move the code into a script under "
        "overrides/assets/javascripts/ (listed in extra_javascript) and attach it with "
        "addEventListener"
    ) in result.stderr
    assert (
        'docs/index.en.md:13: <script>alert("from the Markdown") is an inline script in the '
        "page's content, which the Content Security Policy blocks; move the code into a script "
        "under overrides/assets/javascripts/ (listed in extra_javascript); if this text was "
        "meant to be shown, it was not escaped"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_an_inline_script_from_the_markdown_is_never_hashed(tiny_site: TinySite):
    """Not even in a non-strict build: an escaping bug cannot allow the script it lets in."""
    site = blocked_content_site(tiny_site)
    site.configure(strict=False)
    result = site.build(strict=None)
    assert result.returncode == 0, result.stderr
    soup = site.soup("en/")
    hashes = policy_of(soup)["script-src"]
    assert sha256('alert("from the Markdown")') not in hashes
    assert [sha256(text) for text in inline_scripts(soup) if "Markdown" not in text] == [
        source for source in hashes if source.startswith("'sha256-")
    ]


def test_a_tiny_site_gets_a_policy_in_both_languages(tiny_site: TinySite):
    tiny_site.configure(["content_security_policy.py"])
    tiny_site.pages({"index.zh-Hant.md": "# 首頁\n\n內文。\n", "index.en.md": "# Home\n\nText.\n"})
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    for url in ("", "en/", "404.html"):
        soup = tiny_site.soup(url)
        assert policy_of(soup)["script-src"][-1] == sha256(inline_scripts(soup)[-1])


@pytest.mark.parametrize(("command", "inline_allowed"), [("serve", True), ("build", False)])
def test_only_serve_allows_inline_scripts(
    tiny_site: TinySite, build_mode, command: str, inline_allowed: bool
):
    tiny_site.configure(["content_security_policy.py"])
    tiny_site.pages({"index.zh-Hant.md": "# 首頁\n", "index.en.md": "# Home\n"})
    config = load_config(str(tiny_site.root / "mkdocs.yml"), site_dir=str(tiny_site.root / "s"))
    config.plugins.on_startup(command=command, dirty=False)
    build(config)
    for url in ("index.html", "en/index.html", "404.html"):
        soup = BeautifulSoup((tiny_site.root / "s" / url).read_text(), "html.parser")
        script_src = policy_of(soup)["script-src"]
        assert ("'unsafe-inline'" in script_src) == inline_allowed
        assert any(source.startswith("'sha256-") for source in script_src) != inline_allowed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
def test_make_serve_pages_run_livereload_without_a_violation(tiny_site: TinySite, page):
    """`mkdocs serve --strict` as `make serve` runs it: its injected livereload script runs."""
    tiny_site.configure(["content_security_policy.py"])
    tiny_site.pages({"index.zh-Hant.md": "# 首頁\n", "index.en.md": "# Home\n"})
    port = _free_port()
    log = tiny_site.root / "serve.log"
    with log.open("w") as output:  # the child keeps its own copy of the file
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--strict",
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=tiny_site.root,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )
    try:
        _wait_for_port(port, server, log)
        watched = watch(page)
        page.goto(f"http://127.0.0.1:{port}/en/", wait_until="load")
        assert page.evaluate("typeof livereload") == "function"
        assert page.evaluate("typeof __md_scope") == "object"
        watched.collect()
        assert watched.violations == []
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited:\n{log.read_text()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("mkdocs serve did not start within 60 s")
