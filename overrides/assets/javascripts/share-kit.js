/* Sharing on every page: copy buttons and share bars.
 *
 * Copy buttons: each element marked data-ward-copy (an infographic's caption,
 * an embed code) gets a button that copies its text. The button is added
 * here, so without this script the text is plain text to select and copy by
 * hand. Where the Clipboard API is refused (plain http, an old browser), the
 * text is selected instead and the reader is told to press Ctrl+C.
 *
 * Share bars (wardpub.social.share_bar): the Facebook link works without
 * this script; with it, the Zalo, copy-link and native-share buttons appear.
 * No third-party script or request happens until the reader presses Zalo:
 * only then is Zalo's own share script loaded (it needs the ward's Official
 * Account id).
 *
 * Messages come from the page (data-*) in its language; a polite live region
 * announces them.
 */
(function () {
  "use strict";

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(element) {
    var text = element.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(element); }
      );
    }
    return Promise.resolve(copyBySelection(element));
  }

  function addButton(caption) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ward-share__copy";
    button.textContent = caption.getAttribute("data-ward-copy-label");
    button.setAttribute("aria-describedby", caption.id);
    var status = document.createElement("span");
    status.className = "ward-share__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(caption).then(function (copied) {
        status.textContent = caption.getAttribute(copied ? "data-ward-copied" : "data-ward-copy-failed");
      });
    });
    var actions = document.createElement("p");
    actions.className = "ward-share__actions";
    actions.appendChild(button);
    actions.appendChild(status);
    caption.parentNode.insertBefore(actions, caption.nextSibling);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-ward-copy]"), addButton);

  // ── share bars ──────────────────────────────────────────────────────────
  var ZALO_SDK = "https://sp.zalo.me/plugins/sdk.js";

  function copyLink(bar, button) {
    var status = bar.querySelector(".ward-share-bar__status");
    var url = bar.getAttribute("data-url");
    var done = function () { status.textContent = bar.getAttribute("data-copied"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt(button.textContent, url); });
    } else {
      window.prompt(button.textContent, url);
    }
  }

  function shareOnZalo(bar) {
    // Zalo's share plugin acts on an element carrying its data attributes once its script has run.
    var target = bar.querySelector(".zalo-share-button");
    if (!target) {
      target = document.createElement("div");
      target.className = "zalo-share-button";
      target.setAttribute("data-href", bar.getAttribute("data-url"));
      target.setAttribute("data-oaid", bar.getAttribute("data-oaid"));
      target.setAttribute("data-customize", "true");
      target.hidden = true;
      bar.appendChild(target);
    }
    var open = function () {
      if (window.ZaloSocialSDK && typeof window.ZaloSocialSDK.reload === "function") window.ZaloSocialSDK.reload();
      target.click();
    };
    if (window.ZaloSocialSDK) return open();
    var script = document.createElement("script");
    script.src = ZALO_SDK;
    script.async = true;
    script.addEventListener("load", open);
    document.head.appendChild(script);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-ward-share]"), function (bar) {
    Array.prototype.forEach.call(bar.querySelectorAll("button[data-share]"), function (button) {
      var kind = button.getAttribute("data-share");
      if (kind === "native" && typeof navigator.share !== "function") return;
      button.hidden = false;
      button.addEventListener("click", function () {
        if (kind === "copy") copyLink(bar, button);
        else if (kind === "zalo") shareOnZalo(bar);
        else navigator.share({ title: bar.getAttribute("data-title"), url: bar.getAttribute("data-url") }).catch(function () {});
      });
    });
  });
})();
