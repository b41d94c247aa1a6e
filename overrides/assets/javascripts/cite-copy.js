/* "Cite this page" copy buttons (partials/article-cite.html). Each button copies the citation
   in its own block and says so in the block's status line (role="status", read out by screen
   readers) in the words of the section's data-copied; if the browser refuses, the status asks
   (data-copy-failed) the reader to select and copy the text, which stays selectable without
   JavaScript. Material's clipboard buttons are not used: its bundle renames the <pre> ids they
   would point at. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) { // http:// previews: the old way
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cite-copy]");
    if (!button) return;
    var block = button.closest(".article-cite__block");
    var section = button.closest(".article-cite"); // the messages, once for both buttons
    var code = block && block.querySelector("pre code");
    var status = block && block.querySelector(".article-cite__status");
    if (!code || !status || !section) return;
    status.textContent = "";
    copyText(code.textContent.trim()).then(function () {
      status.textContent = section.getAttribute("data-copied");
      status.classList.remove("article-cite__status--failed");
    }, function () {
      status.textContent = section.getAttribute("data-copy-failed");
      status.classList.add("article-cite__status--failed");
    });
  });
})();
