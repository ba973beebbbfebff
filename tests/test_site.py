"""Static site: DCAT-US validity, relative links, methodology completeness, counts, feeds, escaping, privacy."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pyarrow as pa
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from pipelines import site
from pipelines.publishing import LocalPublisher
from pipelines.specs import load_specs
from redaction.policy import KIND, load_policy
from tests.sitefixtures import NOW, build_public_store

SITE_URL = "https://data.example.org/osd/"
DCAT_DIR = Path(__file__).parent / "schemas" / "dcat-us-1.1"
DCAT_BASE = "https://project-open-data.cio.gov/v1.1/schema/"

# ------------------------------------------------------------------------------------------ private-store guard

_GUARD: dict[str, object] = {"prefix": None, "hits": []}


def _audit(event: str, args: tuple) -> None:
    prefix = _GUARD["prefix"]
    if prefix is None or event not in ("open", "os.listdir", "os.scandir", "os.stat"):
        return
    target = args[0] if args else None
    if isinstance(target, bytes | str | os.PathLike):
        path = os.fsdecode(target)
        if path.startswith(str(prefix)):
            _GUARD["hits"].append((event, path))  # type: ignore[union-attr]


sys.addaudithook(_audit)


class Built:
    def __init__(self, root: Path, info, result: site.SiteResult, private: Path) -> None:
        self.root, self.info, self.result, self.private = root, info, result, private

    def text(self, key: str) -> str:
        return (self.root / key).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("public")
    private = tmp_path_factory.mktemp("elsewhere") / "private-store-that-does-not-exist"
    old = os.environ.get("OSD_PRIVATE")
    os.environ["OSD_PRIVATE"] = str(private)
    try:
        info = build_public_store(root)
        _GUARD["prefix"], _GUARD["hits"] = str(private), []
        result = site.build_site(info.publisher, info.specs, site_url=SITE_URL, now=NOW)
        hits = list(_GUARD["hits"])  # type: ignore[call-overload]
    finally:
        _GUARD["prefix"] = None
        if old is None:
            os.environ.pop("OSD_PRIVATE", None)
        else:
            os.environ["OSD_PRIVATE"] = old
    assert hits == [], "the site builder touched the private store"
    return Built(root, info, result, private)


# ------------------------------------------------------------------------------------------ HTML helpers


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.rows: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for k in ("href", "src"):
            if k in a:
                self.links.append((tag, a[k]))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "tr" and "data-column" in a:
            self.rows.append(a)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld.append(data)


def _parse(html: str) -> _Links:
    p = _Links()
    p.feed(html)
    return p


def _html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


# ------------------------------------------------------------------------------------------ tests


def test_pages_written(built: Built) -> None:
    for spec in built.info.specs:
        assert f"datasets/{spec.name}/index.html" in built.result.pages
        assert f"datasets/{spec.name}/methodology.html" in built.result.pages
    for key in ("index.html", "methodology.html", "data.json", "feed.atom", "sitemap.xml", "robots.txt",
                "assets/style.css"):
        assert key in built.result.pages
        assert (built.root / key).is_file()
    assert built.result.datasets == len(built.info.specs)


def _dcat_validator() -> jsonschema.Draft4Validator:
    resources = []
    for path in DCAT_DIR.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT4)))
    registry = Registry().with_resources(resources)
    # local agencies are not federal bureaus: catalog entries follow data.gov's non-federal dataset profile
    nonfed = json.loads((DCAT_DIR / "dataset-non-federal.json").read_text(encoding="utf-8"))
    registry = registry.with_resource(DCAT_BASE + "dataset.json",
                                      Resource.from_contents(nonfed, default_specification=DRAFT4))
    catalog = json.loads((DCAT_DIR / "catalog.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(catalog, registry=registry, format_checker=jsonschema.FormatChecker())


def _empty_strings(obj, path="$"):
    if obj == "":
        yield path
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _empty_strings(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _empty_strings(v, f"{path}[{i}]")


def test_data_json_is_valid_dcat_us(built: Built) -> None:
    catalog = json.loads(built.text("data.json"))
    errors = sorted(_dcat_validator().iter_errors(catalog), key=lambda e: list(e.absolute_path))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    assert catalog["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert {d["identifier"] for d in catalog["dataset"]} == {
        f"{SITE_URL}datasets/{s.name}/" for s in built.info.specs}
    for d in catalog["dataset"]:
        assert len(d["keyword"]) >= 1 and d["modified"] and d["accessLevel"] == "public"
        assert d["contactPoint"]["hasEmail"].startswith("mailto:")
        for dist in d["distribution"]:
            if "downloadURL" in dist:
                assert dist["mediaType"] and dist["downloadURL"].startswith(SITE_URL)
                rel = dist["downloadURL"][len(SITE_URL):]
                assert (built.root / rel).is_file(), rel
        start, end = d["temporal"].split("/")
        assert date.fromisoformat(start) <= date.fromisoformat(end)
    assert list(_empty_strings(catalog)) == []


def test_dcat_validator_rejects_a_broken_catalog(built: Built) -> None:
    catalog = json.loads(built.text("data.json"))
    catalog["dataset"][0]["distribution"][0].pop("mediaType")
    catalog["dataset"][1].pop("identifier")
    catalog["conformsTo"] = "https://project-open-data.cio.gov/v1.0/schema"
    messages = [e.message for e in _dcat_validator().iter_errors(catalog)]
    assert len(messages) >= 3


def test_relative_links_resolve(built: Built) -> None:
    checked = 0
    for page in _html_pages(built.root):
        parsed = _parse(page.read_text(encoding="utf-8"))
        for tag, link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                assert not link.startswith(SITE_URL), f"{page.name}: absolute link to our own site {link}"
                continue
            assert not link.startswith("/"), f"{page}: root-relative link {link} breaks under a prefix"
            if not parts.path:
                assert parts.fragment in parsed.ids, f"{page.relative_to(built.root)}: no anchor #{parts.fragment}"
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(built.root)}: <{tag}> {link} does not exist"
            assert built.root.resolve() in target.parents, f"{link} leaves the site"
            checked += 1
    assert checked > 50


def test_methodology_lists_every_public_column_with_its_treatment(built: Built) -> None:
    for spec in load_specs():
        policy = load_policy(spec.policy, spec.schema, [f["name"] for f in spec.standardized])
        html = built.text(f"datasets/{spec.name}/methodology.html")
        rows = {r["data-column"]: r["data-treatment"] for r in _parse(html).rows}
        assert list(rows) == spec.public_fields
        for col, t in policy.columns.items():
            assert rows[col] == t.name
            assert KIND[t.name] in html
            if t.why:
                assert _esc(t.why) in html
        for col, reason in policy.drop.items():
            assert f"<code>{col}</code>" in html and _esc(reason) in html
        # figures from provenance.json of the latest release (fixture: quarantined 4 -> suppressed, k 6)
        assert "k achieved</dt><dd>6</dd>" in html and "k required</dt><dd>5</dd>" in html
        assert "<code>type-error:occurred_at</code></th><td class=\"num\">&lt;11</td>" in html
        assert "<th scope=\"row\">PERSON</th><td class=\"num\">42</td>" in html
        assert "<th scope=\"row\">PHONE</th><td class=\"num\">&lt;11</td>" in html


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace(
        "'", "&#39;")


def test_methodology_names_recognizer_modules(built: Built) -> None:
    html = built.text("methodology.html")
    recognizers = site.list_recognizers()
    assert recognizers, "redaction/recognizers/ should hold recognizer modules"
    for r in recognizers:
        assert f"<code>{r.module}</code>" in html
        assert r.summary and _esc(r.summary) in html
    assert "<code>_base</code>" not in html


def test_dataset_page_checksums_match_files(built: Built) -> None:
    for spec in built.info.specs:
        latest = built.info.latest[spec.name]
        page = built.text(f"datasets/{spec.name}/index.html")
        html = built.text(f"datasets/{spec.name}/versions/{latest}.html")  # a page per version holds the hashes
        shas = dict(re.findall(r'<code class="sha" data-file="([^"]+)">([0-9a-f]{64})</code>', html))
        for name in (f"{spec.name}.csv", f"{spec.name}.parquet", "datapackage.json", "SHA256SUMS"):
            data = (built.root / f"datasets/{spec.name}/v{latest}/{name}").read_bytes()
            assert shas[name] == hashlib.sha256(data).hexdigest()
        assert f'href="v{latest}/{spec.name}.csv"' in page
        csv_sha = hashlib.sha256((built.root / f"datasets/{spec.name}/v{latest}/{spec.name}.csv").read_bytes())
        assert f'<code class="sha" id="cite-sha">{csv_sha.hexdigest()}</code>' in page  # "How to cite"
        html = page
        assert site.CSV_INJECTION_NOTE.split(",")[0] in html


def test_retracted_version_shows_tombstone(built: Built) -> None:
    html = built.text("datasets/stops/index.html")
    version = built.info.retracted["stops"]
    section = html[html.index(f'id="v{version}"'):]
    section = section[: section.index("</section>")]
    assert "Retracted on" in section and "coding error" in section
    assert f'href="v{version}/TOMBSTONE.json"' in section
    assert "stops.csv" not in section  # no download offered for a retracted version
    assert (built.root / f"datasets/stops/v{version}/TOMBSTONE.json").is_file()


def test_jsonld_dataset(built: Built) -> None:
    for spec in built.info.specs:
        parsed = _parse(built.text(f"datasets/{spec.name}/index.html"))
        assert len(parsed.jsonld) == 1
        ld = json.loads("".join(parsed.jsonld))
        assert ld["@type"] == "Dataset" and ld["name"] == spec.title
        assert len(ld["description"]) >= 50
        assert ld["version"] == built.info.latest[spec.name]
        assert {v["name"] for v in ld["variableMeasured"]} == set(spec.public_fields)
        for dist in ld["distribution"]:
            assert dist["contentUrl"].startswith(SITE_URL)
            assert (built.root / dist["contentUrl"][len(SITE_URL):]).is_file()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", ld["temporalCoverage"])


def test_atom_feed(built: Built) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(built.text("feed.atom").encode("utf-8"))
    entries = feed.findall("a:entry", ns)
    expected = sum(len(json.loads((built.root / f"datasets/{s.name}/versions.json").read_text())["versions"])
                   for s in built.info.specs)
    assert len(entries) == expected
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(SITE_URL) for i in ids)
    updated = [e.findtext("a:updated", namespaces=ns) for e in entries]
    assert updated == sorted(updated, reverse=True)
    titles = [e.findtext("a:title", namespaces=ns) for e in entries]
    assert any(t.endswith("retracted") for t in titles)
    for e in entries:
        for link in e.findall("a:link", ns):
            assert link.get("href", "").startswith(SITE_URL)


def test_sitemap_and_robots(built: Built) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urlset = ET.fromstring(built.text("sitemap.xml").encode("utf-8"))
    locs = [u.findtext("s:loc", namespaces=ns) for u in urlset.findall("s:url", ns)]
    assert set(locs) == {SITE_URL + p.relative_to(built.root).as_posix() for p in _html_pages(built.root)}
    assert f"Sitemap: {SITE_URL}sitemap.xml" in built.text("robots.txt")


def test_chart_and_counts_are_suppressed(built: Built) -> None:
    html = built.text("datasets/stops/index.html")
    assert 'role="img"' in html and '<title id="chart-title">' in html
    table = html[html.index("<caption>Records per month"):]
    table = table[: table.index("</table>")]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="num">([^<]+)</td>', table))
    # the fixture has exactly one undated record: shown as "<11", never as 1, and not derivable from the total
    assert rows[site.UNDATED_LABEL] == "&lt;11"
    assert "*" in rows.values()
    assert "Total" in rows
    for label, c in rows.items():
        assert c in ("&lt;11", "*") or int(c.replace(",", "")) == 0 or int(c.replace(",", "")) >= 11, label
    hidden_bars = re.findall(r'class="bar suppressed"><title>([^<]+)</title>', html)
    assert all(t.endswith(("&lt;11", "*")) for t in hidden_bars)


def test_period_table_hides_small_cells_and_their_complement() -> None:
    pc = site.period_counts(pa.array(["2024-01-02"] * 30 + ["2024-02-02"] * 3 + ["2024-03-02"] * 57, pa.string()))
    rows = dict(site.period_table(pc, 11))
    assert rows["2024-02"] == "<11"
    assert rows["2024-01"] == "*" and rows["2024-03"] == "57" and rows["Total"] == "90"
    chart = site._chart(pc, 11, "t", rows)
    assert [b["suppressed"] for b in chart["bars"]] == [True, True, False]
    assert {b["h"] for b in chart["bars"][:2]} == {chart["bars"][0]["h"]}  # both drawn at the same height


@pytest.mark.parametrize(
    ("values", "unit", "expected", "undated"),
    [
        (["2024-01-05", "2024-01-31", "2024-03-01"], "month", [("2024-01", 2), ("2024-02", 0), ("2024-03", 1)], 0),
        (["2024-W01", "2020-W53", "2026-W01"], "month", None, 0),
        (["2024-02", "2024-02-10", None, "garbage"], "month", [("2024-02", 2)], 2),
        (["2024-Q1", "2024-05-02", "2024-W27"], "quarter", [("2024-Q1", 1), ("2024-Q2", 1), ("2024-Q3", 1)], 0),
        (["2022", "2024-Q1", "2024-05", "2024-12-31"], "year", [("2022", 1), ("2023", 0), ("2024", 3)], 0),
    ],
)
def test_period_counts(values, unit, expected, undated) -> None:
    pc = site.period_counts(pa.array(values, pa.string()))
    assert pc.unit == unit and pc.undated == undated
    if expected is not None:
        assert pc.counts == expected
    assert sum(c for _, c in pc.counts) + pc.undated == len(values)


def test_iso_weeks_count_in_the_month_of_their_thursday() -> None:
    pc = site.period_counts(pa.array(["2020-W53", "2026-W01", "2024-W05"], pa.string()))
    keys = {k for k, c in pc.counts if c}
    assert keys == {"2020-12", "2026-01", "2024-02"}  # 2024-W05 Thursday is 1 Feb 2024


def test_period_counts_of_date_type() -> None:
    pc = site.period_counts(pa.array([date(2023, 12, 31), date(2024, 1, 1)], pa.date32()))
    assert pc.counts == [("2023-12", 1), ("2024-01", 1)]
    assert pc.start == date(2023, 12, 1) and pc.end == date(2024, 1, 31)


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (1, "<11"), (10, "<11"), (11, "11"), (12345, "12,345")])
def test_suppress_count(n: int, text: str) -> None:
    assert site.suppress_count(n, 11) == text


def test_text_from_specs_is_escaped(tmp_path: Path) -> None:
    spec = load_specs()[0]
    evil = replace(spec, raw={**spec.raw, "title": "Stops <script>alert(1)</script>",
                              "description": 'Say "hi" & <img src=x onerror=alert(1)> to everyone reading this.'})
    pub = LocalPublisher(tmp_path)
    site.build_site(pub, [evil], site_url=SITE_URL, now=NOW)
    for page in ("index.html", f"datasets/{spec.name}/index.html"):
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    ld = _parse((tmp_path / f"datasets/{spec.name}/index.html").read_text(encoding="utf-8")).jsonld
    assert "</script" not in "".join(ld)
    assert json.loads("".join(ld))["name"] == "Stops <script>alert(1)</script>"


def test_empty_store_builds_a_valid_catalog(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    result = site.build_site(pub, load_specs(), site_url=SITE_URL, now=NOW)
    catalog = json.loads((tmp_path / "data.json").read_text())
    assert catalog["dataset"] == []
    assert list(_dcat_validator().iter_errors(catalog)) == []
    assert "No release is available" in (tmp_path / "datasets/stops/index.html").read_text()
    assert result.datasets == len(load_specs())


def test_rebuild_is_byte_identical(built: Built, tmp_path: Path) -> None:
    before = {k: (built.root / k).read_bytes() for k in built.result.pages}
    again = site.build_site(built.info.publisher, built.info.specs, site_url=SITE_URL, now=NOW)
    assert again.pages == built.result.pages
    assert {k: (built.root / k).read_bytes() for k in again.pages} == before


def test_site_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OSD_SITE_URL", raising=False)
    assert site.site_url_from_env() == "http://localhost:8000/"
    monkeypatch.setenv("OSD_SITE_URL", "https://example.org/data")
    assert site.site_url_from_env() == "https://example.org/data/"
