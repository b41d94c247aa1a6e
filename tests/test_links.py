"""Offline link and anchor check of the built site with lychee."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from site_testing import BuiltSite

LYCHEE = Path(sys.executable).with_name("lychee")


def run_lychee(site_root: Path) -> subprocess.CompletedProcess[str]:
    command = [
        str(LYCHEE if LYCHEE.exists() else shutil.which("lychee")),
        "--offline",
        "--include-fragments",
        "--no-progress",
        "--root-dir",
        str(site_root),
        str(site_root),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_built_site_has_no_broken_internal_links_or_anchors(built_site: BuiltSite):
    result = run_lychee(built_site.root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_link_check_fails_on_planted_broken_link_and_anchor(built_site: BuiltSite, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(built_site.root, copy)
    page = copy / "about" / "privacy" / "index.html"
    html = page.read_text(encoding="utf-8")
    planted = '<a href="../no-such-page/">x</a><a href="../disclaimer/#no-such-anchor">y</a>'
    page.write_text(html.replace("</article>", planted + "</article>", 1), encoding="utf-8")
    result = run_lychee(copy)
    assert result.returncode != 0
    assert "no-such-page" in result.stdout
    assert "no-such-anchor" in result.stdout
