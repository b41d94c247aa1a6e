"""Watch a page for Content Security Policy violations and console errors in Chromium."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Runs in every document before the page's own scripts (Playwright init scripts are not
#: subject to the page's policy): records each violation the browser reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`
  );
});
"""


@dataclass
class PageWatch:
    """Console errors, uncaught exceptions and CSP violations of one browser page."""

    page: Any
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def collect(self) -> list[str]:
        """Move the current document's violations into `violations` (call before leaving)."""
        found = self.page.evaluate("window.__cspViolations || []")
        self.violations += [f"{self.page.url}: {text}" for text in found]
        self.page.evaluate("window.__cspViolations = []")
        return found


def watch(page: Any) -> PageWatch:
    """Start watching `page`: console errors and uncaught exceptions from now on, and the CSP
    violations of every document it loads after this call."""
    watched = PageWatch(page)
    page.add_init_script(RECORD_VIOLATIONS)

    def on_console(message: Any) -> None:
        if message.type == "error" and not _unrelated(message.text, message.location):
            watched.errors.append(f"{page.url}: {message.text} ({message.location})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.errors.append(f"{page.url}: {error}"))
    return watched


def _unrelated(text: str, location: dict[str, Any]) -> bool:
    """A console error known to have nothing to do with the policy, so it is not counted.

    Only one: Material's bundle fetches `sitemap.xml` next to every `<link rel="alternate">`
    (to keep the reader on the same page when switching language), and this site's hreflang
    links point at pages, so those fetches end in 404. The same errors appear with no policy
    at all, and the language switch itself works (tests/security/test_csp_browser.py).
    """
    url = str(location.get("url", ""))
    return text.startswith("Failed to load resource") and url.endswith("/sitemap.xml")
