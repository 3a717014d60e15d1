/* "Nghe bài": the device reads the page aloud with its own voice (Web Speech API).

   The control (partials/ward-listen.html) shows only when the device has a voice for
   the page's language that runs on the device itself (localService): no audio file is
   downloaded and the text is sent nowhere. Reading goes sentence by sentence (long
   utterances get cut off on some phones), each sentence highlighted as it is read;
   numbers, dates and document numbers are turned into words first (speech-words.js).
   Pause, resume, stop and speed work from a bar at the foot of the screen. */
(function () {
  "use strict";
  var control = document.querySelector("[data-ward-listen]");
  var synth = window.speechSynthesis;
  if (!control || !synth || typeof window.SpeechSynthesisUtterance !== "function" || !window.wardSpeechWords) return;

  var language = control.getAttribute("data-lang");
  var start = control.querySelector(".ward-listen__start");
  var player = control.querySelector(".ward-listen__player");
  var toggle = player.querySelector("[data-listen=toggle]");
  var stopButton = player.querySelector("[data-listen=stop]");
  var speed = player.querySelector("[data-listen=speed]");
  var status = player.querySelector(".ward-listen__status");
  var root = control.closest(".ward-page") || document.querySelector(".md-content__inner");
  // What is read: the text of the page, not its furniture, citation marks or source list.
  var SKIP = [".ward-kicker", ".ward-print-only", ".ward-article-meta", ".ward-cite", ".ward-sources", ".ward-sources-heading",
    ".ward-post-kit",
    ".ward-share-bar", ".ward-related", ".ward-updated", ".ward-embed-code", ".ward-pagination", ".md-source-file",
    ".ward-chart__downloads", ".ward-infographic__share", ".headerlink", "script", "style", "noscript", "button", "select",
    "nav", "svg", "[aria-hidden=true]", "[hidden]"].join(",");
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, blockquote, summary, .admonition-title";
  var highlights = window.CSS && CSS.highlights && typeof window.Highlight === "function";

  var voice = null, sentences = null, index = 0, playing = false, turn = 0, marked = null;

  function findVoice() {
    var voices = synth.getVoices() || [];
    var own = voices.filter(function (v) {
      return v.localService !== false && String(v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === language;
    });
    return own.filter(function (v) { return v["default"]; })[0] || own[0] || null;
  }

  function offerIfVoiced() {
    voice = findVoice();
    if (voice) control.classList.add("ward-listen--ready");
    return !!voice;
  }

  function label(name, values) {
    var text = control.getAttribute("data-label-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.replace("{" + key + "}", values[key]); });
    return text;
  }

  /* ── The page as sentences ─────────────────────────────────────────────── */

  function collect() {
    // Text nodes in reading order, grouped by the block (paragraph, list item, heading…) they belong to.
    var heading = root.querySelector("ol.ward-sources");
    if (heading && heading.previousElementSibling && /^H[1-6]$/.test(heading.previousElementSibling.tagName)) {
      heading.previousElementSibling.classList.add("ward-sources-heading");
    }
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest(SKIP) || !node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var blocks = [], byElement = new Map(), node;
    while ((node = walker.nextNode())) {
      var element = node.parentElement.closest(BLOCKS) || node.parentElement;
      var block = byElement.get(element);
      if (!block) { block = { element: element, text: "", pieces: [] }; byElement.set(element, block); blocks.push(block); }
      block.pieces.push({ node: node, from: block.text.length });
      block.text += node.nodeValue;
    }
    var out = [];
    blocks.forEach(function (block) { split(block).forEach(function (s) { out.push(s); }); });
    return out;
  }

  function split(block) {
    // Sentences of a block as [from, to) offsets into its text.
    var text = block.text, parts = [];
    if (window.Intl && typeof Intl.Segmenter === "function") {
      var segments = new Intl.Segmenter(language, { granularity: "sentence" }).segment(text);
      for (var it = segments[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
        parts.push([step.value.index, step.value.index + step.value.segment.length]);
      }
    } else {
      var re = /[^.!?…]+(?:[.!?…]+|$)/g, m;
      while ((m = re.exec(text))) parts.push([m.index, m.index + m[0].length]);
    }
    return parts.map(function (range) {
      var from = range[0], to = range[1];
      while (from < to && /\s/.test(text.charAt(from))) from++;
      while (to > from && /\s/.test(text.charAt(to - 1))) to--;
      return { block: block, from: from, to: to, text: text.slice(from, to).replace(/\s+/g, " ") };
    }).filter(function (s) { return /[\p{L}\p{N}]/u.test(s.text); });
  }

  function position(block, offset, end) {
    for (var i = block.pieces.length - 1; i >= 0; i--) {
      var piece = block.pieces[i];
      if (offset > piece.from || (!end && offset === piece.from) || i === 0) {
        return { node: piece.node, offset: Math.min(offset - piece.from, piece.node.nodeValue.length) };
      }
    }
  }

  /* ── Showing where we are ─────────────────────────────────────────────── */

  function mark(sentence) {
    unmark();
    if (!sentence) return;
    var element = sentence.block.element;
    if (highlights) {
      var range = document.createRange();
      var a = position(sentence.block, sentence.from, false), b = position(sentence.block, sentence.to, true);
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      CSS.highlights.set("ward-listen", new Highlight(range));
    } else {
      element.classList.add("ward-listen-block");
      marked = element;
    }
    var box = element.getBoundingClientRect();
    if (box.top < 60 || box.bottom > window.innerHeight - 90) {
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
    status.textContent = label("position", { n: index + 1, total: sentences.length });
  }

  function unmark() {
    if (highlights) CSS.highlights["delete"]("ward-listen");
    if (marked) { marked.classList.remove("ward-listen-block"); marked = null; }
  }

  /* ── Reading ──────────────────────────────────────────────────────────── */

  function speak() {
    var sentence = sentences[index];
    if (!sentence) return finish();
    var mine = ++turn;
    var utterance = new SpeechSynthesisUtterance(window.wardSpeechWords.words(sentence.text, language));
    utterance.lang = voice.lang || language;
    try { utterance.voice = voice; } catch (e) { /* a voice object the engine does not accept: its language still applies */ }
    utterance.rate = parseFloat(speed.value) || 1;
    utterance.onend = function () {
      if (mine !== turn || !playing) return;
      index += 1;
      speak();
    };
    utterance.onerror = function (event) {
      if (mine !== turn || !playing || event.error === "interrupted" || event.error === "canceled") return;
      index += 1;
      speak();
    };
    control.utterance = utterance; // kept referenced: some engines drop the end event of a collected utterance
    mark(sentence);
    synth.speak(utterance);
  }

  function play() {
    playing = true;
    toggle.textContent = label("pause");
    synth.cancel();
    speak();
  }

  function pause() {
    playing = false;
    turn += 1;
    synth.cancel();
    toggle.textContent = label("resume");
  }

  function stop() {
    pause();
    unmark();
    index = 0;
    player.hidden = true;
    document.body.classList.remove("ward-listening");
    start.setAttribute("aria-expanded", "false");
    start.focus();
  }

  function finish() {
    playing = false;
    unmark();
    index = 0;
    toggle.textContent = label("resume");
    status.textContent = label("done");
  }

  start.addEventListener("click", function () {
    if (!voice && !offerIfVoiced()) return;
    if (!sentences) sentences = collect();
    player.hidden = false;
    document.body.classList.add("ward-listening");
    start.setAttribute("aria-expanded", "true");
    if (!playing) play();
    toggle.focus();
  });
  toggle.addEventListener("click", function () { if (playing) pause(); else play(); });
  stopButton.addEventListener("click", stop);
  speed.addEventListener("change", function () { if (playing) play(); });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  if (!offerIfVoiced()) {
    // Voices often arrive after the page: listen for them.
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", offerIfVoiced);
    else synth.onvoiceschanged = offerIfVoiced;
  }
})();
