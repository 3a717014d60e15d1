/* Copy buttons for the infographics gallery (scripts/wardpub/infographics/gallery.py).
 *
 * Each caption marked data-ward-copy gets a button that copies its text. The
 * button is added here, so without this script the caption is plain text to
 * select and copy by hand. Where the Clipboard API is refused (plain http, an
 * old browser), the caption is selected instead and the reader is told to
 * press Ctrl+C. Messages come from the page (data-ward-*) in its language;
 * a polite live region announces them. Nothing is loaded from elsewhere.
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
})();
