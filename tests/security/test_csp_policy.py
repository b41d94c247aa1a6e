"""The policy builder (healthsite.security.csp) on HTML written in the test: no build."""

from __future__ import annotations

import base64
import hashlib

import pytest

from healthsite.security.csp import (
    build_policy,
    page_policy,
    scan,
    secure_page,
    source_hash,
)

PAGE = (
    "<!doctype html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
    "<title>t</title>\n<script>{script}</script>\n</head>\n<body>{body}</body>\n</html>\n"
)


def sha256(text: str) -> str:
    """The expected source expression, computed independently of the module."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"),
        ("alert(1)", sha256("alert(1)")),
        ("a\r\nb\rc", sha256("a\nb\nc")),  # the browser's parser normalises line breaks
        ("var s = '肝癌'", sha256("var s = '肝癌'")),  # UTF-8 bytes are hashed
    ],
)
def test_source_hash(text, expected):
    assert source_hash(text) == expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {},
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'",
        ),
        (
            {"script_hashes": ["'sha256-A'", "'sha256-B'", "'sha256-A'"]},
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-A' 'sha256-B'",
        ),
        ({"style_hashes": ["'sha256-S'"]}, "style-src 'self' 'sha256-S'"),
        (
            {"script_hashes": ["'sha256-A'"], "allow_inline_scripts": True},
            "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';",
        ),
    ],
)
def test_build_policy(kwargs, expected):
    assert expected in build_policy(**kwargs) + ";"


@pytest.mark.parametrize(
    ("script", "body", "script_hashes", "style_hashes"),
    [
        ("a()", "", ["a()"], []),
        ("a()", "<script>b()</script><script>a()</script>", ["a()", "b()"], []),
        ("a()", '<script type="module">m()</script>', ["a()", "m()"], []),
        ("a()", '<script type="text/javascript; charset=utf-8">j()</script>', ["a()", "j()"], []),
        # data blocks are never run: no hash
        ("a()", '<script type="application/ld+json">{"@type": "X"}</script>', ["a()"], []),
        ("a()", '<script id="__config" type="application/json">{}</script>', ["a()"], []),
        # a script file needs no hash ('self')
        ("a()", '<script src="x.js"></script>', ["a()"], []),
        # "</" inside a string ends nothing but the script's own end tag does
        ("var s = '<b>'", "", ["var s = '<b>'"], []),
        ("a()", "<style>p { color: red }</style>", ["a()"], ["p { color: red }"]),
        ("a()", "<p>&lt;script&gt;x()&lt;/script&gt;</p>", ["a()"], []),  # escaped: text
    ],
)
def test_hashes_cover_every_inline_script_and_style(script, body, script_hashes, style_hashes):
    policy = directives(secure_page(PAGE.format(script=script, body=body)).policy)
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"] + [
        sha256(text) for text in script_hashes
    ]
    assert policy["style-src"] == ["'self'"] + [sha256(text) for text in style_hashes]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert "'unsafe-eval'" not in policy["script-src"]


META = '<meta http-equiv="Content-Security-Policy"'


@pytest.mark.parametrize(
    ("page", "before"),
    [
        # right after <meta charset> when it opens <head> (charset stays in the first bytes)
        (PAGE.format(script="a()", body=""), "<meta charset=utf-8>"),
        # otherwise right after <head>
        ("<html><head><title>t</title><script>a()</script></head></html>", "<html><head>"),
        ("<HTML><HEAD class=x><script>a()</script></HEAD></HTML>", "<HTML><HEAD class=x>"),
        # a script before <head> (not valid, but never left above the policy)
        ("<!doctype html><script>a()</script><head></head>", "<!doctype html>"),
        # no <head> tag at all: after <html>, else after the doctype
        ("<html lang=en><title>t</title>", "<html lang=en>"),
        ("<!DOCTYPE html>\n<title>t</title>", "<!DOCTYPE html>"),
        # a '<head>' inside a comment is not the head
        ("<!-- <head> --><html><head><script>a()</script>", "<!-- <head> --><html><head>"),
    ],
)
def test_meta_goes_first_in_head_before_any_script(page, before):
    secured = secure_page(page).html
    assert before + META in secured, secured
    assert secured.index(META) < secured.lower().find("<script") or "<script" not in secured


def test_securing_twice_changes_nothing():
    once = secure_page(PAGE.format(script="a()", body="<script>b()</script>")).html
    assert secure_page(once).html == once
    assert once.count(META) == 1


def test_an_existing_policy_meta_is_replaced():
    stale = PAGE.format(script="a()", body="").replace(
        "<title>", META + ' content="script-src *"><title>'
    )
    secured = secure_page(stale)
    assert secured.html.count(META) == 1
    assert page_policy(secured.html) == secured.policy
    assert "script-src *" not in secured.html


def test_the_page_is_otherwise_unchanged():
    page = PAGE.format(script="a()", body="<p title='x &amp; y'>Text</p>")
    secured = secure_page(page)
    assert (
        secured.html.replace(secured.html[secured.html.index(META) :].split(">", 1)[0] + ">", "")
        == page
    )


def test_policy_text_is_escaped_for_the_attribute():
    secured = secure_page(PAGE.format(script="a()", body=""))
    assert page_policy(secured.html) == secured.policy
    assert "&#x27;" not in secured.html  # quotes in the policy are left readable


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>plain</p>", []),
        ('<a href="#x" onclick="steal()">x</a>', [("a", "onclick", "inline event handler")]),
        ('<img src="x.png" onerror="x()" alt="">', [("img", "onerror", "inline event handler")]),
        ('<span style="color: red">x</span>', [("span", "style", "inline style")]),
        ('<a href="javascript:alert(1)">x</a>', [("a", "href", "javascript: link")]),
        ('<a href=" JaVa\tScript:alert(1)">x</a>', [("a", "href", "javascript: link")]),
        ('<img src="https://cdn.example.com/x.png" alt="">', [("img", "src", "another host")]),
        ('<script src="//cdn.example.com/x.js"></script>', [("script", "src", "another host")]),
        ('<a href="https://pubmed.ncbi.nlm.nih.gov/">PubMed</a>', []),  # a link is not a load
        ('<img src="../assets/x.png" alt="">', []),
    ],
)
def test_blocked_inline_content_is_reported(body, expected):
    blocked = scan(PAGE.format(script="a()", body=body)).blocked
    assert [(item.tag, item.attribute) for item in blocked] == [(t, a) for t, a, _ in expected]
    for item, (_, _, reason) in zip(blocked, expected, strict=True):
        assert reason in item.reason
        assert item.line == 8  # the <body> line of PAGE
        assert item.fix


def test_scripts_of_the_markdown_content_are_never_hashed_and_are_reported():
    content = '<p>Text</p>\n<script>steal()</script>\n<span style="x">y</span>'
    page = PAGE.format(script="a()", body=content)
    secured = secure_page(page, content_html=content)
    assert directives(secured.policy)["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        sha256("a()"),
    ]
    assert [(item.line, item.tag, item.value) for item in secured.blocked] == [
        (2, "script", "steal()"),
        (3, "span", "x"),
    ]
