/* Citation previews (hooks/citations.py). Each citation link is described, through
   aria-describedby, by its source's text in the page's bibliography, so screen readers read
   the full references without this script. For sighted readers this script shows the same
   texts in a preview on hover, keyboard focus, or a first tap on a touch screen (a second tap
   follows the link); Escape dismisses it. The preview is built once per citation, from the
   bibliography, so pages do not carry a copy of each reference per citation. Event
   delegation on document keeps working with Material's instant navigation. */
(function () {
  "use strict";

  function previewFor(citation) {
    var existing = citation.querySelector(".citation__tooltip");
    if (existing) return existing;
    // each link is described by its own source (a range's first link also by the sources
    // inside the range): the preview lists the whole group's, each once, in reading order
    var ids = [];
    citation.querySelectorAll('a[href^="#ref-"][aria-describedby]').forEach(function (link) {
      link.getAttribute("aria-describedby").split(/\s+/).forEach(function (id) {
        if (ids.indexOf(id) < 0) ids.push(id);
      });
    });
    if (!ids.length) return null;
    var tip = document.createElement("span");
    tip.className = "citation__tooltip";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("aria-hidden", "true"); // already read out through aria-describedby
    ids.forEach(function (id) {
      var text = document.getElementById(id);
      var entry = text && text.closest("li");
      if (!entry) return;
      var item = document.createElement("span");
      item.className = "citation__preview";
      if (entry.lang) item.lang = entry.lang;
      var number = document.createElement("span");
      number.className = "citation__preview-number";
      // the list numbers itself; an entry says `value` only where that would be wrong
      var position = Array.prototype.indexOf.call(entry.parentNode.children, entry) + 1;
      number.textContent = (entry.getAttribute("value") || position) + ". ";
      item.appendChild(number);
      var copy = text.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("a").forEach(function (anchor) { // no focusable copies
        anchor.replaceWith(document.createTextNode(anchor.textContent));
      });
      item.appendChild(copy);
      tip.appendChild(item);
    });
    if (!tip.childNodes.length) return null;
    citation.appendChild(tip);
    return tip;
  }

  // Keeps the preview on screen: shifted left at the right edge, and below the citation when
  // there is no room above it under the sticky header (as right after following a back-link,
  // which scrolls the citation to the top).
  function keepInView(tip) {
    tip.style.left = "";
    tip.classList.remove("citation__tooltip--below");
    var rect = tip.getBoundingClientRect();
    if (!rect.width) return;
    var overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.left = -Math.min(overflow, rect.left - 8) + "px";
    var header = document.querySelector(".md-header");
    var top = header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0;
    if (rect.top < top + 8) tip.classList.add("citation__tooltip--below");
  }

  var shown = null; // the preview shown last, re-placed while the page scrolls
  function show(citation) {
    var tip = previewFor(citation);
    if (tip) keepInView(tip);
    shown = tip;
  }

  var pending = false;
  window.addEventListener("scroll", function () {
    if (pending || !shown) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      if (shown && shown.isConnected) keepInView(shown);
    });
  }, { passive: true });

  function closeAll(except) {
    document.querySelectorAll(".citation.citation--open").forEach(function (el) {
      if (el !== except) el.classList.remove("citation--open");
    });
  }

  function onEnter(event) {
    var citation = event.target.closest && event.target.closest(".citation");
    if (citation && !citation.contains(event.relatedTarget)) show(citation);
  }
  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('.citation a[href^="#ref-"]');
    var citation = link && link.closest(".citation");
    if (!citation) {
      closeAll(null);
      return;
    }
    var coarse = window.matchMedia && window.matchMedia("(hover: none)").matches;
    if (coarse && !citation.classList.contains("citation--open")) {
      event.preventDefault();
      closeAll(citation);
      citation.classList.add("citation--open");
      show(citation);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".citation:hover, .citation:focus-within, .citation--open")
      .forEach(function (el) {
        el.classList.remove("citation--open");
        el.classList.add("citation--dismissed");
      });
  });

  function undismiss(event) {
    var citation = event.target.closest && event.target.closest(".citation--dismissed");
    if (citation && !citation.contains(event.relatedTarget)) {
      citation.classList.remove("citation--dismissed");
    }
  }
  document.addEventListener("mouseout", undismiss);
  document.addEventListener("focusout", undismiss);
})();
