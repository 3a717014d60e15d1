/* The ward's extensions to Decap CMS (the web editor at /admin/).
 *
 * Loaded before decap-cms.js (it asks for manual initialisation), it registers,
 * once Decap is there:
 * - the file formats the site's checks expect: `ward-frontmatter` (Markdown
 *   with YAML front matter), `ward-yaml` (infographic specs, report records),
 *   `ward-sources` (docs/_data/sources.yml, a table keyed by number, edited as
 *   a list) and `ward-list` (the campaign calendar, a list at its top). Every
 *   format writes Unicode NFC, keeps keys the editor has no field for and the
 *   comments at the top of a table, leaves empty optional values out, and
 *   writes YAML as the project writes it by hand;
 * - `vi-date`: dates shown and typed the Vietnamese way (28/11/2026), stored
 *   as ISO dates (2026-11-28);
 * - a preSave check for what a field cannot express: a cover needs its alt
 *   text, every picture in the text needs its description; and the article's
 *   year folder, taken from its date;
 * - previews drawn with the site's own stylesheets.
 * js-yaml (loaded before this file) reads and writes YAML.
 */
/* global jsyaml */
(function () {
  "use strict";

  window.CMS_MANUAL_INIT = true;

  var YAML_DUMP = { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' };
  var YAML_LOAD = { schema: jsyaml.CORE_SCHEMA };
  var FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var VI_DATE = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/;
  var INTERNAL = /^__/; // keys the editor keeps in memory only (never written as such)
  var CITATION_ESCAPED = /\\\[(src:[^\]\n]*?)\\?\]/g; // [src:6] as the rich-text editor escapes it

  // ── values ────────────────────────────────────────────────────────────────

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** Every string in NFC; source numbers ("6") as numbers, wherever a `sources` list is. */
  function normalise(value, key) {
    if (typeof value === "string") return value.normalize("NFC");
    if (Array.isArray(value)) {
      return value.map(function (item) {
        if (key === "sources" && typeof item === "string" && /^\d+$/.test(item)) return Number(item);
        return normalise(item);
      });
    }
    if (isObject(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k.normalize("NFC")] = normalise(value[k], k); });
      return out;
    }
    return value;
  }

  /** Empty optional values left out: "", null, {} and [] (except where kept on purpose). */
  function prune(value, keepEmptyLists) {
    if (Array.isArray(value)) {
      return value.map(function (item) { return prune(item); });
    }
    if (!isObject(value)) return value;
    var out = {};
    Object.keys(value).forEach(function (k) {
      var v = prune(value[k]);
      if (v === "" || v === null || v === undefined) return;
      if (isObject(v) && Object.keys(v).length === 0) return;
      if (Array.isArray(v) && v.length === 0 && (keepEmptyLists || []).indexOf(k) < 0) return;
      out[k] = v;
    });
    return out;
  }

  /** Fields in the editor's order, then any other keys (kept, alphabetically). */
  function ordered(data, keys) {
    var out = {};
    (keys || []).forEach(function (k) { if (k in data) out[k] = data[k]; });
    Object.keys(data).sort().forEach(function (k) { if (!(k in out)) out[k] = data[k]; });
    return out;
  }

  /** YAML as the project writes it by hand: short lists of plain values inline ([6, 23], [truong-hoc]). */
  function dump(data) {
    if (!Object.keys(data).length) return "";
    var inline = [];
    function mark(value) {
      // YAML 1.1 (the build's reader) takes an unquoted 19:30 for a number: clock times stay quoted.
      if (typeof value === "string" && /^\d+(:[0-5]?\d)+$/.test(value)) {
        inline.push(JSON.stringify(value));
        return "__wardpub_inline_" + (inline.length - 1) + "__";
      }
      if (Array.isArray(value)) {
        if (value.length && value.every(function (v) { return v === null || typeof v !== "object"; })) {
          inline.push(jsyaml.dump(value, Object.assign({}, YAML_DUMP, { flowLevel: 0 })).trim());
          return "__wardpub_inline_" + (inline.length - 1) + "__";
        }
        return value.map(mark);
      }
      if (isObject(value)) {
        var out = {};
        Object.keys(value).forEach(function (k) { out[k] = mark(value[k]); });
        return out;
      }
      return value;
    }
    return jsyaml.dump(mark(data), YAML_DUMP).replace(/__wardpub_inline_(\d+)__/g, function (_, n) { return inline[Number(n)]; });
  }

  function withoutInternal(data) {
    var out = {};
    Object.keys(data).forEach(function (k) { if (!INTERNAL.test(k)) out[k] = data[k]; });
    return out;
  }

  // ── formats ───────────────────────────────────────────────────────────────

  var frontMatter = {
    fromFile: function (content) {
      var match = FRONT_MATTER.exec(content);
      if (!match) return { body: content };
      var data = jsyaml.load(match[1] || "", YAML_LOAD) || {};
      data.body = content.slice(match[0].length).replace(/^\r?\n/, "");
      return data;
    },
    toFile: function (data, sortedKeys) {
      data = normalise(withoutInternal(data));
      // An English version nobody wrote (no title) is not written at all: English is optional.
      if (!data.title) return "";
      // The rich-text editor escapes brackets; citations ([src:6]) are the site's own syntax.
      var body = (data.body || "").replace(/\r\n?/g, "\n").replace(CITATION_ESCAPED, "[$1]").trim();
      delete data.body;
      var meta = ordered(prune(data, ["tags"]), sortedKeys);
      return "---\n" + dump(meta) + "---\n\n" + body + "\n";
    },
  };

  // Figures and milestone years may be the same in both languages: specs write them once.
  var SAME_IN_BOTH = { figures: "value", milestones: "year" };

  var yamlRecord = {
    fromFile: function (content) {
      var data = jsyaml.load(content, YAML_LOAD) || {};
      Object.keys(SAME_IN_BOTH).forEach(function (list) {
        (Array.isArray(data[list]) ? data[list] : []).forEach(function (item) {
          var key = SAME_IN_BOTH[list];
          if (isObject(item) && (typeof item[key] === "string" || typeof item[key] === "number")) {
            item[key] = { vi: String(item[key]), en: String(item[key]) };
          }
        });
      });
      return data;
    },
    toFile: function (data, sortedKeys) {
      data = prune(normalise(withoutInternal(data)));
      Object.keys(SAME_IN_BOTH).forEach(function (list) {
        (Array.isArray(data[list]) ? data[list] : []).forEach(function (item) {
          var value = item[SAME_IN_BOTH[list]];
          if (isObject(value) && value.vi === value.en && Object.keys(value).length === 2) {
            item[SAME_IN_BOTH[list]] = value.vi;
          }
        });
      });
      return dump(ordered(data, sortedKeys));
    },
  };

  var SOURCE_KEYS = ["outlet", "date", "url", "about", "note"];

  var sourcesTable = {
    fromFile: function (content) {
      var table = jsyaml.load(content, YAML_LOAD) || {};
      var sources = Object.keys(table).map(function (id) {
        return Object.assign({ id: Number(id) }, table[id]);
      }).sort(function (a, b) { return a.id - b.id; });
      return { __header: leadingComments(content), sources: sources };
    },
    toFile: function (data) {
      var seen = {};
      var parts = [];
      (data.sources || []).forEach(function (source) {
        var id = Number(source.id);
        if (!Number.isInteger(id) || id < 1) throw new Error("Nguồn “" + (source.outlet || "") + "” chưa có số thứ tự.");
        if (seen[id]) throw new Error("Hai nguồn cùng số " + id + ": mỗi nguồn một số riêng, không dùng lại số đã có.");
        seen[id] = true;
        var fields = prune(normalise(source));
        delete fields.id;
        var body = dump(ordered(fields, SOURCE_KEYS)).replace(/^(?=.)/gm, "  ");
        parts.push({ id: id, text: id + ":\n" + body });
      });
      parts.sort(function (a, b) { return a.id - b.id; });
      return withHeader(data, parts.map(function (p) { return p.text; }).join("\n"));
    },
  };

  /** The comment lines at the top of a file, kept through an edit. */
  function leadingComments(content) {
    var header = [];
    var lines = content.split("\n");
    for (var i = 0; i < lines.length && /^\s*(#.*)?$/.test(lines[i]); i++) header.push(lines[i]);
    return header.join("\n").replace(/\s+$/, "");
  }

  function withHeader(data, body) {
    return (data.__header ? data.__header.normalize("NFC") + "\n\n" : "") + body;
  }

  // A file whose top is a list (the campaign calendar), edited as the list `entries`.
  var topList = {
    fromFile: function (content) {
      var list = jsyaml.load(content, YAML_LOAD) || [];
      return { __header: leadingComments(content), entries: Array.isArray(list) ? list : [] };
    },
    toFile: function (data) {
      var items = (data.entries || []).map(function (item) { return dump([prune(normalise(item))]); });
      return withHeader(data, items.join("\n"));
    },
  };

  // ── dates the Vietnamese way ──────────────────────────────────────────────

  function isoFromVi(text) {
    var match = VI_DATE.exec(text || "");
    if (!match) return null;
    var day = Number(match[1]), month = Number(match[2]), year = Number(match[3]);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return year + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
  }

  function viFromIso(value) {
    var match = ISO_DATE.exec(value || "");
    return match ? Number(match[3]) + "/" + Number(match[2]) + "/" + match[1] : value || "";
  }

  function todayIso() {
    // The ward's date (UTC+07:00), whatever the computer's time zone.
    return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  }

  // ── checks before saving ──────────────────────────────────────────────────

  var IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)/g;

  function articleProblems(data, language) {
    var problems = [];
    var where = language === "en" ? " (bản tiếng Anh)" : "";
    if (data.cover && !(data.cover_alt || "").trim()) {
      problems.push("Ảnh bìa chưa có lời mô tả" + where + ": điền “Mô tả ảnh bìa”.");
    }
    var match;
    IMAGE.lastIndex = 0;
    while ((match = IMAGE.exec(data.body || ""))) {
      if (!match[1].trim()) problems.push("Ảnh " + match[2] + where + " chưa có lời mô tả: viết trong ngoặc vuông, ![Mô tả ảnh](" + match[2] + ").");
    }
    return problems;
  }

  function beforeSave(event) {
    var entry = event.entry;
    var data = entry.get("data");
    var collection = entry.get("collection");
    if (collection !== "tin-tuc") {
      return data;
    }
    var problems = articleProblems(data.toJS(), "vi");
    var english = entry.getIn(["i18n", "en", "data"]);
    if (english && english.get("title")) problems = problems.concat(articleProblems(english.toJS(), "en"));
    if (problems.length) throw new Error(problems.join(" "));
    // The article's folder is the year of its date (tin-tuc/<year>/): from the text, not a time zone.
    var year = (data.get("date") || todayIso()).slice(0, 4);
    return data.set("title", (data.get("title") || "").normalize("NFC")).set("__year", year);
  }

  // ── registration ──────────────────────────────────────────────────────────

  // Phrases Decap's Vietnamese locale lacks (the two-language editor's menus) or cuts short.
  var MISSING_PHRASES = {
    writingInLocale: "Đang viết bản %{locale}",
    copyFromLocale: "Chép từ bản tiếng khác",
    copyFromLocaleConfirm: "Chép nội dung từ bản %{locale}? Nội dung đang có ở bản này sẽ bị thay.",
  };

  function completeLocale(CMS) {
    var phrases = CMS.getLocale && CMS.getLocale("vi");
    if (!phrases || !phrases.editor || !phrases.editor.editorControlPane) return;
    var pane = phrases.editor.editorControlPane;
    pane.i18n = Object.assign({}, MISSING_PHRASES, pane.i18n || {});
    if (phrases.editor.editorToolbar) phrases.editor.editorToolbar.status = "Trạng thái: %{status}"; // "Trạng:" is cut short
    var widgets = phrases.editor.editorWidgets || {};
    widgets.list = Object.assign({ add: "Thêm %{item}", addType: "Thêm %{item}" }, widgets.list || {});
    phrases.editor.editorWidgets = widgets;
    CMS.registerLocale("vi", phrases);
  }

  function register(CMS, h, createClass) {
    completeLocale(CMS);
    CMS.registerCustomFormat("ward-frontmatter", "md", frontMatter);
    CMS.registerCustomFormat("ward-yaml", "yml", yamlRecord);
    CMS.registerCustomFormat("ward-sources", "yml", sourcesTable);
    CMS.registerCustomFormat("ward-list", "yml", topList);

    var DateControl = createClass({
      getInitialState: function () {
        return { text: viFromIso(this.props.value) };
      },
      componentDidMount: function () {
        var field = this.props.field;
        if (!this.props.value && field && field.get("default_today")) this.props.onChange(todayIso());
      },
      componentDidUpdate: function (previous) {
        // A value set from outside (today's date, a copy from the other language) shows up.
        if (previous.value !== this.props.value && isoFromVi(this.state.text) !== this.props.value &&
            ISO_DATE.test(this.props.value || "")) {
          this.setState({ text: viFromIso(this.props.value) });
        }
      },
      isValid: function () {
        var text = (this.state.text || "").trim();
        if (!text || isoFromVi(text)) return true;
        return { error: { message: "“" + text + "” không phải ngày. Viết ngày/tháng/năm, ví dụ 28/11/2026." } };
      },
      handleChange: function (event) {
        var text = event.target.value;
        this.setState({ text: text });
        this.props.onChange(isoFromVi(text) || text.trim());
      },
      render: function () {
        return h("input", {
          type: "text",
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: this.state.text,
          inputMode: "numeric",
          placeholder: "ngày/tháng/năm, ví dụ 28/11/2026",
          onChange: this.handleChange,
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
        });
      },
    });
    var DatePreview = function (props) { return h("span", null, viFromIso(props.value)); };
    CMS.registerWidget("vi-date", DateControl, DatePreview, {
      properties: { default_today: { type: "boolean" } },
    });

    CMS.registerEventListener({ name: "preSave", handler: beforeSave });

    // Previews in the site's own stylesheets (Material's and the ward's), listed by the build.
    document.querySelectorAll('meta[name="wardpub-preview-style"]').forEach(function (meta) {
      CMS.registerPreviewStyle(meta.content);
    });
    var Preview = createClass({
      render: function () {
        var entry = this.props.entry;
        var data = entry.get("data");
        var cover = data.get("cover");
        var coverUrl = cover ? String(this.props.getAsset(cover)) : null;
        var date = data.get("date");
        return h("div", { className: "md-main" },
          h("div", { className: "md-main__inner md-grid" },
            h("div", { className: "md-content" },
              h("article", { className: "md-content__inner md-typeset" },
                h("h1", null, data.get("title")),
                date ? h("p", { className: "ward-article-meta" }, viFromIso(date)) : null,
                coverUrl ? h("figure", null, h("img", { src: coverUrl, alt: data.get("cover_alt") || "" })) : null,
                data.get("description") ? h("p", null, h("em", null, data.get("description"))) : null,
                this.props.widgetFor("body")))));
      },
    });
    // The collections of Markdown pages (articles, and one per folder of content pages), listed by the build.
    document.querySelectorAll('meta[name="wardpub-preview-collection"]').forEach(function (meta) {
      CMS.registerPreviewTemplate(meta.content, Preview);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Markdown as written is the default editing mode: it keeps notes (!!!) and indentation as they are.
    if (!window.localStorage.getItem("cms.md-mode")) window.localStorage.setItem("cms.md-mode", "raw");
    register(window.CMS, window.h, window.createClass);
    window.CMS.init();
  });

  // For tests (node or the browser console): the pure parts.
  window.wardpubCms = { frontMatter: frontMatter, yamlRecord: yamlRecord, sourcesTable: sourcesTable, topList: topList,
                        isoFromVi: isoFromVi, viFromIso: viFromIso, articleProblems: articleProblems };
})();
