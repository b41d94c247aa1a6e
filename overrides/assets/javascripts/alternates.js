/* Keep Material's bundle from requesting sitemaps for the hreflang links in <head>.

   Material's bundle, when the page has loaded (DOMContentLoaded), fetches `sitemap.xml` next to
   every <link rel="alternate"> once, to keep readers on the same page when they switch
   languages. This site's hreflang links are absolute (site_url, for search engines), so those
   requests go to the production host from a preview, a mirror or a local build, and even there
   ask for sitemaps that do not exist (/en/articles/x/sitemap.xml). The language switcher's
   links already lead to the same page in the other language (mkdocs-static-i18n), so the
   lookup adds nothing.

   This script runs after the bundle (both deferred, in document order) and before DOMContentLoaded: it takes the links out of the
   document while Material's DOMContentLoaded handler (registered first, so run first) looks for
   them, and puts each back in its place in its own handler (registered second, so run right
   after). The served HTML keeps every link for crawlers; the rendered page has them again. */
(function () {
  "use strict";
  // Loaded with `defer` (mkdocs.yml): it runs after the page is parsed ("interactive") and
  // before DOMContentLoaded. Once the page has fully loaded, Material has already looked.
  if (document.readyState === "complete") return;
  var held = [];
  document.querySelectorAll('head link[rel="alternate"][hreflang]').forEach(function (link) {
    var marker = document.createComment("hreflang");
    link.replaceWith(marker);
    held.push([marker, link]);
  });
  document.addEventListener("DOMContentLoaded", function () {
    held.forEach(function (pair) { pair[0].replaceWith(pair[1]); });
  }, { once: true });
})();
