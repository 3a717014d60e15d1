/*
 * For host pages (the ward's own web page) that embed items of this site:
 *
 *   <iframe src="https://…/embed/…" data-ward-embed …></iframe>
 *   <script src="https://…/assets/javascripts/embed.js" async></script>
 *
 * Each embed page posts its height (embed-frame.js); this script sets the
 * height of the iframe that sent it. A message is trusted only when it comes
 * from this site's origin (the origin this script was loaded from) and from
 * the very window of one of the page's [data-ward-embed] frames.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var MAX_HEIGHT = 20000;

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "ward-embed:height" || typeof data.height !== "number" || !(data.height > 0)) return;
    var frames = document.querySelectorAll("iframe[data-ward-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(Math.min(data.height, MAX_HEIGHT)) + "px";
      }
    }
  });
})();
