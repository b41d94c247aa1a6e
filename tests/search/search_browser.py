"""Drive the header search box like a reader: open it, type, read the results."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

STATUS = "#__search-status"
RESULT_LINKS = ".md-search-result__list a.md-search-result__link"


@dataclass(frozen=True)
class Results:
    status: str
    hrefs: list[str]
    titles: list[str]


def search(page: Page, url: str, query: str, *, key: str = "/") -> Results:
    """Open `url`, press `key` to focus the search box, type `query`, return the results."""
    page.goto(url)
    page.keyboard.press(key)
    page.keyboard.insert_text(query)  # as an input method commits Chinese text
    page.keyboard.press("End")  # a real key press after the committed text
    return read_results(page)


def read_results(page: Page) -> Results:
    """Wait until the search for the typed text has finished; return what the reader sees."""
    page.wait_for_function(
        """() => {
          const box = document.querySelector("[data-pagefind-results]");
          const status = document.querySelector("#__search-status").textContent.trim();
          const placeholder = JSON.parse(document.getElementById("__config").textContent)
            .translations["search.result.placeholder"];
          return box.getAttribute("aria-busy") === "false" && status !== placeholder;
        }"""
    )
    links = page.locator(RESULT_LINKS)
    return Results(
        status=page.locator(STATUS).inner_text().strip(),
        hrefs=links.evaluate_all("links => links.map(link => link.getAttribute('href'))"),
        titles=[text.strip() for text in page.locator(f"{RESULT_LINKS} h1").all_inner_texts()],
    )
