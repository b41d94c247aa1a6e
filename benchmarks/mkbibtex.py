"""The alternative: the archived mkdocs-bibtex plugin, in its own venv, on a rewritten corpus.

mkdocs-bibtex 4.4 (non-CSL mode) reads ``[@a; @b]`` but warns "Affixes not supported in simple
mode" for locators (fatal in a strict build), so locators, prefixes and suffixes are dropped;
``<!-- bibliography -->`` becomes its ``\\bibliography`` command. pybtex's plain style has no
``@online`` type, so those entries become ``@misc`` with the URL in ``howpublished``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements-mkdocs-bibtex.txt"
VENV = HERE / ".venv-mkdocs-bibtex"

#: A bracketed group holding at least one ``@key`` (never a link: no ``(`` right after it).
GROUP_RE = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\](?![(\[:])")
#: A citation key after ``@``: word characters with inner ``:./-``.
KEY_RE = re.compile(r"(?<![\w@.])@(?P<key>\w(?:[\w:./-]*\w)?)")
#: ``@online{`` entry heads.
ONLINE_RE = re.compile(r"^@online\{", re.M)
#: ``url = {…}`` fields, to copy into ``howpublished``.
URL_FIELD_RE = re.compile(r"^(?P<indent>\s*)url = \{(?P<url>[^}]*)\},?$", re.M)


def rewrite_group(body: str) -> str:
    """``@a, p. 5; see @b`` → ``@a; @b`` (keys only, in order)."""
    return "; ".join(f"@{match['key']}" for match in KEY_RE.finditer(body))


def rewrite_markdown(text: str) -> str:
    """A page in mkdocs-bibtex's syntax."""
    text = GROUP_RE.sub(lambda match: f"[{rewrite_group(match['body'])}]", text)
    return text.replace("<!-- bibliography -->", "\\bibliography")


def rewrite_bib(text: str) -> str:
    """``@online`` entries as ``@misc`` with ``howpublished`` (pybtex's plain style)."""
    text = URL_FIELD_RE.sub(
        lambda m: (
            f"{m['indent']}url = {{{m['url']}}},\n{m['indent']}howpublished = "
            f"{{\\url{{{m['url']}}}}},"
        ),
        text,
    )
    text = re.sub(r",(\n\})", r"\1", text)  # no trailing comma if url was the last field
    return ONLINE_RE.sub("@misc{", text)


def make_copy(site: Path, dest: Path) -> Path:
    """Copy a generated site to ``dest`` with pages and .bib files rewritten; return ``dest``."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(site, dest)
    for page in (dest / "docs").rglob("*.md"):
        page.write_text(rewrite_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    for bib in (dest / "bibliography").glob("*.bib"):
        bib.write_text(rewrite_bib(bib.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def ensure_venv() -> Path:
    """``benchmarks/.venv-mkdocs-bibtex`` with the pinned requirements; its Python.

    Reinstalled only when the requirements file changes (a stamp holds its hash).
    """
    python = VENV / "bin" / "python"
    stamp = VENV / ".requirements.sha256"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--requirement",
            str(REQUIREMENTS),
        ],
        check=True,
    )
    stamp.write_text(wanted + "\n")
    return python
