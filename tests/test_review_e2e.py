"""End to end through the CLI: a narrative the leak verifier flags is withheld, the rest of the release publishes,
the private review report names its export row, and the officer's decisions apply on the next run."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipelines.review import WITHHELD_TEXT
from redaction import structured
from tests.e2e_helpers import REPO, make_env

pytestmark = pytest.mark.slow

EXPORT = "lakeside_uof_2024.csv"
LEAKY = 3  # data row index whose narrative names another record's incident number (export row 5)
LEAKY_EXPORT_ROW = LEAKY + 2  # the header is row 1
QUIET = 8  # a narrative the verifier does not flag (export row 10), withheld by the officer in the last run
OTHER_CASE = "UOF-00007"


def _export() -> str:
    rows = ["Incident No,Date/Time,Force Type,Injured,Badge,Officer,Subject,Address,Description"]
    names = ["Maria GARCIA", "Tran Thi Lan", "Olena KOVALENKO", "Abdi Hassan Warsame", "Brian O'NEILL"]
    for i in range(60):
        n = names[i % len(names)]
        addr = f"{1000 + 37 * i} Elm Ave Apt {i % 9 + 1}"
        text = f"Officers responded to {addr}. {n} resisted and was restrained."
        if i == LEAKY:  # another record's case number: the redactor does not know it, the verifier does
            text += f" See also incident {OTHER_CASE} for the earlier call."
        rows.append(
            f'UOF-{i:05d},{i % 12 + 1:02d}/{i % 27 + 1:02d}/2024 {i % 12 + 1}:{i % 60:02d} PM,'
            f'{["TASER", "OC", "HANDS", "K9"][i % 4]},{"YN"[i % 2]},{4100 + i % 6},Ofc. Ray HOLT,{n},{addr},'
            f'"{text}"'
        )
    return "\n".join(rows) + "\n"


def _uof_id(i: int) -> str:
    return str(structured.pseudonym(pd.Series([f"UOF-{i:05d}"]), b"e2e-test-key", "uof").iloc[0])


def _latest(env) -> tuple[str, pd.DataFrame, dict]:
    root = env.public / "datasets" / "use_of_force"
    latest = json.loads((root / "latest.json").read_text())
    rel = root / latest["path"]
    table = pq.read_table(rel / "use_of_force.parquet").to_pandas().set_index("uof_id")
    return latest["version"], table, json.loads((rel / "provenance.json").read_text())


def _report(env) -> list[dict[str, str]]:
    path = env.private / "review" / "use_of_force" / "report.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _public_text(env) -> str:
    out = []
    for p in env.public.rglob("*"):
        if p.is_file() and p.suffix != ".parquet":
            out.append(p.read_bytes().decode("utf-8", "replace"))
    return "\n".join(out).lower()


def test_flagged_narrative_is_withheld_reviewed_and_released_by_decision(tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "tests" / "fixtures" / "use_of_force", specs)
    env = make_env(tmp_path / "run", extra={"OSD_DATASETS": str(specs)})
    env.inbox.mkdir(parents=True)
    (env.inbox / EXPORT).write_text(_export())
    sha = hashlib.sha256((env.inbox / EXPORT).read_bytes()).hexdigest()

    # run 1: the flagged narrative is withheld, every other row publishes
    r = env.run("run", "--note", "first")
    assert r.returncode == 0, r.stderr[-3000:]
    version, table, prov = _latest(env)
    assert version == "1.0.0" and len(table) == 60
    assert table.loc[_uof_id(LEAKY), "description"] == WITHHELD_TEXT
    assert (table["description"] == WITHHELD_TEXT).sum() == 1
    assert table.loc[_uof_id(QUIET), "description"].startswith("Officers responded to")
    assert prov["narratives_withheld"] == {"by_reason": {"leak-verifier": 1}, "total": 1, "released_by_decision": 0}
    assert prov["checks"]["no_leaks"] == "passed"
    pub = _public_text(env)
    assert "uof-00007" not in pub and "uof00007" not in pub
    assert "report.csv" not in pub  # the review report's path stays private too
    report = _report(env)
    assert [(it["file"], it["row"], it["status"], it["reason"], it["entity_types"]) for it in report] == [
        (EXPORT, str(LEAKY_EXPORT_ROW), "withheld", "leak-verifier", "ID")]
    assert report[0]["file_sha256"] == sha and OTHER_CASE in report[0]["redacted_text"]
    assert OTHER_CASE not in r.stdout + r.stderr and OTHER_CASE.lower() not in (r.stdout + r.stderr).lower()
    preview = json.loads((env.private / "preview" / "use_of_force.json").read_text())["markdown"]
    assert "Narratives withheld pending review: 1" in preview and "| leak-verifier | 1 |" in preview
    assert str(env.private / "review" / "use_of_force" / "report.csv") in preview
    checks = json.loads(next((env.private / "checks" / "use_of_force").glob("*/no_leaks.json")).read_text())
    assert checks["passed"] and checks["metadata"]["narratives_withheld"] == 1

    # run 2: the officer releases it as redacted (keyed by export sha256 + row, tied to the reviewed text)
    decisions = env.private / "review" / "use_of_force" / "decisions.yaml"
    decisions.write_text(
        "records:\n"
        f"  - {{file_sha256: {sha}, row: {LEAKY_EXPORT_ROW}, decision: release, "
        f"text_sha256: {report[0]['text_sha256']}}}\n"
    )
    r = env.run("run", "--note", "released after review")
    assert r.returncode == 0, r.stderr[-3000:]
    version, table, prov = _latest(env)
    assert version != "1.0.0"
    assert OTHER_CASE in table.loc[_uof_id(LEAKY), "description"]
    assert (table["description"] == WITHHELD_TEXT).sum() == 0
    assert prov["narratives_withheld"] == {"by_reason": {}, "total": 0, "released_by_decision": 1}
    assert [(it["row"], it["status"]) for it in _report(env)] == [(str(LEAKY_EXPORT_ROW), "released")]
    released_version = version

    # run 3: withhold decisions keep (or make) narratives withheld, flagged or not
    decisions.write_text(
        "records:\n"
        f"  - {{file_sha256: {sha}, row: {LEAKY_EXPORT_ROW}, decision: withhold}}\n"
        f"  - {{file_sha256: {sha}, row: {QUIET + 2}, decision: withhold, note: reviewed by phone}}\n"
    )
    r = env.run("run", "--note", "withheld after review")
    assert r.returncode == 0, r.stderr[-3000:]
    version, table, prov = _latest(env)
    assert version != released_version
    assert table.loc[_uof_id(LEAKY), "description"] == WITHHELD_TEXT
    assert table.loc[_uof_id(QUIET), "description"] == WITHHELD_TEXT
    assert prov["narratives_withheld"]["by_reason"] == {"leak-verifier": 1, "officer-withhold": 1}
    assert {(it["row"], it["reason"]) for it in _report(env)} == {
        (str(LEAKY_EXPORT_ROW), "leak-verifier"), (str(QUIET + 2), "officer-withhold")}

    # a decisions file with an unknown key stops preparation with the file and line, nothing published
    decisions.write_text(f"records:\n  - {{file_sha256: {sha}, rows: 5, decision: release}}\n")
    r = env.run("run", "--note", "bad decisions")
    assert r.returncode != 0
    assert "use_of_force: not published: step use_of_force__validated failed" in r.stderr
    assert "decisions.yaml:2: unknown key(s) ['rows']" in r.stderr and "review-unknown-key" in r.stderr
    assert "Traceback" not in r.stderr.split("use_of_force: not published")[-1]
    assert _latest(env)[0] == version

    # an allow term reaches the redactor: the export is de-identified again on the next run, and the verifier
    # reads that agency's text with it ("Kovalenko" alone is no identifier; the full name still would be)
    decisions.write_text(
        "records:\n"
        f"  - {{file_sha256: {sha}, row: {LEAKY_EXPORT_ROW}, decision: withhold}}\n"
        "allow:\n"
        "  - {term: Kovalenko, agency: Lakeside Police Department}\n"
    )
    r = env.run("run", "--note", "allow term")
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"{EXPORT}: the review's allow terms changed, de-identifying it again" in r.stderr
    new_version, table, prov = _latest(env)
    assert new_version != version
    kov = [table.loc[_uof_id(i), "description"] for i in range(60) if i % 5 == 2]
    assert all("[PERSON 1] KOVALENKO resisted" in t for t in kov), kov[:2]
    assert "olena" not in " ".join(kov).lower()
    assert table.loc[_uof_id(QUIET), "description"].startswith("Officers responded to")
    assert prov["narratives_withheld"]["by_reason"] == {"leak-verifier": 1}


def test_structured_leak_still_blocks_and_names_export_rows(tmp_path):
    """A leak outside free text is no narrative to withhold: the release is refused, the message names export rows."""
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "tests" / "fixtures" / "use_of_force", specs)
    mapping = specs / "lakeside_uof.mapping.yaml"
    mapping.write_text(mapping.read_text().replace("dataset: use_of_force", "dataset: uof_leaky"))
    text = (REPO / "pipelines" / "datasets" / "use_of_force.yaml").read_text()
    leaky = (text.replace("name: use_of_force", "name: uof_leaky", 1)
             .replace("schema: schemas/use_of_force.schema.yaml",
                      f"schema: {REPO / 'schemas' / 'use_of_force.schema.yaml'}")
             .replace('location: {treatment: hundred_block, source: address, fallback: [district], '
                      'why: "No house numbers: the hundred block, or the district."}',
                      'location: {treatment: keep, source: address, codes: open, why: "A mistake: the address."}')
             .replace('      location: {ladder: columns, levels: [location, district, "*"]}\n', "")
             .replace("sacrifice: [location, district,", "sacrifice: [district,")
             .replace("\n  roles:", "\n  roles:\n    location: {role: not_identifying, why: \"The same mistake.\"}\n   ", 1))
    assert leaky.count("uof_leaky") == 1 and "A mistake: the address." in leaky
    (specs / "uof_leaky.yaml").write_text(leaky)
    env = make_env(tmp_path / "run", extra={"OSD_DATASETS": str(specs)})
    env.inbox.mkdir(parents=True)
    (env.inbox / EXPORT).write_text(_export())
    r = env.run("run", "--note", "leaky")
    assert r.returncode != 0
    assert "uof_leaky/validated:no_leaks failed (" in r.stderr
    assert f"first_export_rows=['{EXPORT}:2', '{EXPORT}:3'," in r.stderr
    assert not (env.public / "datasets" / "uof_leaky" / "latest.json").exists()
    assert "Elm Ave Apt" not in r.stderr + r.stdout
