"""Lighthouse's mobile performance score and LCP of a built page, offline on 127.0.0.1.

The npm ``lighthouse`` package (pinned in ``benchmarks/package.json``, installed by ``npm ci``
in ``make bench`` only) drives Debian's ``/usr/bin/chromium`` headless against the built
folder served by a local HTTP server. Lighthouse's default settings are used: the mobile form
factor (an emulated mid-range phone) and simulated throttling (a slow 4G network and a 4× slower
CPU, computed from the trace), which is what its "mobile performance score" means.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .static_server import serve

HERE = Path(__file__).resolve().parent
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 240.0


def missing() -> str | None:
    """Why Lighthouse cannot run here, or ``None``."""
    if not CLI.is_file():
        return "lighthouse not installed (`npm ci` in benchmarks/, as `make bench` does)"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found (scripts/install-system-deps)"
    return None


def audit(site: Path, url_path: str) -> dict[str, float]:
    """``{"score": 0–100, "lcp_ms": …}`` of ``url_path`` in the built folder ``site``."""
    with serve(site) as base:
        done = subprocess.run(
            [
                "node",
                str(CLI),
                base + url_path,
                "--only-categories=performance",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        tail = "; ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"lighthouse exited with {done.returncode}: {tail}")
    report = json.loads(done.stdout)
    score = report["categories"]["performance"]["score"]
    lcp = report["audits"]["largest-contentful-paint"].get("numericValue")
    if score is None or lcp is None:
        problem = report.get("runtimeError", {}).get("message", "no score")
        raise RuntimeError(f"lighthouse gave no score: {problem}")
    return {"score": round(score * 100), "lcp_ms": float(lcp)}
