/* Query tool of a dataset page: loads the release's CSV only when asked, filters it by the page's facet
   columns, counts groups and downloads the matching rows as CSV (the release's quoting, CRLF). The query
   lives in the URL hash (#agency=...&year=...&group=...), so a link reproduces it. No network beyond the
   page's own CSV file. */
(function () {
  "use strict";
  var box = document.getElementById("query-tool");
  if (!box) return;
  var THRESHOLD = 11;
  var data = null;

  function parseCSV(text) {
    var rows = [], row = [], field = "", i = 0, q = false, c;
    while (i < text.length) {
      c = text[i];
      if (q) {
        if (c === '"') { if (text[i + 1] === '"') { field += '"'; i += 2; continue; } q = false; i++; continue; }
        field += c; i++; continue;
      }
      if (c === '"') { q = true; i++; continue; }
      if (c === ",") { row.push(field); field = ""; i++; continue; }
      if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
      if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; continue; }
      field += c; i++;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }
  function quote(s) { return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function toCSV(header, rows) {
    return [header].concat(rows).map(function (r) { return r.map(quote).join(","); }).join("\r\n") + "\r\n";
  }
  function shown(n) { return n > 0 && n < THRESHOLD ? "<" + THRESHOLD : n.toLocaleString("en-US"); }
  function readHash() {
    var out = {};
    new URLSearchParams(location.hash.replace(/^#/, "")).forEach(function (v, k) { out[k] = v; });
    return out;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function valueOf(row, col) {
    if (col === "year" && data.temporal >= 0) return row[data.temporal].slice(0, 4);
    return row[data.index[col]];
  }

  function build() {
    var cols = box.getAttribute("data-columns").split(",").filter(function (c) {
      return c && (c === "year" ? data.temporal >= 0 : c in data.index);
    });
    var form = el("form", { id: "query-form" });
    var q = readHash();
    cols.forEach(function (c) {
      var wrap = el("div"), id = "q-" + c, sel = el("select", { id: id, name: c });
      wrap.appendChild(el("label", { "for": id }, c === "year" ? "Year" : c.replace(/_/g, " ")));
      sel.appendChild(el("option", { value: "" }, "any"));
      var seen = {};
      data.rows.forEach(function (r) { seen[valueOf(r, c)] = 1; });
      Object.keys(seen).sort().forEach(function (v) { sel.appendChild(el("option", { value: v }, v === "" ? "(empty)" : v)); });
      if (q[c] !== undefined) sel.value = q[c];
      wrap.appendChild(sel); form.appendChild(wrap);
    });
    var gw = el("div"), gs = el("select", { id: "q-group", name: "group" });
    gw.appendChild(el("label", { "for": "q-group" }, "Count by"));
    gs.appendChild(el("option", { value: "" }, "nothing"));
    data.header.forEach(function (h) { gs.appendChild(el("option", { value: h }, h)); });
    if (q.group) gs.value = q.group;
    gw.appendChild(gs); form.appendChild(gw);
    var bw = el("div"), dl = el("button", { type: "button", id: "query-download", "class": "button" }, "Download these rows (CSV)");
    bw.appendChild(dl); form.appendChild(bw);
    box.appendChild(form);
    var status = el("p", { "aria-live": "polite", id: "query-status" });
    box.appendChild(status);
    var out = el("div", { id: "query-groups", "class": "scroll", tabindex: "0", role: "region", "aria-label": "Counts (scrollable)" });
    box.appendChild(out);
    function current() {
      var filt = {};
      cols.forEach(function (c) { var v = document.getElementById("q-" + c).value; if (v !== "") filt[c] = v; });
      return filt;
    }
    function matching(filt) {
      return data.rows.filter(function (r) {
        return Object.keys(filt).every(function (c) { return valueOf(r, c) === filt[c]; });
      });
    }
    function run() {
      var filt = current(), rows = matching(filt), group = gs.value;
      var params = new URLSearchParams(filt);
      if (group) params.set("group", group);
      history.replaceState(null, "", "#" + params.toString());
      status.textContent = shown(rows.length) + " of " + data.rows.length.toLocaleString("en-US") + " rows match.";
      out.textContent = "";
      if (group && group in data.index) {
        var counts = {};
        rows.forEach(function (r) { var v = r[data.index[group]]; counts[v] = (counts[v] || 0) + 1; });
        var t = el("table", { "class": "summary" }), head = el("tr");
        t.appendChild(el("caption", {}, "Rows by " + group));
        head.appendChild(el("th", { scope: "col" }, group)); head.appendChild(el("th", { scope: "col", "class": "num" }, "Rows"));
        var th = el("thead"); th.appendChild(head); t.appendChild(th);
        var tb = el("tbody");
        Object.keys(counts).sort().forEach(function (k) {
          var tr = el("tr"); tr.appendChild(el("th", { scope: "row" }, k === "" ? "(empty)" : k));
          tr.appendChild(el("td", { "class": "num" }, shown(counts[k]))); tb.appendChild(tr);
        });
        t.appendChild(tb); out.appendChild(t);
      }
      return rows;
    }
    form.addEventListener("change", run);
    dl.addEventListener("click", function () {
      var blob = new Blob([toCSV(data.header, run())], { type: "text/csv" });
      var a = el("a", { href: URL.createObjectURL(blob), download: box.getAttribute("data-name") + "-subset.csv" });
      document.body.appendChild(a); a.click(); a.remove();
    });
    run();
  }

  function load() {
    var btn = document.getElementById("query-start");
    if (btn) btn.disabled = true;
    fetch(box.getAttribute("data-csv")).then(function (r) { return r.text(); }).then(function (text) {
      var rows = parseCSV(text), header = rows.shift(), index = {};
      header.forEach(function (h, i) { index[h] = i; });
      var t = box.getAttribute("data-temporal");
      data = { header: header, rows: rows, index: index, temporal: t in index ? index[t] : -1 };
      if (btn) btn.parentNode.hidden = true;
      build();
    });
  }
  var start = box.querySelector(".js-only");
  if (start) start.hidden = false;
  document.getElementById("query-start").addEventListener("click", load);
  if (location.hash.length > 1 && location.hash.indexOf("=") > 0) load();
})();
