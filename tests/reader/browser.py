"""Browser helpers for the reader tests: request logging, axe-core, computed styles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import pytest

SERIOUS = {"serious", "critical"}

#: The article the browser tests read on the real site, by language.
BONE = "bone-metastases-radiotherapy-immunity"
ARTICLES = {"zh-Hant": f"articles/{BONE}/", "en": f"en/articles/{BONE}/"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
#: Run a test at both sizes.
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


@dataclass
class RequestLog:
    """Every request a page makes, recorded from the browser context."""

    urls: list[str] = field(default_factory=list)

    def foreign(self, base_url: str) -> list[str]:
        """Requests to any origin other than the site's own (data: and blob: are local)."""
        site = urlparse(base_url)
        return [
            url
            for url in self.urls
            if urlparse(url).scheme not in {"data", "blob", "about"}
            and (urlparse(url).scheme, urlparse(url).netloc) != (site.scheme, site.netloc)
        ]


def record_requests(page: Any) -> RequestLog:
    """Start recording the requests of `page`'s whole context (workers included)."""
    log = RequestLog()
    page.context.on("request", lambda request: log.urls.append(request.url))
    return log


def serious_axe_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the loaded page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation.get("impact") in SERIOUS
    ]


def is_shown(page: Any, selector: str) -> bool:
    """Whether the first element matching `selector` is rendered and visible (computed)."""
    return page.eval_on_selector(
        selector,
        """element => {
            for (let node = element; node; node = node.parentElement) {
                const style = getComputedStyle(node);
                if (style.display === "none" || style.visibility === "hidden") return false;
            }
            return element.getClientRects().length > 0;
        }""",
    )


def target_sizes(page: Any, selector: str) -> list[tuple[int, int]]:
    """Width and height in CSS pixels (rounded) of every element matching `selector`."""
    return [
        (width, height)
        for width, height in page.eval_on_selector_all(
            selector,
            "links => links.map(l => { const r = l.getBoundingClientRect();"
            " return [Math.round(r.width), Math.round(r.height)]; })",
        )
    ]
