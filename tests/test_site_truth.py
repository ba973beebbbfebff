"""The site tells the truth about each release: every level and count the dictionary states is checked
against the released CSV (read with pandas as strings), no hidden cell of a published table can be worked out
from the totals shown beside it, and the release metadata fixes (missing values, no phantom schema change,
no empty heading, retracted hashes kept)."""

from __future__ import annotations

import csv as _csv
import hashlib
import io
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from pipelines import site
from pipelines.publishing import LocalPublisher
from pipelines.site.deployment import DeploymentError, load_deployment
from pipelines.site.tables import nice_ticks
from pipelines.specs import load_specs
from tests.sitefixtures import NOW, build_public_store, publish_table, synthetic_table

SITE_URL = "https://data.example.org/osd/"
LEVELS = [("day", r"\d{4}-\d{2}-\d{2}"), ("ISO week", r"\d{4}-W\d{2}"), ("month", r"\d{4}-\d{2}"),
          ("quarter", r"\d{4}-Q[1-4]"), ("year", r"\d{4}")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("public")
    info = build_public_store(root)
    spec = next(s for s in info.specs if s.name == "incidents")
    # a third incidents release coarsened to years with one column withheld in every row, as disclosure control does
    t = synthetic_table(spec, 300)
    years = [None if v is None else v[:4] for v in t.column(spec.temporal_field).to_pylist()]
    t = t.set_column(t.schema.get_field_index(spec.temporal_field), spec.temporal_field, pa.array(years, pa.string()))
    t = t.set_column(t.schema.get_field_index("location"), "location", pa.array(["*"] * t.num_rows, pa.string()))
    r = publish_table(info.publisher, spec, t, note="Coarsened.", now=NOW)
    info.latest["incidents"] = r.version
    site.build_site(info.publisher, info.specs, site_url=SITE_URL, now=NOW)
    return root, info


class _Collect(HTMLParser):
    """Dictionary rows (data-column and their data-* items) and summary tables (data-table cells)."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: dict[str, dict] = {}
        self.tables: dict[str, list[list[str]]] = {}
        self._col: str | None = None
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "tr" and "data-column" in a:
            self._col = a["data-column"]
            self.columns[self._col] = {"attrs": a, "levels": [], "values": [], "range": None}
        elif tag == "li" and self._col and "data-level" in a:
            self.columns[self._col]["levels"].append((a["data-level"], a["data-count"]))
        elif tag == "li" and self._col and "data-value" in a:
            self.columns[self._col]["values"].append((a["data-value"], a["data-count"]))
        elif tag == "span" and self._col and "data-low" in a:
            self.columns[self._col]["range"] = (a["data-low"], a["data-high"])
        elif tag == "table" and "data-table" in a:
            self._table = a["data-table"]
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._col:
            self._col = None
        elif tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._table and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _page(root: Path, key: str) -> _Collect:
    p = _Collect()
    p.feed((root / key).read_text(encoding="utf-8"))
    return p


def _check(shown: str, true: int, what: str) -> None:
    if shown.replace(",", "").isdigit():
        assert int(shown.replace(",", "")) == true, what
    elif shown.startswith("<"):
        assert 0 < true < int(shown[1:]), what
    else:
        assert shown == "*" and true > 0, what


def _level(v: str) -> str:
    return next(name for name, pat in LEVELS if re.fullmatch(pat, v))


def test_dictionary_states_what_the_released_csv_holds(built) -> None:
    root, info = built
    checked = 0
    for spec in info.specs:
        version = info.latest[spec.name]
        df = pd.read_csv(root / f"datasets/{spec.name}/v{version}/{spec.name}.csv", dtype=str, keep_default_na=False)
        df = df.apply(lambda c: c.str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True))  # the CSV-injection prefix
        page = _page(root, f"datasets/{spec.name}/index.html")
        assert set(page.columns) == set(df.columns), spec.name
        for col, d in page.columns.items():
            values = df[col]
            assert int(d["attrs"]["data-rows"]) == len(df), col
            _check(d["attrs"]["data-withheld"], int((values == "*").sum()), f"{spec.name}.{col} withheld")
            _check(d["attrs"]["data-empty"], int((values == "").sum()), f"{spec.name}.{col} empty")
            present = values[(values != "*") & (values != "")]
            counts = Counter(present)
            if col == spec.temporal_field:
                levels = Counter(_level(v) for v in present)
                assert {name for name, _ in d["levels"]} == set(levels), col
                for name, shown in d["levels"]:
                    _check(shown, levels[name], f"{spec.name}.{col} level {name}")
                    checked += 1
                assert d["range"] == (min(present), max(present))
            for value, shown in d["values"]:
                key = {"yes": "true", "no": "false"}.get(value, value) if set(counts) <= {"true", "false"} else value
                _check(shown, counts[key], f"{spec.name}.{col} value")
                checked += 1
            if d["values"]:
                listed = {{"yes": "true", "no": "false"}.get(v, v) if set(counts) <= {"true", "false"} else v
                          for v, s in d["values"]}
                assert listed == {k for k, n in counts.items() if n}, col
    assert checked > 100


def test_dictionary_says_what_a_coarsened_release_cannot_do(built) -> None:
    root, info = built
    html = (root / "datasets/incidents/index.html").read_text(encoding="utf-8")
    row = html[html.index('data-column="location"'):]
    row = row[: row.index("</tr>")]
    assert "Withheld (<code>*</code>) in 300 of 300 rows (100%)" in row
    assert "withheld in 100% of rows: this release cannot be used to study patterns by place" in row
    row = html[html.index('data-column="reported_date"'):]
    row = row[: row.index("</tr>")]
    assert 'data-level="year"' in row and "cannot be used to study patterns by day or month" in row


def _recoverable(grid: list[list[str]]) -> list[tuple[int, int]]:
    """Hidden cells a reader can compute exactly: repeatedly solve any row or column (with its Total) that has a
    single unknown. ``grid`` includes the Total column and row as printed."""
    vals: list[list[int | None]] = [[int(c.replace(",", "")) if c.replace(",", "").isdigit() else None for c in r]
                                    for r in grid]
    hidden = {(i, j) for i, r in enumerate(vals) for j, v in enumerate(r) if v is None and grid[i][j] != ""}
    nr, nc = len(vals), len(vals[0])
    lines = [[(i, j) for j in range(nc)] for i in range(nr)] + [[(i, j) for i in range(nr)] for j in range(nc)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if len(line) < 2:
                continue  # a line of one cell has no separate total
            *cells, total = line
            unknown = [p for p in line if vals[p[0]][p[1]] is None and grid[p[0]][p[1]] != ""]
            if len(unknown) == 1:
                i, j = unknown[0]
                known = sum(vals[a][b] or 0 for a, b in cells if (a, b) != (i, j))
                vals[i][j] = (vals[total[0]][total[1]] or 0) - known if (i, j) != total else known
                changed = True
    return sorted(p for p in hidden if vals[p[0]][p[1]] is not None)


def test_no_hidden_cell_can_be_recovered_from_published_totals(built) -> None:
    root, info = built
    seen_hidden = 0
    for key in ["index.html"] + [f"datasets/{s.name}/index.html" for s in info.specs]:
        page = _page(root, key)
        for name, rows in page.tables.items():
            header, body = rows[0], rows[1:]
            if header[-1] != "Total" and not (body and body[-1][0] == "Total"):
                continue  # a rate table: no totals
            grid = [r[1:] for r in body]
            if header[-1] != "Total":  # one count column: its Total row is the line's total
                grid = [[r[0]] for r in grid]
            if body[-1][0] != "Total":
                continue
            seen_hidden += sum(1 for r in grid for c in r if not c.replace(",", "").isdigit())
            assert _recoverable(grid) == [], f"{key} {name}"
        # one-way lists: the dictionary's values and the facets, against the published row count
        for col, d in page.columns.items():
            missing = [d["attrs"].get("data-withheld", "0"), d["attrs"].get("data-empty", "0")]
            for line in ([s for _, s in d["values"]], [s for _, s in d["levels"]], []):
                if not line and (d["values"] or d["levels"]):
                    continue
                hidden = [s for s in line + missing if not s.replace(",", "").isdigit()]
                assert len(hidden) != 1, f"{key} {col}: one hidden count beside the total"
    assert seen_hidden > 0  # the fixture does hide cells


def test_recoverability_check_catches_a_lone_hidden_cell() -> None:
    """Guard: the checker above finds the classic leak ("<11" beside exact row and column totals)."""
    grid = [["<11", "40", "47"], ["30", "20", "50"], ["37", "60", "97"]]
    assert _recoverable(grid) == [(0, 0)]
    safe = [["<11", "*", "47"], ["*", "<11", "50"], ["37", "60", "97"]]
    assert _recoverable(safe) == []


def test_home_names_only_agencies_in_the_release(built) -> None:
    root, info = built
    html = (root / "index.html").read_text(encoding="utf-8")
    for spec in info.specs:
        assert any(s.agency != "Rivertown Police Department" for s in spec.sources)  # the specs name others
    names = re.findall(r"<dd data-agencies>([^<]*)</dd>", html)
    assert names and all(n == "Rivertown Police Department" for n in names)
    assert "Records by agency and year" in html
    # per-agency notes from the source mappings: Rivertown's stop export codes race as letters
    assert "Subject race (perceived): agency codes mapped as W → White, B → Black" in html


def test_release_metadata(built) -> None:
    root, info = built
    for spec in info.specs:
        base = root / f"datasets/{spec.name}"
        dp = json.loads((base / f"v{info.latest[spec.name]}/datapackage.json").read_text())
        assert all(r["schema"]["missingValues"] == ["", "*"] for r in dp["resources"])
        assert "## Fields" not in (base / "v1.0.0/CHANGES.md").read_text()
        changes = json.loads((base / "v1.1.0/changes.json").read_text())
        assert not [c for c in changes.get("schema_changes") or [] if c.get("change") == "schema-property-changed"]
        assert changes["bump"] == "minor"
    version = info.retracted["stops"]
    tomb = json.loads((root / f"datasets/stops/v{version}/TOMBSTONE.json").read_text())
    page = (root / f"datasets/stops/versions/{version}.html").read_text()
    assert len(tomb["files"]) >= 7
    for name, sha in tomb["files"].items():
        assert re.fullmatch(r"[0-9a-f]{64}", sha) and sha in page, name
    assert "Replaced by" not in page and "newest version still published" in page


def test_round_ticks_and_no_localhost(built) -> None:
    assert nice_ticks(1977) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(988) == [0, 250, 500, 750, 1000]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    root, _info = built
    for p in root.rglob("*"):
        if p.suffix in (".html", ".json", ".xml", ".atom", ".txt"):
            assert "localhost" not in p.read_text(encoding="utf-8"), p.relative_to(root)
    ico = (root / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and b"PNG" in ico


def test_table_csv_equals_the_page(built) -> None:
    root, info = built
    page = _page(root, "datasets/stops/index.html")
    name = "outcome-by-agency"
    csv = (root / f"datasets/stops/tables/{name}.csv").read_text(encoding="utf-8")
    assert list(_csv.reader(io.StringIO(csv))) == page.tables[name]


def test_facet_subsets_are_the_release_rows(built) -> None:
    root, info = built
    version = info.latest["stops"]
    full = (root / f"datasets/stops/v{version}/stops.csv").read_bytes().split(b"\r\n")
    sub = (root / "datasets/stops/subsets/agency/rivertown-police-department.csv").read_bytes().split(b"\r\n")
    assert sub == full  # every record of the fixture is from that agency
    df = pd.read_csv(root / f"datasets/stops/v{version}/stops.csv", dtype=str, keep_default_na=False)
    for value in df["outcome"].unique():
        slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        s = pd.read_csv(root / f"datasets/stops/subsets/outcome/{slug}.csv", dtype=str, keep_default_na=False)
        assert s.equals(df[df["outcome"] == value].reset_index(drop=True))


def test_deployment_config(tmp_path: Path) -> None:
    assert load_deployment({})["publisher"]
    f = tmp_path / "site.yaml"
    f.write_text("publisher: City of Example\ncontact: {email: data@example.gov}\n")
    conf = load_deployment({"OSD_SITE_CONFIG": str(f)})
    assert conf["publisher"] == "City of Example"
    assert conf["contact"]["email"] == "data@example.gov" and conf["contact"]["name"]  # merged with defaults
    f.write_text("publisherr: typo\n")
    with pytest.raises(DeploymentError, match="publisherr"):
        load_deployment({"OSD_SITE_CONFIG": str(f)})


def test_about_page_uses_the_deployment_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "site.yaml"
    f.write_text("publisher: City of Example Police\ncorrections: {email: fix@example.gov}\n")
    monkeypatch.setenv("OSD_SITE_CONFIG", str(f))
    specs = [s for s in load_specs() if s.name == "stops"]
    info = build_public_store(tmp_path / "pub", specs)
    site.build_site(LocalPublisher(tmp_path / "pub"), specs, site_url=SITE_URL, now=NOW)
    about = (tmp_path / "pub/about.html").read_text()
    assert "City of Example Police" in about and "mailto:fix@example.gov" in about
    page = (tmp_path / "pub/datasets/stops/index.html").read_text()
    sha = hashlib.sha256((tmp_path / f"pub/datasets/stops/v{info.latest['stops']}/stops.csv").read_bytes()).hexdigest()
    assert re.search(r"City of Example Police \(\d{4}\)\. Police stops \(version 1\.1\.0\)", page)
    assert sha in page


def test_version_page_says_how_coarsening_changed(built) -> None:
    root, info = built
    version = info.latest["incidents"]
    html = (root / f"datasets/incidents/versions/{version}.html").read_text(encoding="utf-8")
    section = html[html.index('id="levels"'):]
    section = section[: section.index("</ul>")]
    assert re.search(rf"Date reported: day \d+%, ISO week \d+% in 1\.1\.0, year in {re.escape(version)}\.", section)
    assert f"Location: withheld in 0% of rows in 1.1.0, 100% in {version}." in section
    levels = json.loads((root / f"datasets/incidents/versions/{version}.levels.json").read_text())
    assert levels["columns"]["location"]["withheld_pct"] == 100  # kept beside the page, read back next build
    same = (root / "datasets/incidents/versions/1.1.0.html").read_text(encoding="utf-8")
    assert "Every column is at the same level" in same


def test_methodology_shows_the_utility_report_and_checks_it_against_the_file(built) -> None:
    root, _info = built
    stops = (root / "datasets/stops/methodology.html").read_text(encoding="utf-8")
    assert 'id="utility"' in stops and "information kept" in stops and "87.0%" in stops
    assert "they agree with this report" in stops
    incidents = (root / "datasets/incidents/methodology.html").read_text(encoding="utf-8")
    assert "they differ from this report for: location" in incidents  # the file withholds it in every row


def test_a_release_with_no_rows_or_without_agency_and_date_still_renders(tmp_path: Path) -> None:
    spec = next(s for s in load_specs() if s.name == "stops")
    pub = LocalPublisher(tmp_path)
    publish_table(pub, spec, synthetic_table(spec, 5).slice(0, 0))
    result = site.build_site(pub, [spec], site_url=SITE_URL, now=NOW)
    assert result.warnings == []
    page = _page(tmp_path, "datasets/stops/index.html")
    assert page.tables == {} and all(d["attrs"]["data-rows"] == "0" for d in page.columns.values())
    # a table without the agency and date columns: no coverage, no year facet, the other facets still work
    from pipelines.site.view import dataset_context

    class _DS:
        pass

    ds = _DS()
    ds.spec, ds.threshold, ds.schema, ds.versions = spec, 11, spec.schema, []  # type: ignore[attr-defined]
    ds.table = synthetic_table(spec, 30).drop_columns(["agency", "occurred_date"])  # type: ignore[attr-defined]
    ds.latest = {"version": "1.0.0", "published": "2025-01-01T00:00:00Z"}  # type: ignore[attr-defined]
    ds.latest_package = None  # type: ignore[attr-defined]
    ctx = dataset_context(ds, {"facets": ["agency", "year", "outcome"]}, SITE_URL, {"publisher": "p"})
    assert ctx["coverage"] is None and ctx["agencies"] == []
    assert [f.dim for f in ctx["facets"]] == ["outcome"]
