/*
 * Site search with Pagefind, in Material's header search box (overrides/partials/search.html).
 *
 * - Loads `pagefind/pagefind.js` from this site (never a third party) on first use, relative to
 *   the site base that Material publishes in its `__config` JSON.
 * - Pagefind picks the index matching `<html lang>`, so readers get results in their language.
 * - Keys: `/`, `s` or `f` focus the box; Esc closes it; ArrowDown/ArrowUp (and Tab) move through
 *   the results; Enter in the box opens the first result.
 * - Labels come from Material's language files via `__config.translations`.
 * - Results stay in the page's language; below them a link repeats the query on the same page in
 *   the other language (the language switcher's link plus `?q=`). A page opened with `?q=`
 *   opens the search box with that query.
 */
(() => {
  "use strict";

  const dialog = document.querySelector("[data-pagefind-search]");
  const toggle = document.getElementById("__search");
  const configElement = document.getElementById("__config");
  if (!dialog || !toggle || !configElement) return;

  const config = JSON.parse(configElement.textContent);
  const translations = config.translations || {};
  const input = dialog.querySelector("[data-pagefind-query]");
  const form = input.form;
  const status = dialog.querySelector(".md-search-result__meta");
  const results = dialog.querySelector("[data-pagefind-results]");
  const list = dialog.querySelector(".md-search-result__list");
  const otherLanguage = dialog.querySelector("[data-pagefind-other]");
  const pageLanguage = document.documentElement.lang;
  const switcherLink = [...document.querySelectorAll(".md-select__link[hreflang]")].find(
    (link) => link.getAttribute("hreflang") !== pageLanguage,
  );
  const MAX_RESULTS = 20;
  const DEBOUNCE_MS = 120;

  /* The site root as an absolute URL ending in "/", e.g. http://host/subfolder/. */
  const siteRoot = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);

  let pagefindPromise = null;
  let latestSearch = 0;
  let debounceTimer = 0;
  let composing = false;

  function loadPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind/pagefind.js", siteRoot).href).then(
        async (pagefind) => {
          await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
          await pagefind.init();
          return pagefind;
        },
      );
      pagefindPromise.catch(() => {
        pagefindPromise = null;
      });
    }
    return pagefindPromise;
  }

  function translate(key, count) {
    const text = translations[key] || "";
    return count === undefined ? text : text.replace("#", String(count));
  }

  function setStatus(text) {
    status.textContent = text;
  }

  /* Pagefind excerpts are escaped text with <mark> around matches: keep only text and marks. */
  function appendExcerpt(parent, excerpt) {
    const template = document.createElement("template");
    template.innerHTML = excerpt;
    for (const node of template.content.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        parent.append(mark);
      } else {
        parent.append(document.createTextNode(node.textContent));
      }
    }
  }

  function renderResult(data) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    const excerpt = document.createElement("p");
    appendExcerpt(excerpt, data.excerpt || "");
    article.append(icon, title, excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  /*
   * English classical plurals that stemming does not join: "metastasis" and "metastases",
   * "diagnosis" and "diagnoses". Pagefind matches every query word, so each spelling is searched
   * and the results merged, best score first.
   */
  const CLASSICAL_PLURALS = [
    [/(\w{3,})is$/i, "$1es"],
    [/(\w{3,})es$/i, "$1is"],
  ];

  function queryVariants(query) {
    if (!/^en\b/i.test(document.documentElement.lang)) return [query];
    let variants = [""];
    for (const word of query.split(/\s+/)) {
      const spellings = [word];
      for (const [pattern, replacement] of CLASSICAL_PLURALS) {
        if (pattern.test(word)) spellings.push(word.replace(pattern, replacement));
      }
      variants = variants.flatMap((start) => spellings.map((w) => (start ? `${start} ${w}` : w)));
    }
    return variants.slice(0, 4);
  }

  async function searchVariants(pagefind, query) {
    const searches = await Promise.all(queryVariants(query).map((q) => pagefind.search(q)));
    const best = new Map();
    for (const search of searches) {
      for (const result of (search && search.results) || []) {
        const known = best.get(result.id);
        if (!known || known.score < result.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /* The link that repeats `query` on this page in the other language (hidden when empty). */
  function showOtherLanguage(query) {
    if (!otherLanguage || !switcherLink) return;
    otherLanguage.parentElement.hidden = !query;
    if (!query) return;
    const target = new URL(switcherLink.href, location.href);
    target.search = new URLSearchParams({ q: query }).toString();
    target.hash = "";
    otherLanguage.href = target.href;
    otherLanguage.hreflang = switcherLink.getAttribute("hreflang");
    otherLanguage.textContent = otherLanguage.dataset.label.replace("{query}", query);
  }

  async function runSearch() {
    const searchId = ++latestSearch;
    try {
      await showResults(input.value.trim(), searchId);
    } finally {
      if (searchId === latestSearch) results.setAttribute("aria-busy", "false");
    }
  }

  async function showResults(query, searchId) {
    showOtherLanguage(query);
    if (!query) {
      list.replaceChildren();
      setStatus(translate("search.result.placeholder"));
      return;
    }
    let pagefind;
    try {
      pagefind = await loadPagefind();
    } catch (error) {
      setStatus(translate("search.result.none"));
      throw error;
    }
    const found = await searchVariants(pagefind, query);
    if (searchId !== latestSearch) return;
    const shown = await Promise.all(found.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (searchId !== latestSearch) return;
    list.replaceChildren(...shown.map(renderResult));
    const count = found.length;
    setStatus(
      count === 0
        ? translate("search.result.none")
        : count === 1
          ? translate("search.result.one")
          : translate("search.result.other", count),
    );
  }

  function scheduleSearch() {
    if (composing) return;
    results.setAttribute("aria-busy", "true");
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(runSearch, DEBOUNCE_MS);
  }

  function open() {
    if (!toggle.checked) toggle.click();
  }

  function close() {
    if (toggle.checked) toggle.click();
    input.blur();
  }

  function resultLinks() {
    return [...list.querySelectorAll("a[href]")];
  }

  function isEditable(element) {
    return (
      element instanceof HTMLInputElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement ||
      (element instanceof HTMLElement && element.isContentEditable)
    );
  }

  /* Typing: search as the reader types; IME input (Chinese) searches when composition ends. */
  input.addEventListener("compositionstart", () => {
    composing = true;
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    scheduleSearch();
  });
  input.addEventListener("input", scheduleSearch);
  input.addEventListener("focus", () => {
    open();
    loadPagefind().catch(() => {});
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = resultLinks()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      runSearch();
      input.focus();
    });
  });

  /* Opening the overlay from the header button focuses the box; closing it blurs the box. */
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      if (document.activeElement !== input) input.focus();
    } else if (document.activeElement && dialog.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });

  /* Leaving the dialog with the keyboard closes it. */
  dialog.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !dialog.contains(event.relatedTarget)) close();
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !isEditable(document.activeElement)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    const links = resultLinks();
    const focusable = [input, ...links];
    const position = focusable.indexOf(document.activeElement);
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        close();
        break;
      case "ArrowDown":
      case "ArrowUp": {
        if (!links.length) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = (Math.max(position, 0) + step + focusable.length) % focusable.length;
        focusable[next].focus();
        break;
      }
      default:
        break;
    }
  });

  /* A link from the other language (`?q=…`) arrives with its query already searched. */
  const requested = new URLSearchParams(location.search).get("q");
  if (requested) {
    input.value = requested;
    open();
    scheduleSearch();
  }
})();
