/* Sortable tables (the results dashboard, scripts/wardpub/dashboard.py).
 *
 * Progressive enhancement: the page's table is complete without this script,
 * already in the order the build wrote it, with aria-sort saying which. Here
 * each column heading of a table[data-sortable] becomes a button; pressing
 * it (mouse, Enter or Space) sorts by that column, sets aria-sort on that
 * heading only and announces the new order in a status line.
 *
 * A cell's value is its data-sort attribute when present (numbers, ISO
 * months), else its text. The heading's data-type says how to compare:
 * "number", "key" (plain string order) or "text" (the page's language rules,
 * so "Đ" sorts after "D" in Vietnamese). Numbers start largest first, text
 * A to Z; pressing again reverses. Interface words come from data-* on the
 * table, written by the build in the page's language.
 */
(function () {
  "use strict";

  function valueOf(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function comparer(type, collator) {
    if (type === "number") {
      return function (a, b) {
        var x = parseFloat(a), y = parseFloat(b);
        return (isNaN(x) ? -Infinity : x) - (isNaN(y) ? -Infinity : y) || 0;
      };
    }
    if (type === "key") {
      return function (a, b) { return a < b ? -1 : a > b ? 1 : 0; };
    }
    return collator.compare;
  }

  function sortBy(table, headings, index, direction, collator) {
    var body = table.tBodies[0];
    var compare = comparer(headings[index].getAttribute("data-type") || "text", collator);
    var sign = direction === "ascending" ? 1 : -1;
    var rows = Array.prototype.map.call(body.rows, function (row, position) {
      return { row: row, value: valueOf(row, index), position: position };
    });
    rows.sort(function (a, b) {
      return sign * compare(a.value, b.value) || a.position - b.position;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(headings, function (heading, other) {
      if (other === index) heading.setAttribute("aria-sort", direction);
      else heading.removeAttribute("aria-sort");
    });
  }

  function enhance(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || !table.tBodies[0]) return;
    var headings = head.cells;
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    var container = table.closest(".ward-table-scroll") || table;

    var hint = document.createElement("p");
    hint.className = "ward-sort-hint";
    hint.textContent = table.getAttribute("data-sort-hint") || "";
    container.parentNode.insertBefore(hint, container);

    var status = document.createElement("p");
    status.className = "ward-sort-status";
    status.setAttribute("role", "status");
    container.parentNode.insertBefore(status, container.nextSibling);

    Array.prototype.forEach.call(headings, function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ward-sort";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      var icon = document.createElement("span");
      icon.className = "ward-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      heading.appendChild(button);

      button.addEventListener("click", function () {
        var current = heading.getAttribute("aria-sort");
        var numeric = (heading.getAttribute("data-type") || "text") !== "text";
        var direction = current === "descending" ? "ascending"
          : current === "ascending" ? "descending"
          : numeric ? "descending" : "ascending";
        sortBy(table, headings, index, direction, collator);
        status.textContent = button.textContent.trim() + ": " + (table.getAttribute("data-sorted-" + direction) || direction);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
})();
