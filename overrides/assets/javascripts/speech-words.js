/* Text as a voice should read it: numbers, dates, percentages and document numbers
   in words of the page's language ("71-NQ/TW", "22/8/2025", "≥ 20%", "580.133 tỷ đồng").
   Voices read digits unevenly (a Vietnamese voice may read "580.133" as a decimal and
   "71-NQ/TW" letter by letter in English), so listen.js hands them words.

   wardSpeechWords.words(text, "vi" | "en") -> text. Works in the browser
   (window.wardSpeechWords) and in Node (module.exports), where the tests run it. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.wardSpeechWords = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ── Vietnamese ─────────────────────────────────────────────────────────── */

  var VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
  var VI_GROUPS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];
  // How letters are named when an abbreviation is spelled out.
  var VI_LETTERS = {
    A: "a", B: "bê", C: "xê", D: "dê", "Đ": "đê", E: "e", F: "ép", G: "giê", H: "hát", I: "i", J: "gi", K: "ca",
    L: "e lờ", M: "em mờ", N: "en nờ", O: "o", P: "pê", Q: "quy", R: "e rờ", S: "ét xì", T: "tê", U: "u", V: "vê",
    W: "vê kép", X: "ích xì", Y: "i dài", Z: "dét"
  };

  function viTriple(n, full) {
    // n in 0..999; full: a group after a larger one ("hai nghìn không trăm linh năm").
    var h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, u = n % 10, out = [];
    if (h > 0 || full) out.push(VI_DIGITS[h] + " trăm");
    if (t === 0) {
      if (u > 0 && (h > 0 || full)) out.push("linh");
    } else if (t === 1) {
      out.push("mười");
    } else {
      out.push(VI_DIGITS[t] + " mươi");
    }
    if (u > 0) {
      if (u === 1 && t > 1) out.push("mốt");
      else if (u === 5 && t > 0) out.push("lăm");
      else if (u === 4 && t > 1) out.push("tư");
      else out.push(VI_DIGITS[u]);
    }
    return out.join(" ");
  }

  function integerWords(digits, ones, groupNames, triple) {
    // An integer in groups of three digits, each read by triple(n, after a larger group) and named
    // (thousand, million…); zero groups are skipped; a number too long to name is read digit by digit.
    var n = digits.replace(/^0+(?=\d)/, "");
    if (/^0+$/.test(n)) return ones[0];
    var groups = [];
    while (n.length) { groups.unshift(parseInt(n.slice(-3), 10)); n = n.slice(0, -3); }
    if (groups.length > groupNames.length) return digits.split("").map(function (d) { return ones[+d]; }).join(" ");
    var out = [];
    groups.forEach(function (group, i) {
      if (group === 0) return;
      var name = groupNames[groups.length - 1 - i];
      out.push(triple(group, out.length > 0) + (name ? " " + name : ""));
    });
    return out.join(" ");
  }

  function viInteger(digits) { return integerWords(digits, VI_DIGITS, VI_GROUPS, viTriple); }

  function fraction(digits, integer, each) {
    // "05" -> digit by digit ("không năm"); "25" -> as a number.
    return digits.charAt(0) === "0" ? digits.split("").map(each).join(" ") : integer(digits);
  }

  function viNumber(written) {
    // Vietnamese writing: 580.133 and 1,2.
    var parts = written.replace(/\./g, "").split(",");
    var out = viInteger(parts[0]);
    if (parts[1]) out += " phẩy " + fraction(parts[1], viInteger, function (d) { return VI_DIGITS[+d]; });
    return out;
  }

  function viMonth(m) { return m === 4 ? "tư" : viInteger(String(m)); }

  /* ── English ────────────────────────────────────────────────────────────── */

  var EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
  var EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  var EN_GROUPS = ["", "thousand", "million", "billion", "trillion"];
  var EN_ORDINAL = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function enBelow100(n) {
    if (n < 20) return EN_SMALL[n];
    return EN_TENS[Math.floor(n / 10)] + (n % 10 ? "-" + EN_SMALL[n % 10] : "");
  }

  function enTriple(n) {
    var h = Math.floor(n / 100), rest = n % 100, out = [];
    if (h) out.push(EN_SMALL[h] + " hundred");
    if (rest) out.push(enBelow100(rest));
    return out.join(" ");
  }

  function enInteger(digits) { return integerWords(digits, EN_SMALL, EN_GROUPS, enTriple); }

  function enYear(year) {
    // 2025 -> "twenty twenty-five", 2000 -> "two thousand", 2005 -> "two thousand five".
    var high = Math.floor(year / 100), low = year % 100;
    if (low === 0 && high % 10 === 0) return enInteger(String(year));
    if (low < 10 && high % 10 === 0) return enInteger(String(year));
    return enBelow100(high) + " " + (low === 0 ? "hundred" : low < 10 ? "oh " + EN_SMALL[low] : enBelow100(low));
  }

  function enNumber(written) {
    // English writing: 580,133 and 0.8; a year stands alone (1100-2099, no separator).
    if (/^\d{4}$/.test(written) && +written >= 1100 && +written < 2100) return enYear(+written);
    var parts = written.replace(/,/g, "").split(".");
    var out = enInteger(parts[0]);
    if (parts[1]) out += " point " + parts[1].split("").map(function (d) { return EN_SMALL[+d]; }).join(" ");
    return out;
  }

  function enOrdinal(n) {
    var words = enBelow100(n);
    var last = words.split("-").pop();
    var ordinal = EN_ORDINAL[last] || (/y$/.test(last) ? last.slice(0, -1) + "ieth" : last + "th");
    return words.slice(0, words.length - last.length) + ordinal;
  }

  function enDate(day, month, year) {
    return "the " + enOrdinal(day) + " of " + MONTHS[month - 1] + (year ? ", " + enYear(year) : "");
  }

  /* ── Both ───────────────────────────────────────────────────────────────── */

  var LANGUAGES = {
    vi: {
      number: viNumber,
      numberPattern: "\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?",
      integer: viInteger,
      letters: function (group) {
        return group.split("").map(function (c) {
          return VI_LETTERS[c.toUpperCase()] || c;
        }).join(" ");
      },
      date: function (d, m, y, before) {
        return (/ngày\s*$/i.test(before) ? "" : "ngày ") + viInteger(String(d)) + " tháng " + viMonth(m) + " năm " + viInteger(String(y));
      },
      month: function (m, y, before) {
        return (/tháng\s*$/i.test(before) ? "" : "tháng ") + viMonth(m) + " năm " + viInteger(String(y));
      },
      percent: "phần trăm",
      comparators: { "≥": "ít nhất", "≤": "không quá", ">": "trên", "<": "dưới" },
      to: "đến"
    },
    en: {
      number: enNumber,
      numberPattern: "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?",
      integer: enInteger,
      letters: function (group) { return group.replace(/Đ/g, "D").split("").join(" "); },
      date: function (d, m, y) { return enDate(d, m, y); },
      month: function (m, y) { return MONTHS[m - 1] + " " + enYear(y); },
      percent: "percent",
      comparators: { "≥": "at least", "≤": "at most", ">": "more than", "<": "less than" },
      to: "to"
    }
  };

  function documentNumber(written, language) {
    // "71-NQ/TW", "281/NQ-CP", "248/2025/QH15", "3588/QĐ-BGDĐT": numbers in words, letters by name, a pause at each mark.
    return written.split(/[-/]/).map(function (part) {
      return part.replace(/\d+|[^\d]+/g, function (piece) {
        return /^\d+$/.test(piece) ? " " + language.integer(piece) + " " : " " + language.letters(piece) + " ";
      }).trim();
    }).join(", ");
  }

  function words(text, code) {
    var language = LANGUAGES[code] || LANGUAGES[String(code).slice(0, 2)] || LANGUAGES.vi;
    var number = "(" + language.numberPattern + ")";
    var out = String(text);
    // Document numbers: digits, then groups of capitals after "-" or "/" (the last may carry digits or small letters).
    out = out.replace(/\b\d+(?:\/\d+)*(?:[-/][A-ZĐ][A-Za-zĐđ]*\d*)+/g, function (m) { return documentNumber(m, language); });
    // Days: 22/8/2025, and in English 22 August 2025.
    out = out.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, function (m, d, mo, y, offset, whole) {
      return +mo >= 1 && +mo <= 12 ? language.date(+d, +mo, +y, whole.slice(0, offset)) : m;
    });
    if (code === "en" || String(code).slice(0, 2) === "en") {
      out = out.replace(new RegExp("\\b(\\d{1,2}) (" + MONTHS.join("|") + ")(?: (\\d{4}))?\\b", "g"), function (m, d, month, y) {
        return enDate(+d, MONTHS.indexOf(month) + 1, y ? +y : 0);
      });
    }
    // Months: 3/2026.
    out = out.replace(/\b(\d{1,2})\/(\d{4})\b/g, function (m, mo, y, offset, whole) {
      return +mo >= 1 && +mo <= 12 ? language.month(+mo, +y, whole.slice(0, offset)) : m;
    });
    // Ranges: 2026–2027.
    out = out.replace(new RegExp(number + "\\s*[–—]\\s*" + number, "g"), function (m, a, b) {
      return a + " " + language.to + " " + b;
    });
    // Comparisons and percentages: ≥ 20%, < 10%, > 0,8.
    out = out.replace(new RegExp("([≥≤<>])\\s*" + number + "(\\s*%)?", "g"), function (m, sign, value, percent) {
      return language.comparators[sign] + " " + language.number(value) + (percent ? " " + language.percent : "");
    });
    out = out.replace(new RegExp(number + "\\s*%", "g"), function (m, value) { return language.number(value) + " " + language.percent; });
    // Every other number.
    out = out.replace(new RegExp(number, "g"), function (m) { return language.number(m); });
    return out.replace(/[ \t]{2,}/g, " ");
  }

  return { words: words };
});
