"""Search payload measured in a real browser: what the first Pagefind search downloads.

Chromium (Playwright) opens the home page of the language and searches like a reader: when the
site has its Pagefind search box (``[data-pagefind-search]``), it presses ``/``, types the query
and waits until the results are shown and the network is idle; otherwise it imports the site's
``pagefind.js`` and loads the first twenty results itself. Every request under the Pagefind
folder, and the site's own search script and stylesheet, is recorded and the file's bytes
counted (raw, and gzipped as a server would send it; Pagefind's index files are already
gzip-compressed and count as they are).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .static_server import serve
from .weight import gzip_size

#: Queries per language: a common medical term of the corpus.
QUERIES = {"zh-Hant": "肝癌", "en": "liver"}
#: Page of each language the search starts from.
START_PAGES = {"zh-Hant": "", "en": "en/"}
SHOWN_RESULTS = 20
#: The site's own search UI files (counted when the page fetches them).
UI_SUFFIXES = ("/javascripts/search.js", "/stylesheets/search.css")
SEARCH_BOX = "[data-pagefind-search]"
RESULTS_SHOWN_JS = """
() => {
  const box = document.querySelector("[data-pagefind-results]");
  const status = document.querySelector("#__search-status");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const placeholder = (config.translations || {})["search.result.placeholder"];
  return box && status && box.getAttribute("aria-busy") === "false"
    && status.textContent.trim() !== placeholder;
}
"""

SEARCH_JS = """
async ([bundle, query, shown]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
  return { results: search.results.length, shown: data.length };
}
"""


def find_bundle(site_dir: Path) -> Path | None:
    """The Pagefind bundle folder (holding ``pagefind.js``) of a built site, if any."""
    found = sorted(site_dir.rglob("pagefind.js"), key=lambda p: len(p.parts))
    return found[0].parent if found else None


def chromium() -> str | None:
    """Debian's Chromium (or CHROMIUM_PATH); None means Playwright's own."""
    configured = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return configured if Path(configured).exists() else None


def _wait_until_quiet(page, started: list[str], finished: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Until every request has finished and none started for half a second (max 30 s)."""
    for _ in range(60):
        before = len(started)
        page.wait_for_timeout(500)
        if len(started) == before and len(finished) >= len(started):
            return


def first_search(site_dir: Path) -> dict[str, dict[str, object]]:
    """Per language: files fetched for the first search, their raw and gzip bytes, hit count."""
    from playwright.sync_api import sync_playwright

    bundle = find_bundle(site_dir)
    if bundle is None:
        raise FileNotFoundError(f"no pagefind.js under {site_dir}: is Pagefind in the build?")
    bundle_url = "/" + bundle.relative_to(site_dir).as_posix() + "/"
    figures: dict[str, dict[str, object]] = {}
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), headless=True)
        try:
            for lang, start in START_PAGES.items():
                context = browser.new_context()
                page = context.new_page()
                fetched: list[str] = []
                started: list[str] = []
                page.on("request", lambda request, seen=started: seen.append(request.url))
                page.on("requestfinished", lambda request, seen=fetched: seen.append(request.url))
                page.on("requestfailed", lambda request, seen=fetched: seen.append(request.url))
                page.goto(base + start)
                if page.locator(SEARCH_BOX).count():
                    page.keyboard.press("/")
                    page.keyboard.insert_text(QUERIES[lang])  # as an input method commits it
                    page.keyboard.press("End")
                    page.wait_for_function(RESULTS_SHOWN_JS, timeout=60_000)
                    _wait_until_quiet(page, started, fetched)
                    shown = page.locator(".md-search-result__list > li").count()
                    outcome = {"results": shown, "via": "search box"}
                else:
                    outcome = page.evaluate(SEARCH_JS, [bundle_url, QUERIES[lang], SHOWN_RESULTS])
                    outcome["via"] = "pagefind.js API"
                context.close()
                paths = [unquote(urlsplit(url).path) for url in fetched]
                files = sorted(
                    {p for p in paths if p.startswith(bundle_url) or p.endswith(UI_SUFFIXES)}
                )
                data = [(site_dir / p.lstrip("/")).read_bytes() for p in files]
                figures[lang] = {
                    "query": QUERIES[lang],
                    "results": outcome["results"],
                    "via": outcome["via"],
                    "raw": sum(len(d) for d in data),
                    "gzip": sum(gzip_size(d) for d in data),
                    "files": files,
                }
        finally:
            browser.close()
    return figures
