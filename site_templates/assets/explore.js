/* Query tool of a dataset page. Nothing loads until the reader asks (or opens a shared link with a query).
   With the vendored engine (assets/duckdb/, from `make site-vendor`) it runs SQL with DuckDB-WASM over the
   release's Parquet file; without it, it filters the release's CSV in plain JavaScript. Either way it filters
   by the page's facet columns, counts groups and downloads the matching rows as CSV written like the
   release's CSV (minimal quoting, CRLF, formula-like text prefixed with '). The query lives in the URL hash
   (#agency=...&year=...&group=...), so a link reproduces it. No request leaves the site. */
(function () {
  "use strict";
  var box = document.getElementById("query-tool");
  if (!box) return;
  var THRESHOLD = 11;

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

  /* ---- engine 1: the CSV, in memory ---- */
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
  function csvEngine() {
    return fetch(box.getAttribute("data-csv")).then(function (r) { return r.text(); }).then(function (text) {
      var rows = parseCSV(text), header = rows.shift(), index = {};
      header.forEach(function (h, i) { index[h] = i; });
      var t = box.getAttribute("data-temporal"), ti = t in index ? index[t] : -1;
      function val(r, c) { return c === "year" ? (ti >= 0 ? r[ti].slice(0, 4) : "") : r[index[c]]; }
      function match(f) {
        return rows.filter(function (r) { return Object.keys(f).every(function (c) { return val(r, c) === f[c]; }); });
      }
      return {
        name: "CSV filter", header: header, hasYear: ti >= 0,
        distinct: function (c) {
          var seen = {}; rows.forEach(function (r) { seen[val(r, c)] = 1; });
          return Promise.resolve(Object.keys(seen).sort());
        },
        total: function () { return Promise.resolve(rows.length); },
        count: function (f) { return Promise.resolve(match(f).length); },
        group: function (f, g) {
          var counts = {}; match(f).forEach(function (r) { var v = r[index[g]]; counts[v] = (counts[v] || 0) + 1; });
          return Promise.resolve(Object.keys(counts).sort().map(function (k) { return [k, counts[k]]; }));
        },
        rows: function (f) { return Promise.resolve(match(f)); }
      };
    });
  }

  /* ---- engine 2: DuckDB-WASM over the Parquet file ---- */
  function ident(c) { return '"' + c.replace(/"/g, '""') + '"'; }
  function sqlText(v) { return "'" + String(v).replace(/'/g, "''") + "'"; }
  function cell(v, isText) {
    if (v === null || v === undefined) return "";
    var s = typeof v === "boolean" ? (v ? "true" : "false") : String(v);
    return isText && /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  }
  function arrowTable(m, objects, header) {
    var cols = {};
    header.forEach(function (h) {
      var vals = objects.map(function (o) { return o[h] === undefined ? null : o[h]; });
      var kind = vals.reduce(function (k, v) { return k || (v === null ? null : typeof v); }, null) || "string";
      if (kind === "bigint") vals = vals.map(function (v) { return v === null ? null : Number(v); });
      var type = kind === "boolean" ? new m.Bool() : (kind === "number" || kind === "bigint") ? new m.Float64() : new m.Utf8();
      if (kind !== "boolean" && kind !== "number" && kind !== "bigint") vals = vals.map(function (v) { return v === null ? null : String(v); });
      cols[h] = m.vectorFromArray(vals, type);
    });
    return new m.Table(cols);
  }
  function duckEngine(base) {
    var root = new URL(base, location.href);
    var t = box.getAttribute("data-temporal");
    var m, db, conn, header, text;
    return import(new URL("duckdb.mjs", root).href).then(function (mod) {
      m = mod;
      db = new m.AsyncDuckDB(new m.VoidLogger(), new Worker(new URL("duckdb-browser-eh.worker.js", root).href));
      return Promise.all([db.instantiate(new URL("duckdb-eh.wasm", root).href),
                          fetch(box.getAttribute("data-parquet")).then(function (r) { return r.arrayBuffer(); })]);
    }).then(function (r) {
      var buf = r[1], meta = m.parquetMetadata(buf);
      header = m.parquetSchema(meta).children.map(function (c) { return c.element.name; });
      text = m.parquetSchema(meta).children.map(function (c) {
        return c.element.type === "BYTE_ARRAY" && (c.element.converted_type === "UTF8" || (c.element.logical_type || {}).type === "STRING");
      });
      return m.parquetReadObjects({ file: buf, compressors: m.compressors }).then(function (objects) {
        return db.connect().then(function (c) {
          conn = c;
          return conn.insertArrowTable(arrowTable(m, objects, header), { name: "release" });
        });
      });
    }).then(function () {
      var src = "release";
      function q(sql) { return conn.query(sql); }
      function expr(c) { return c === "year" ? "substr(CAST(" + ident(t) + " AS VARCHAR), 1, 4)" : "CAST(" + ident(c) + " AS VARCHAR)"; }
      function where(f) {
        var parts = Object.keys(f).map(function (c) { return "coalesce(" + expr(c) + ", '') = " + sqlText(f[c]); });
        return parts.length ? " WHERE " + parts.join(" AND ") : "";
      }
      var ok = {}; header.forEach(function (h) { ok[h] = 1; });
      return {
        name: "DuckDB-WASM over the Parquet file", header: header, hasYear: t in ok,
        distinct: function (c) {
          return q("SELECT DISTINCT coalesce(" + expr(c) + ", '') AS v FROM " + src + " ORDER BY 1").then(function (res) {
            return res.toArray().map(function (r) { return String(r.v); });
          });
        },
        total: function () {
          return q("SELECT count(*) AS n FROM " + src).then(function (res) { return Number(res.toArray()[0].n); });
        },
        count: function (f) {
          return q("SELECT count(*) AS n FROM " + src + where(f)).then(function (res) { return Number(res.toArray()[0].n); });
        },
        group: function (f, g) {
          if (!(g in ok)) return Promise.resolve([]);
          return q("SELECT coalesce(" + expr(g) + ", '') AS k, count(*) AS n FROM " + src + where(f) +
                   " GROUP BY 1 ORDER BY 1").then(function (res) {
            return res.toArray().map(function (r) { return [String(r.k), Number(r.n)]; });
          });
        },
        rows: function (f) {
          return q("SELECT " + header.map(ident).join(", ") + " FROM " + src + where(f) + " ORDER BY rowid").then(function (res) {
            var cols = header.map(function (h, j) { return res.getChildAt(j); });
            var out = [];
            for (var i = 0; i < res.numRows; i++) {
              out.push(cols.map(function (col, j) { return cell(col.get(i), text[j]); }));
            }
            return out;
          });
        }
      };
    });
  }

  /* ---- the form ---- */
  function build(engine) {
    var cols = box.getAttribute("data-columns").split(",").filter(function (c) {
      return c && (c === "year" ? engine.hasYear : engine.header.indexOf(c) >= 0);
    });
    var form = el("form", { id: "query-form", "data-engine": engine.name });
    var labels = {};
    try { labels = JSON.parse(box.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
    function label(c) { return labels[c] || c; }
    var q = readHash();
    var gw = el("div"), gs = el("select", { id: "q-group", name: "group" });
    gw.appendChild(el("label", { "for": "q-group" }, "Count by"));
    gs.appendChild(el("option", { value: "" }, "nothing"));
    engine.header.forEach(function (h) { gs.appendChild(el("option", { value: h }, label(h))); });
    if (q.group) gs.value = q.group;
    gw.appendChild(gs);
    var bw = el("div"), dl = el("button", { type: "button", id: "query-download", "class": "button" }, "Download these rows (CSV)");
    bw.appendChild(dl);
    var status = el("p", { "aria-live": "polite", id: "query-status" });
    var out = el("div", { id: "query-groups", "class": "scroll", tabindex: "0", role: "region", "aria-label": "Counts (scrollable)" });
    box.appendChild(el("p", { "class": "muted" }, "Query engine: " + engine.name + "."));
    return Promise.all(cols.map(function (c) { return engine.distinct(c); })).then(function (lists) {
      cols.forEach(function (c, i) {
        var wrap = el("div"), id = "q-" + c, sel = el("select", { id: id, name: c });
        wrap.appendChild(el("label", { "for": id }, label(c)));
        sel.appendChild(el("option", { value: "" }, "any"));
        lists[i].forEach(function (v) { sel.appendChild(el("option", { value: v }, v === "" ? "(empty)" : v)); });
        if (q[c] !== undefined) sel.value = q[c];
        wrap.appendChild(sel); form.appendChild(wrap);
      });
      form.appendChild(gw); form.appendChild(bw);
      box.appendChild(form); box.appendChild(status); box.appendChild(out);
      return engine.total();
    }).then(function (total) {
      function current() {
        var f = {};
        cols.forEach(function (c) { var v = document.getElementById("q-" + c).value; if (v !== "") f[c] = v; });
        return f;
      }
      var busy = Promise.resolve();
      function run() {
        var f = current(), group = gs.value, params = new URLSearchParams(f);
        if (group) params.set("group", group);
        history.replaceState(null, "", "#" + params.toString());
        busy = Promise.all([engine.count(f), group ? engine.group(f, group) : Promise.resolve(null)]).then(function (r) {
          status.textContent = shown(r[0]) + " of " + total.toLocaleString("en-US") + " rows match.";
          out.textContent = "";
          if (r[1]) {
            var t = el("table", { "class": "summary" }), head = el("tr"), th = el("thead"), tb = el("tbody");
            t.appendChild(el("caption", {}, "Rows by " + label(group).toLowerCase()));
            head.appendChild(el("th", { scope: "col" }, label(group)));
            head.appendChild(el("th", { scope: "col", "class": "num" }, "Rows"));
            th.appendChild(head); t.appendChild(th);
            r[1].forEach(function (kv) {
              var tr = el("tr"); tr.appendChild(el("th", { scope: "row" }, kv[0] === "" ? "(empty)" : kv[0]));
              tr.appendChild(el("td", { "class": "num" }, shown(kv[1]))); tb.appendChild(tr);
            });
            t.appendChild(tb); out.appendChild(t);
          }
          box.setAttribute("data-ready", "1");
        });
        return busy;
      }
      form.addEventListener("change", function () { box.removeAttribute("data-ready"); run(); });
      dl.addEventListener("click", function () {
        engine.rows(current()).then(function (rows) {
          var blob = new Blob([toCSV(engine.header, rows)], { type: "text/csv" });
          var a = el("a", { href: URL.createObjectURL(blob), download: box.getAttribute("data-name") + "-subset.csv" });
          document.body.appendChild(a); a.click(); a.remove();
        });
      });
      return run();
    });
  }

  function load() {
    var btn = document.getElementById("query-start");
    if (btn) { btn.disabled = true; btn.textContent = "Loading…"; }
    var base = box.getAttribute("data-engine");
    var pick = base ? duckEngine(base).catch(function (e) {
      box.setAttribute("data-engine-error", String(e && e.message || e));
      return csvEngine();
    }) : csvEngine();
    pick.then(function (engine) {
      if (btn) btn.parentNode.hidden = true;
      return build(engine);
    });
  }
  var start = box.querySelector(".js-only");
  if (start) start.hidden = false;
  document.getElementById("query-start").addEventListener("click", load);
  if (location.hash.length > 1 && location.hash.indexOf("=") > 0) load();
})();
