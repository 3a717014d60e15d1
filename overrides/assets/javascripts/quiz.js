/* The practice quiz on /thi-tim-hieu/ (wardpub.quiz.pages puts its container on the page).
 *
 * It fetches the bank of the page's language from the site itself
 * (thi-tim-hieu/ngan-hang-cau-hoi-<lang>.json, made by wardpub.quiz.exports),
 * then builds everything with real form controls: a setup form (questions at
 * random or from one content point, a timer that can be switched off), one
 * question at a time in a fieldset with radio buttons or checkboxes, the
 * verdict, explanation, source and a link to the explaining page in a polite
 * live region, then the score with every answer reviewed and a result card
 * drawn on a canvas (no name, nothing about the reader).
 *
 * Keyboard and screen readers: the "Answer" button becomes "Next question"
 * after answering (the same element, so focus is not lost and the verdict is
 * read out), each new question's heading takes focus, and the timer is
 * announced when the round starts, one minute before the end and when time
 * runs out, never second by second. Progress (rounds played, best score,
 * questions answered right) stays in localStorage; nothing leaves the page.
 *
 * A random round deals questions from every content point in turn, as the
 * paper sheets do (wardpub.quiz.sheets.select), so a round covers the topics.
 */
(function () {
  "use strict";

  var STORE = "ward-quiz-v1";
  var container = document.querySelector("[data-ward-quiz]");
  if (!container) { return; }
  var root = container.getAttribute("data-root") || "";
  var bank = null;
  var S = {};
  var status = null;
  var uid = 0;

  // ── helpers ────────────────────────────────────────────────────────────
  function t(key, values) {
    var text = S[key] || key;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; }
      else if (name === "className") { node.className = attrs[name]; }
      else if (attrs[name] !== null && attrs[name] !== undefined && attrs[name] !== false) { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) {
      if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return node;
  }

  function nextId(prefix) { uid += 1; return "wq-" + prefix + "-" + uid; }

  function shuffle(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var keep = copy[i]; copy[i] = copy[j]; copy[j] = keep;
    }
    return copy;
  }

  function siteLink(url) { return /^[a-z]+:/.test(url) ? url : root + url; }

  function announce(text) {
    // Cleared first so the same sentence twice is read twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function focusOn(node) {
    node.setAttribute("tabindex", "-1");
    node.focus();
  }

  function clock(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // ── progress in this browser only ─────────────────────────────────────
  function loadProgress() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE) || "null");
      if (saved && typeof saved.rounds === "number" && Array.isArray(saved.known)) { return saved; }
    } catch (error) { /* storage refused (private mode) or damaged: start afresh */ }
    return { rounds: 0, best: null, known: [] };
  }

  function saveProgress(progress) {
    try { window.localStorage.setItem(STORE, JSON.stringify(progress)); } catch (error) { /* nowhere to keep it */ }
  }

  function clearProgress() {
    try { window.localStorage.removeItem(STORE); } catch (error) { /* nothing to clear */ }
  }

  // ── setup ──────────────────────────────────────────────────────────────
  function renderSetup(message) {
    var progress = loadProgress();
    var known = {};
    progress.known.forEach(function (id) { known[id] = true; });
    var form = el("form", { className: "ward-quiz__setup", novalidate: "novalidate" });
    var points = el("fieldset", {}, [el("legend", { text: t("setup_points") })]);
    var allId = nextId("point");
    points.appendChild(choice("radio", "point", "", allId, t("setup_all", { count: bank.questions.length }), true));
    bank.points.forEach(function (point) {
      var right = bank.questions.filter(function (q) { return q.point === point.key && known[q.id]; }).length;
      var label = t("setup_point", { number: point.number, name: point.name, count: point.count });
      var row = choice("radio", "point", point.key, nextId("point"), label, false);
      if (progress.rounds) {
        row.querySelector("label").appendChild(el("span", { className: "ward-quiz__known", text: " (" + t("progress_point", { known: right, count: point.count }) + ")" }));
      }
      points.appendChild(row);
    });
    var timerId = nextId("timer");
    var hintId = nextId("hint");
    var minutes = Math.round(bank.round_size * bank.seconds_per_question / 60);
    var timer = el("fieldset", {}, [
      el("legend", { text: t("setup_timer_legend") }),
      choice("checkbox", "timer", "on", timerId, t("setup_timer", { minutes: minutes }), true, hintId),
      el("p", { id: hintId, className: "ward-quiz__hint", text: t("setup_timer_hint") }),
    ]);
    var line = progress.rounds
      ? t("progress_line", { rounds: progress.rounds, best: progress.best ? progress.best.right + "/" + progress.best.total : "–", known: progress.known.length, total: bank.questions.length })
      : t("progress_none");
    var start = el("button", { type: "submit", className: "md-button md-button--primary", text: t("setup_start") });
    var actions = el("p", { className: "ward-quiz__actions" }, [start]);
    if (progress.rounds) {
      var clear = el("button", { type: "button", className: "md-button ward-quiz__clear", text: t("clear_progress") });
      clear.addEventListener("click", function () {
        clearProgress();
        renderSetup();
        announce(t("progress_cleared"));
        container.querySelector(".ward-quiz__setup button[type=submit]").focus();
      });
      actions.appendChild(clear);
    }
    form.appendChild(points);
    form.appendChild(timer);
    form.appendChild(el("p", { className: "ward-quiz__progress", text: line }));
    form.appendChild(actions);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = form.querySelector("input[name=point]:checked");
      startRound(picked ? picked.value : "", form.querySelector("input[name=timer]").checked);
    });
    show(form);
    if (message) { announce(message); }
    return form;
  }

  function choice(type, name, value, id, label, checked, describedBy) {
    return el("div", { className: "ward-quiz__choice" }, [
      el("input", { type: type, name: name, value: value, id: id, checked: checked ? "checked" : null, "aria-describedby": describedBy || null }),
      el("label", { "for": id, text: label }),
    ]);
  }

  function show(node) {
    Array.prototype.slice.call(container.children).forEach(function (child) {
      if (child !== status) { container.removeChild(child); }
    });
    container.insertBefore(node, status);
  }

  // ── a round ────────────────────────────────────────────────────────────
  function draw(pointKey) {
    var size = bank.round_size;
    if (pointKey) {
      return shuffle(bank.questions.filter(function (q) { return q.point === pointKey; })).slice(0, size);
    }
    var pools = bank.points.map(function (point) {
      return shuffle(bank.questions.filter(function (q) { return q.point === point.key; }));
    });
    var dealt = [];
    while (dealt.length < size && pools.some(function (pool) { return pool.length; })) {
      pools.forEach(function (pool) { if (pool.length && dealt.length < size) { dealt.push(pool.pop()); } });
    }
    return shuffle(dealt);
  }

  function startRound(pointKey, timed) {
    var questions = draw(pointKey).map(function (q) {
      var order = q.options.map(function (option, index) { return index; });
      return { q: q, order: q.type === "true_false" ? order : shuffle(order), chosen: null, right: false };
    });
    var point = bank.points.filter(function (p) { return p.key === pointKey; })[0];
    var round = { items: questions, index: 0, timer: null, left: 0, timedOut: false, point: point };
    var intro = point
      ? t("round_intro_point", { count: questions.length, number: point.number, name: point.name })
      : t("round_intro", { count: questions.length });
    var section = el("section", { className: "ward-quiz__play", "aria-label": intro });
    var bar = el("div", { className: "ward-quiz__bar" }, [el("p", { className: "ward-quiz__intro", text: intro })]);
    section.appendChild(bar);
    round.section = section;
    show(section);
    if (timed) { startTimer(round, bar); }
    renderQuestion(round);
  }

  function startTimer(round, bar) {
    round.left = round.items.length * bank.seconds_per_question;
    var display = el("span", { className: "ward-quiz__clock", role: "timer", "aria-live": "off", text: t("timer_left", { time: clock(round.left) }) });
    var off = el("button", { type: "button", className: "md-button ward-quiz__timer-off", text: t("timer_off") });
    var box = el("p", { className: "ward-quiz__timer" }, [display, " ", off]);
    bar.appendChild(box);
    off.addEventListener("click", function () {
      stopTimer(round);
      var note = el("p", { className: "ward-quiz__timer ward-quiz__timer--off", text: t("timer_stopped") });
      bar.replaceChild(note, box);
      focusOn(note);
    });
    round.timer = window.setInterval(function () {
      round.left -= 1;
      display.textContent = t("timer_left", { time: clock(Math.max(round.left, 0)) });
      if (round.left === 60) {
        box.classList.add("ward-quiz__timer--warning");
        announce(t("timer_warning", { time: clock(60) }));
      }
      if (round.left <= 0) {
        stopTimer(round);
        round.timedOut = true;
        finish(round);
      }
    }, 1000);
    announce(t("timer_started", { minutes: Math.round(round.left / 60) }));
  }

  function stopTimer(round) {
    if (round.timer !== null) { window.clearInterval(round.timer); round.timer = null; }
  }

  function letter(index) { return String.fromCharCode(65 + index); }

  function renderQuestion(round) {
    var item = round.items[round.index];
    var q = item.q;
    var multiple = q.type === "multiple";
    var heading = el("h3", { className: "ward-quiz__number" }, [
      t("question_of", { number: round.index + 1, total: round.items.length }),
      el("span", { className: "ward-quiz__difficulty", text: " · " + t("difficulty_" + q.difficulty) }),
    ]);
    var hintId = nextId("hint");
    var fieldset = el("fieldset", { "aria-describedby": hintId }, [
      el("legend", { className: "ward-quiz__text", text: q.text }),
      el("p", { id: hintId, className: "ward-quiz__hint", text: multiple ? t("choose_all") : t("choose_one") }),
    ]);
    item.order.forEach(function (optionIndex, position) {
      var row = choice(multiple ? "checkbox" : "radio", "answer", String(optionIndex), nextId("option"),
        letter(position) + ". " + q.options[optionIndex].text, false);
      row.setAttribute("data-option", String(optionIndex));
      fieldset.appendChild(row);
    });
    var feedback = el("div", { className: "ward-quiz__feedback", "aria-live": "polite" });
    var button = el("button", { type: "submit", className: "md-button md-button--primary", text: t("answer") });
    var form = el("form", { className: "ward-quiz__question", "data-question-id": q.id, novalidate: "novalidate" },
      [heading, fieldset, feedback, el("p", { className: "ward-quiz__actions" }, [button])]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (item.chosen === null) { answer(round, item, form, feedback, button); }
      else if (round.index + 1 < round.items.length) { round.index += 1; renderQuestion(round); }
      else { finish(round); }
    });
    var previous = round.section.querySelector(".ward-quiz__question");
    if (previous) { round.section.replaceChild(form, previous); } else { round.section.appendChild(form); }
    focusOn(heading);
  }

  function correctIndexes(q) {
    return q.options.map(function (option, index) { return option.correct ? index : -1; }).filter(function (index) { return index >= 0; });
  }

  function describe(item, indexes) {
    return indexes.slice().sort(function (a, b) { return item.order.indexOf(a) - item.order.indexOf(b); }).map(function (index) { return letter(item.order.indexOf(index)) + ". " + item.q.options[index].text; }).join("; ");
  }

  function answer(round, item, form, feedback, button) {
    var picked = Array.prototype.slice.call(form.querySelectorAll("input[name=answer]:checked")).map(function (input) { return Number(input.value); });
    if (!picked.length) {
      feedback.textContent = "";
      feedback.appendChild(el("p", { className: "ward-quiz__verdict", text: t("pick_first") }));
      return;
    }
    var right = correctIndexes(item.q);
    item.chosen = picked.sort();
    item.right = picked.length === right.length && picked.every(function (index) { return right.indexOf(index) >= 0; });
    Array.prototype.slice.call(form.querySelectorAll(".ward-quiz__choice")).forEach(function (row) {
      var index = Number(row.getAttribute("data-option"));
      var input = row.querySelector("input");
      input.disabled = true;
      var label = row.querySelector("label");
      if (right.indexOf(index) >= 0) {
        row.classList.add("ward-quiz__choice--right");
        label.appendChild(el("span", { className: "ward-quiz__mark", text: t("marked_right") }));
      } else if (picked.indexOf(index) >= 0) {
        row.classList.add("ward-quiz__choice--wrong");
        label.appendChild(el("span", { className: "ward-quiz__mark", text: t("marked_yours") }));
      }
    });
    feedback.textContent = "";
    explain(feedback, item, true);
    button.textContent = round.index + 1 < round.items.length ? t("next") : t("finish");
    button.focus();
  }

  function explain(box, item, withVerdict) {
    var q = item.q;
    var right = correctIndexes(q);
    var verdict = item.right ? t("right") : t("wrong");
    var answerLine = (right.length > 1 ? t("right_answers", { answer: describe(item, right) }) : t("right_answer", { answer: describe(item, right) }));
    box.classList.toggle("ward-quiz__feedback--right", item.right);
    box.classList.toggle("ward-quiz__feedback--wrong", !item.right);
    if (withVerdict) {
      box.appendChild(el("p", { className: "ward-quiz__verdict" }, [el("strong", { text: verdict }), item.right ? null : " " + answerLine]));
    }
    box.appendChild(el("p", {}, [el("strong", { text: t("explanation") + ": " }), q.explanation]));
    var sources = el("p", { className: "ward-quiz__sources" }, [t("source") + ": "]);
    q.sources.forEach(function (source, index) {
      if (index) { sources.appendChild(document.createTextNode("; ")); }
      sources.appendChild(source.url ? el("a", { href: siteLink(source.url), rel: "noopener", text: source.label }) : document.createTextNode(source.label));
    });
    box.appendChild(sources);
    box.appendChild(el("p", { className: "ward-quiz__more" }, [t("read_more") + ": ", el("a", { href: siteLink(q.page.url), text: q.page.title })]));
  }

  // ── the score ──────────────────────────────────────────────────────────
  function band(right, total) {
    var share = total ? right / total : 0;
    return share >= 0.8 ? t("band_high") : share >= 0.5 ? t("band_middle") : t("band_low");
  }

  function finish(round) {
    stopTimer(round);
    var total = round.items.length;
    var right = round.items.filter(function (item) { return item.right; }).length;
    var progress = loadProgress();
    progress.rounds += 1;
    if (!progress.best || right / total > progress.best.right / progress.best.total) { progress.best = { right: right, total: total }; }
    round.items.forEach(function (item) { if (item.right && progress.known.indexOf(item.q.id) < 0) { progress.known.push(item.q.id); } });
    saveProgress(progress);

    var heading = el("h3", { text: t("score") });
    var section = el("section", { className: "ward-quiz__result" }, [heading]);
    if (round.timedOut) { section.appendChild(el("p", { className: "ward-quiz__timer ward-quiz__timer--warning", text: t("timer_up") })); }
    var message = band(right, total);
    section.appendChild(el("p", { className: "ward-quiz__score" }, [el("strong", { text: t("score_line", { right: right, total: total }) }), " " + message]));
    resultCard(section, right, total, message);

    section.appendChild(el("h4", { text: t("review") }));
    var list = el("ol", { className: "ward-quiz__review" });
    round.items.forEach(function (item) {
      var entry = el("li", { className: item.right ? "ward-quiz__reviewed--right" : "ward-quiz__reviewed--wrong", "data-question-id": item.q.id }, [
        el("p", { className: "ward-quiz__text" }, [el("strong", { text: item.q.text })]),
        el("p", {}, [el("strong", { text: item.right ? t("right") : t("wrong") }), " ",
          t("your_answer", { answer: item.chosen ? describe(item, item.chosen) : t("no_answer") })]),
      ]);
      var right = correctIndexes(item.q);
      entry.appendChild(el("p", { text: right.length > 1 ? t("right_answers", { answer: describe(item, right) }) : t("right_answer", { answer: describe(item, right) }) }));
      explain(entry, item, false);
      list.appendChild(entry);
    });
    section.appendChild(list);
    var again = el("button", { type: "button", className: "md-button md-button--primary", text: t("again") });
    again.addEventListener("click", function () {
      var form = renderSetup();
      focusOn(form.querySelector("legend") || form);
    });
    section.appendChild(el("p", { className: "ward-quiz__actions" }, [again]));
    show(section);
    focusOn(heading);
    if (round.timedOut) { announce(t("timer_up")); }
  }

  // ── the result card: drawn here, nothing about the reader on it ────────
  function wrap(context, text, width) {
    var lines = [];
    var line = "";
    text.split(/\s+/).forEach(function (word) {
      var candidate = line ? line + " " + word : word;
      if (context.measureText(candidate).width > width && line) { lines.push(line); line = word; }
      else { line = candidate; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  function drawCard(canvas, right, total, message) {
    var size = 1080;
    var context = canvas.getContext("2d");
    var styles = window.getComputedStyle(document.documentElement);
    var primary = (styles.getPropertyValue("--ward-primary") || "").trim() || "#a50e14";
    var family = "\"Be Vietnam Pro\", sans-serif";
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size, size);
    context.fillStyle = primary;
    context.fillRect(0, 0, size, 200);
    context.fillRect(0, size - 24, size, 24);
    context.fillStyle = "#ffffff";
    context.textBaseline = "middle";
    context.font = "700 40px " + family;
    wrap(context, bank.publisher, size - 160).slice(0, 2).forEach(function (line, n, all) {
      context.fillText(line, 80, 100 + (n - (all.length - 1) / 2) * 52);
    });
    context.fillStyle = "#1d1d1f";
    context.font = "700 64px " + family;
    wrap(context, t("card_title"), size - 160).forEach(function (line, n) { context.fillText(line, 80, 300 + n * 80); });
    context.fillStyle = primary;
    context.font = "700 240px " + family;
    context.fillText(right + "/" + total, 80, 560);
    context.fillStyle = "#1d1d1f";
    context.font = "400 48px " + family;
    context.fillText(t("card_correct"), 84, 730);
    context.font = "400 44px " + family;
    wrap(context, message, size - 160).slice(0, 2).forEach(function (line, n) { context.fillText(line, 80, 830 + n * 60); });
    context.fillStyle = "#4d4d4d";
    context.font = "400 36px " + family;
    context.fillText(t("card_address") + " " + bank.address, 80, 980);
  }

  function dataToBlob(url) {
    var parts = url.split(",");
    var bytes = window.atob(parts[1]);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { array[i] = bytes.charCodeAt(i); }
    return new Blob([array], { type: "image/png" });
  }

  function resultCard(section, right, total, message) {
    var canvas = document.createElement("canvas");
    canvas.width = 1080;
    canvas.height = 1080;
    if (!canvas.getContext || !canvas.getContext("2d")) { return; }
    var name = "ket-qua-thi-tim-hieu-nq71-" + right + "-" + total + ".png";
    var box = el("div", { className: "ward-quiz__card" }, [el("h4", { text: t("card_heading") })]);
    section.appendChild(box);
    var ready = document.fonts && document.fonts.load ? Promise.all([
      document.fonts.load("700 64px \"Be Vietnam Pro\""), document.fonts.load("400 44px \"Be Vietnam Pro\""),
    ]).catch(function () { return null; }) : Promise.resolve();
    ready.then(function () {
      drawCard(canvas, right, total, message);
      var url;
      try { url = canvas.toDataURL("image/png"); } catch (error) { box.parentNode.removeChild(box); return; }
      box.appendChild(el("img", { src: url, width: "540", height: "540", className: "ward-quiz__card-image",
        alt: t("card_alt", { right: right, total: total, band: message }) }));
      box.appendChild(el("p", { className: "ward-quiz__hint", text: t("card_note") }));
      var actions = el("p", { className: "ward-quiz__actions" }, [
        el("a", { className: "md-button", href: url, download: name, text: t("card_download") }),
      ]);
      var file = typeof File === "function" ? new File([dataToBlob(url)], name, { type: "image/png" }) : null;
      if (file && navigator.canShare && navigator.canShare({ files: [file] })) {
        var share = el("button", { type: "button", className: "md-button", text: t("card_share") });
        share.addEventListener("click", function () {
          navigator.share({ files: [file], title: t("card_title") }).catch(function () { /* the reader closed the share sheet */ });
        });
        actions.appendChild(document.createTextNode(" "));
        actions.appendChild(share);
      }
      box.appendChild(actions);
    });
  }

  // ── start ──────────────────────────────────────────────────────────────
  status = el("p", { className: "ward-quiz__status", role: "status", "aria-live": "polite" });
  container.appendChild(status);
  var failed = container.getAttribute("data-load-failed");
  fetch(container.getAttribute("data-bank"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      bank = data;
      S = data.strings;
      container.classList.add("ward-quiz--ready");
      renderSetup();
    })
    .catch(function () {
      var note = container.querySelector(".ward-quiz__nojs");
      if (note && failed) { note.textContent = failed; }
    });
}());
