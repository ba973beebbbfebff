"""The site in a real browser: Playwright (sync) driving Debian's Chromium against a loopback HTTP server.

Navigates home -> dataset -> download (sha256 checked against the page), reads the methodology page, runs
axe-core (no serious or critical violation), checks the phone layout does not scroll sideways and the chart
renders without JavaScript, and saves desktop and phone screenshots into ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines import site
from pipelines.specs import load_specs
from redaction.policy import KIND
from tests.sitefixtures import NOW, build_public_store

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PAGES = ["index.html", "methodology.html", "datasets/stops/index.html", "datasets/stops/methodology.html",
         "datasets/incidents/index.html", "about.html", "datasets/stops/versions/1.1.0.html",
         "datasets/stops/versions/1.1.1.html"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def _serve(root: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    root = tmp_path_factory.mktemp("public-site")
    info = build_public_store(root)
    old = os.environ.get("OSD_SITE_VENDOR")
    os.environ["OSD_SITE_VENDOR"] = str(site.DEFAULT_VENDOR)  # the engine make site-vendor built, as make demo
    try:
        site.build_site(info.publisher, info.specs, site_url="http://localhost:8000/", now=NOW)
    finally:
        if old is None:
            os.environ.pop("OSD_SITE_VENDOR", None)
        else:
            os.environ["OSD_SITE_VENDOR"] = old
    with _serve(root) as base:
        yield base, info


@pytest.fixture(scope="module")
def served_without_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """The same site built where ``make site-vendor`` has not run: the query tool filters the CSV."""
    root = tmp_path_factory.mktemp("public-site-plain")
    info = build_public_store(root, [s for s in load_specs() if s.name == "stops"])
    old = os.environ.get("OSD_SITE_VENDOR")
    os.environ["OSD_SITE_VENDOR"] = str(root / "no-engine-here")
    try:
        site.build_site(info.publisher, info.specs, site_url="http://localhost:8000/", now=NOW)
    finally:
        if old is None:
            os.environ.pop("OSD_SITE_VENDOR", None)
        else:
            os.environ["OSD_SITE_VENDOR"] = old
    assert not (root / "assets" / "duckdb").exists()
    with _serve(root) as base:
        yield base, info


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def test_home_to_dataset_download_matches_sha256(served, browser, tmp_path: Path) -> None:
    base, info = served
    ctx = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = ctx.new_page()
    try:
        page.goto(base + "index.html")
        page.get_by_role("link", name="Police stops", exact=True).click()
        page.wait_for_url(re.compile(r"datasets/stops/index\.html$"))
        assert page.get_by_role("heading", level=1).inner_text() == "Police stops"
        latest = info.latest["stops"]
        shown = page.locator("#cite-sha").inner_text()  # "How to cite" carries the CSV's sha256
        assert re.fullmatch(r"[0-9a-f]{64}", shown)
        with page.expect_download() as dl_info:
            page.locator("#download-latest-csv").click()
        dl = dl_info.value
        target = tmp_path / "stops.csv"
        dl.save_as(target)
        data = target.read_bytes()
        assert hashlib.sha256(data).hexdigest() == shown
        assert data.startswith(b"stop_id,")
        # the same sha256 is in the release's SHA256SUMS and datapackage.json
        sums = page.request.get(base + f"datasets/stops/v{latest}/SHA256SUMS").text()
        assert f"{shown}  stops.csv" in sums
        dp = json.loads(page.request.get(base + f"datasets/stops/v{latest}/datapackage.json").text())
        assert any(r.get("hash") == f"sha256:{shown}" for r in dp["resources"])
    finally:
        ctx.close()


def test_methodology_names_every_column_with_its_treatment(served, browser) -> None:
    base, info = served
    ctx = browser.new_context(viewport=DESKTOP)
    page = ctx.new_page()
    try:
        for spec in info.specs:
            page.goto(base + f"datasets/{spec.name}/index.html")
            page.get_by_role("link", name="What was removed or coarsened, and why").click()
            page.wait_for_url(re.compile(rf"datasets/{spec.name}/methodology\.html$"))
            treatments = {c: t["treatment"] for c, t in spec.policy["columns"].items()}
            for col in spec.public_fields:
                row = page.locator(f'tr[data-column="{col}"]')
                assert row.count() == 1, col
                assert row.is_visible()
                text = row.inner_text()
                assert col in text and KIND[treatments[col]] in text, col
    finally:
        ctx.close()


def _as_without_javascript(route) -> None:
    """Serve a page as a browser without JavaScript renders it: page scripts removed, <noscript> shown (axe
    itself needs JavaScript, so the context keeps it on and the page's own scripts are what is taken away)."""
    html = route.fetch().text()
    html = re.sub(r'<script src="[^"]*"[^>]*></script>', "", html)
    html = html.replace("<noscript>", "").replace("</noscript>", "")
    route.fulfill(body=html, content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_axe_no_serious_or_critical_violations(served, browser, viewport, js) -> None:
    base, _info = served
    axe = _axe_script()
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    if not js:
        page.route(re.compile(r".*\.html(#.*)?$"), _as_without_javascript)
    problems = []
    summary: dict = {}
    try:
        for path in PAGES:
            page.goto(base + path)
            if js and path == "datasets/stops/index.html":
                page.locator("#query-start").click()  # the query tool's form is checked too
                page.locator("#query-tool[data-ready]").wait_for(timeout=90_000)
            if not js and path == "datasets/stops/index.html":
                assert page.locator("#query-tool noscript").count() == 0
                assert page.get_by_text("The query tool needs JavaScript").is_visible()

            page.evaluate(axe)
            results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert results["testEngine"]["name"] == "axe-core"
            summary["axe-core"] = results["testEngine"]["version"]
            summary[path] = {v["id"]: v.get("impact") for v in results["violations"]}
            for v in results["violations"]:
                if v.get("impact") in ("serious", "critical"):
                    targets = [n["target"] for n in v["nodes"]][:5]
                    problems.append(f"{path}: {v['id']} ({v['impact']}) {targets}")
    finally:
        ctx.close()
    SHOTS.parent.mkdir(parents=True, exist_ok=True)  # the result, as a test artifact: violations by page
    (SHOTS.parent / "axe.json").write_text(json.dumps(summary, indent=2, sort_keys=True))
    assert problems == []


def test_axe_catches_a_planted_violation(served, browser) -> None:
    """Guard: the axe run above really reports violations (an image without alt text is critical)."""
    base, _info = served
    ctx = browser.new_context(viewport=DESKTOP)
    page = ctx.new_page()
    try:
        page.goto(base + "index.html")
        page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
        page.evaluate(_axe_script())
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert any(v["id"] == "image-alt" and v["impact"] == "critical" for v in results["violations"])
    finally:
        ctx.close()


def test_phone_layout_and_screenshots(served, browser) -> None:
    base, _info = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport, mobile in (("desktop", DESKTOP, False), ("phone", PHONE, True)):
        ctx = browser.new_context(viewport=viewport, is_mobile=mobile, has_touch=mobile,
                                  device_scale_factor=2 if mobile else 1)
        page = ctx.new_page()
        try:
            for path in PAGES:
                page.goto(base + path)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{label} {path}: page scrolls sideways by {overflow}px"
                name = path.replace("/", "_").replace(".html", "")
                shot = SHOTS / f"{label}-{name}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 1000
        finally:
            ctx.close()


def test_chart_readable_without_javascript(served, browser) -> None:
    base, _info = served
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(base + "datasets/stops/index.html")
        chart = page.locator('section:has(> #records) svg[role="img"]')
        assert chart.count() == 1 and chart.is_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] <= PHONE["width"] and box["height"] > 50
        assert page.locator("section:has(> #records) svg rect.bar").count() >= 6
        assert chart.get_attribute("aria-labelledby") == "chart-title chart-desc"
        assert page.locator("#chart-title").text_content().startswith("Records per month")
    finally:
        ctx.close()


def _query_subset(base: str, info, browser, tmp_path: Path) -> tuple[str, object, object, int]:
    """Open the stops query tool, filter outcome + year, count by agency, download: (engine, got, want, loads)."""
    import pandas as pd

    latest = info.latest["stops"]
    df = pd.read_csv(f"{info.root}/datasets/stops/v{latest}/stops.csv", dtype=str, keep_default_na=False)
    outcome = df["outcome"].value_counts().index[0]
    want = df[(df["outcome"] == outcome) & (df["occurred_date"].str[:4] == "2024")].reset_index(drop=True)
    ctx = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = ctx.new_page()
    engine_requests: list[str] = []
    page.on("request", lambda r: engine_requests.append(r.url) if "/assets/duckdb/" in r.url else None)
    try:
        page.goto(base + "datasets/stops/index.html")
        page.wait_for_load_state("networkidle")
        loaded_before_use = len(engine_requests)
        page.locator("#query-start").click()
        page.locator("#query-tool[data-ready]").wait_for(timeout=90_000)
        engine = page.locator("#query-form").get_attribute("data-engine") or ""
        page.select_option("#q-outcome", outcome)
        page.locator("#query-tool[data-ready]").wait_for()
        page.select_option("#q-year", "2024")
        page.locator("#query-tool[data-ready]").wait_for()
        page.select_option("#q-group", "agency")
        page.locator("#query-tool[data-ready]").wait_for()
        shared = page.url
        assert "outcome=" in shared and "year=2024" in shared and "group=agency" in shared
        status = page.locator("#query-status").inner_text()
        assert status.startswith(f"{len(want):,} of {len(df):,}") or len(want) < 11
        with page.expect_download() as dl_info:
            page.locator("#query-download").click()
        target = tmp_path / "subset.csv"
        dl_info.value.save_as(target)
        got = pd.read_csv(target, dtype=str, keep_default_na=False)
        # the shared URL reopens the same query without a click
        page2 = ctx.new_page()
        page2.goto(shared)
        page2.locator("#query-tool[data-ready]").wait_for(timeout=90_000)
        assert page2.locator("#q-outcome").input_value() == outcome
        assert page2.locator("#query-status").inner_text() == status
    finally:
        ctx.close()
    return engine, got, want, loaded_before_use


def test_query_tool_duckdb_over_parquet_equals_pandas_on_the_csv(served, browser, tmp_path: Path) -> None:
    base, info = served
    if not (site.DEFAULT_VENDOR / "duckdb" / "duckdb.mjs").is_file():
        pytest.skip("the query engine is not vendored: run make site-vendor")
    engine, got, want, loaded_before_use = _query_subset(base, info, browser, tmp_path)
    assert engine == "DuckDB-WASM over the Parquet file"
    assert loaded_before_use == 0  # the engine loads only when the reader opens the tool
    assert len(got) > 0 and got.equals(want)


def test_query_tool_without_engine_filters_the_csv(served_without_engine, browser, tmp_path: Path) -> None:
    base, info = served_without_engine
    engine, got, want, _ = _query_subset(base, info, browser, tmp_path)
    assert engine == "CSV filter"
    assert len(got) > 0 and got.equals(want)


def test_static_explore_without_javascript_and_page_weight(served, browser) -> None:
    import gzip
    import urllib.request

    base, info = served
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(base + "datasets/stops/index.html")
        assert page.locator("table.preview tbody tr").count() == 20
        link = page.locator('ul[data-facet="outcome"] li a').first
        href = link.get_attribute("href")
        body = page.request.get(base + "datasets/stops/" + href).text()
        assert body.startswith("stop_id,")
        assert not page.locator("#query-start").is_visible()  # the tool's button needs JS
        for path in PAGES:
            raw = urllib.request.urlopen(base + path).read()  # noqa: S310 - loopback test server
            assert len(gzip.compress(raw)) < 50_000, path
    finally:
        ctx.close()


def test_screenshots_of_each_page_kind(served, browser) -> None:
    """Screenshots of each page kind at 1280 and 390 px into test-artifacts/screenshots/site-*.png (the
    committed copies in docs/screenshots/ are taken from there)."""
    base, _info = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    kinds = {"home": "index.html", "dataset": "datasets/stops/index.html",
             "version": "datasets/stops/versions/1.1.0.html", "retracted": "datasets/stops/versions/1.1.1.html",
             "methodology": "datasets/stops/methodology.html", "about": "about.html"}
    sections = {"dataset-explore": "#explore", "dataset-tables": "#tables", "dataset-dictionary": "#dictionary",
                "dataset-versions": "#downloads"}
    for label, viewport in (("1280", DESKTOP), ("390", PHONE)):
        ctx = browser.new_context(viewport=viewport)
        page = ctx.new_page()
        try:
            for kind, path in kinds.items():
                page.goto(base + path)
                shot = SHOTS / f"site-{kind}-{label}.png"
                page.screenshot(path=str(shot), full_page=kind not in ("dataset", "methodology"))
                assert shot.stat().st_size > 1000
            page.goto(base + "datasets/stops/index.html")
            for kind, anchor in sections.items():
                shot = SHOTS / f"site-{kind}-{label}.png"
                page.locator(f"section:has(> {anchor})").first.screenshot(path=str(shot))
                assert shot.stat().st_size > 1000
            page.locator("#query-start").click()
            page.select_option("#q-group", "outcome")
            page.locator("#query-tool[data-ready]").wait_for(timeout=90_000)
            page.locator("#query-tool").screenshot(path=str(SHOTS / f"site-dataset-query-{label}.png"))
        finally:
            ctx.close()
