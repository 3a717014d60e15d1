/*
 * Share bars (overrides/partials/ward-share.html). Progressive enhancement:
 * without this script the Facebook link still works; with it, the Zalo, copy
 * and native-share buttons appear. No third-party script or request happens
 * until the reader clicks Zalo: only then is Zalo's own share SDK loaded
 * (it needs the ward's Official Account id, extra.ward.zalo_oa_id).
 */
(() => {
  "use strict";

  const ZALO_SDK = "https://sp.zalo.me/plugins/sdk.js";

  function announce(bar, text) {
    const status = bar.querySelector(".ward-share__status");
    if (status) status.textContent = text;
  }

  async function copyLink(bar, button) {
    const url = bar.dataset.url;
    try {
      await navigator.clipboard.writeText(url);
    } catch (error) {
      // Older browsers, or no clipboard permission: select the address for the reader to copy.
      window.prompt(button.textContent, url);
      return;
    }
    announce(bar, button.dataset.done || "");
  }

  function shareOnZalo(bar) {
    // Zalo's share plugin acts on an element with its data attributes once its SDK has loaded.
    let target = bar.querySelector(".zalo-share-button");
    if (!target) {
      target = document.createElement("div");
      target.className = "zalo-share-button";
      target.dataset.href = bar.dataset.url;
      target.dataset.oaid = bar.dataset.oaid || "";
      target.dataset.customize = "true";
      target.hidden = true;
      bar.appendChild(target);
    }
    const open = () => {
      if (window.ZaloSocialSDK && typeof window.ZaloSocialSDK.reload === "function") window.ZaloSocialSDK.reload();
      target.click();
    };
    if (window.ZaloSocialSDK) {
      open();
      return;
    }
    const script = document.createElement("script");
    script.src = ZALO_SDK;
    script.async = true;
    script.addEventListener("load", open);
    document.head.appendChild(script);
  }

  function shareNatively(bar) {
    navigator.share({ title: bar.dataset.title, url: bar.dataset.url }).catch(() => {});
  }

  for (const bar of document.querySelectorAll("[data-ward-share]")) {
    for (const button of bar.querySelectorAll("button[data-share]")) {
      const kind = button.dataset.share;
      if (kind === "native" && typeof navigator.share !== "function") continue;
      if (kind === "copy" && !navigator.clipboard && typeof window.prompt !== "function") continue;
      button.hidden = false;
      button.addEventListener("click", () => {
        if (kind === "copy") copyLink(bar, button);
        else if (kind === "zalo") shareOnZalo(bar);
        else if (kind === "native") shareNatively(bar);
      });
    }
  }
})();
