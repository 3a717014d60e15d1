/*
 * Inside an embed page (wardpub.embeds): tell the host page our height, and
 * answer the search box of the news embed with the site's own search worker.
 * The height carries no secret, so it is posted to any parent ("*"); the
 * host's embed.js checks where it came from.
 */
(function () {
  "use strict";

  if (window.parent !== window) {
    var last = 0;
    var post = function () {
      var height = document.documentElement.scrollHeight;
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "ward-embed:height", height: height }, "*");
    };
    if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(document.body);
    window.addEventListener("load", post);
    post();
  }

  // The search box speaks the same messages as Material's search box:
  // SETUP 0, READY 1, QUERY 2, RESULT 3 (see workers/folded-search.js).
  var form = document.querySelector("[data-ward-embed-search]");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("ol");
  var root = new URL(document.body.getAttribute("data-root"), location.href);  // the site's root
  var language = form.getAttribute("data-language");
  var worker = new Worker(new URL("assets/javascripts/workers/folded-search.js?lang=" + language, root));
  var ready = false;
  worker.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === 1) {
      ready = true;
      if (input.value) worker.postMessage({ type: 2, data: input.value });
    } else if (message.type === 3) {
      list.textContent = "";
      var groups = message.data.items.slice(0, 8);
      if (!groups.length && input.value.trim()) {
        var none = document.createElement("li");
        none.textContent = form.getAttribute("data-none");
        list.appendChild(none);
      }
      groups.forEach(function (group) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(group[0].location, root).href;
        link.innerHTML = group[0].title;  // the worker escapes the text and marks the matches
        item.appendChild(link);
        list.appendChild(item);
      });
    }
  });
  worker.postMessage({ type: 0, data: { config: {}, docs: [] } });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", function () {
    if (ready) worker.postMessage({ type: 2, data: input.value });
  });
})();
