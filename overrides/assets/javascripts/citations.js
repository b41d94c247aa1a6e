/* Citation previews: a first tap on a touch screen opens the preview, a second tap follows
   the link; Escape dismisses it. Hover and keyboard focus are handled by CSS alone.
   Event delegation on document keeps working with Material's instant navigation. */
(function () {
  "use strict";
  function closeAll(except) {
    document.querySelectorAll(".citation.citation--open").forEach(function (el) {
      if (el !== except) el.classList.remove("citation--open");
    });
  }
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
