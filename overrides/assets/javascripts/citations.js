/* Citation previews: a first tap on a touch screen opens the preview, a second tap follows
   the link; Escape dismisses it. Hover and keyboard focus show it through CSS alone; this
   script only moves a preview left when it would run past the right edge of the window.
   Event delegation on document keeps working with Material's instant navigation. */
(function () {
  "use strict";
  function closeAll(except) {
    document.querySelectorAll(".citation.citation--open").forEach(function (el) {
      if (el !== except) el.classList.remove("citation--open");
    });
  }
  function keepInView(citation) {
    var tip = citation && citation.querySelector(".citation__tooltip");
    if (!tip) return;
    tip.style.left = "";
    var rect = tip.getBoundingClientRect();
    if (!rect.width) return;
    var overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.left = -Math.min(overflow, rect.left - 8) + "px";
  }
  function onEnter(event) {
    var citation = event.target.closest && event.target.closest(".citation");
    if (citation && !citation.contains(event.relatedTarget)) keepInView(citation);
  }
  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".citation__ref");
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
      keepInView(citation);
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
