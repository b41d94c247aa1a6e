"""The results: machine facts, a Markdown table (figure, value, target, met?) and JSON."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pybtex", "pagefind")


@dataclass
class Figure:
    """One row of the table."""

    name: str
    value: str
    target: str = "—"
    met: bool | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "**no**", None: "—"}[self.met]


def machine_info(project: Path) -> dict[str, Any]:
    """CPU, cores, memory, load, Python and package versions, project commit."""
    info: dict[str, Any] = {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": round(_mem_total_kib() / 1024 / 1024, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {name: _version(name) for name in PACKAGES},
    }
    commit = subprocess.run(
        ["git", "-C", str(project), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    info["commit"] = commit.stdout.strip() or None
    return info


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total_kib() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def markdown_table(figures: list[Figure]) -> str:
    """The figures as a Markdown table."""
    lines = ["| figure | value | target | met? |", "| --- | --- | --- | --- |"]
    for figure in figures:
        cells = (figure.name, figure.value, figure.target, figure.verdict)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def machine_line(info: dict[str, Any]) -> str:
    """One line describing where the figures were taken."""
    packages = ", ".join(f"{k} {v}" for k, v in info["packages"].items() if v)
    load = " / ".join(str(x) for x in info["load_average"])
    busy = ""
    if info["cores"] and info["load_average"][1] > info["cores"]:
        busy = (
            f" The machine was busy (5-minute load {info['load_average'][1]} on {info['cores']}"
            " cores): wall-clock seconds include waiting for other processes; the CPU-time"
            " ratios beside them are the steadier reading."
        )
    return (
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB RAM; "
        f"Python {info['python']}; {packages}; commit {info['commit']}; "
        f"load average at the end {load}.{busy}"
    )


def write_results(
    out: Path, figures: list[Figure], info: dict[str, Any], parameters: dict[str, Any]
) -> tuple[Path, Path]:
    """Write ``latest.md`` and ``latest.json`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    table = markdown_table(figures)
    md = out / "latest.md"
    md.write_text(f"{table}\n\n{machine_line(info)}\n", encoding="utf-8")
    data = {
        "machine": info,
        "parameters": parameters,
        "figures": [asdict(figure) | {"verdict": figure.verdict} for figure in figures],
    }
    js = out / "latest.json"
    js.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return md, js


def print_table(figures: list[Figure], info: dict[str, Any]) -> None:
    """The table and machine line on stdout."""
    sys.stdout.write(markdown_table(figures) + "\n\n" + machine_line(info) + "\n")
