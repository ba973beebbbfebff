"""Specs are validated at load, every problem at once with its file and line; agency folders add sources to the
built-in datasets without editing them; the shipped specs pass `check`."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipelines.catalog import SpecError, load_specs
from pipelines.catalog.loader import BUILTIN_DIR

REPO = Path(__file__).resolve().parent.parent

CONTRACT = """\
fields:
  - {name: CASE, constraints: {required: true}}
  - {name: WHEN}
  - {name: RACE, aliases: [Race Code]}
  - {name: FLAG}
"""
MAPPING = """\
name: newtown_stops
dataset: stops
contract: stops.contract.yaml
format: csv
absent: [subject_sex, stop_reason, outcome]   # this export has no such columns: published empty
fields:
  stop_id: {from: CASE}
  agency: {const: Newtown PD}
  occurred_at: {from: WHEN, format: "%m/%d/%Y"}
  subject_race: {from: Race Code, map: {"W": White, "B": Black}}
  frisked: {from: FLAG}
"""


def _agency(root: Path, mapping: str = MAPPING, contract: str = CONTRACT) -> Path:
    folder = root / "newtown"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "agency.yaml").write_text("name: Newtown Police Department\n")
    (folder / "stops.mapping.yaml").write_text(textwrap.dedent(mapping))
    (folder / "stops.contract.yaml").write_text(contract)
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(SpecError) as ei:
        load_specs([BUILTIN_DIR], sources=[root])
    return ei.value.problems


def test_agency_folder_adds_a_source_to_a_builtin_dataset(tmp_path: Path) -> None:
    specs = {s.name: s for s in load_specs([BUILTIN_DIR], sources=[_agency(tmp_path)])}
    src = specs["stops"].source("newtown_stops")
    assert src.agency == "Newtown Police Department" and src.fields["subject_race"]["from"] == "RACE"  # alias
    assert src.mapping_path is not None and src.mapping_path in specs["stops"].files()


def test_osd_sources_env_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSD_SOURCES", str(_agency(tmp_path)))
    assert "newtown_stops" in {s.name for s in next(s for s in load_specs() if s.name == "stops").sources}


def test_traps_all_reported_at_once_with_lines(tmp_path: Path) -> None:
    bad = MAPPING.replace('format: "%m/%d/%Y"', 'formt: "%m/%d/%Y"').replace(
        '{"W": White, "B": Black}}', '{"W": White, "B": Black}, unmapped: kepp}'
    ) + "  searched: {from: SEARCH}\n  shoe_size: {from: CASE}\n  beat: {from: CASE, replace: [['(?=x)', '']]}\n"
    problems = _problems(_agency(tmp_path, bad))
    text = "\n".join(problems)
    path = str(tmp_path / "newtown" / "stops.mapping.yaml")
    assert f"{path}:9: fields.occurred_at: unknown key 'formt'" in text
    assert f"{path}:10: fields.subject_race.unmapped: Input should be 'error', 'null' or 'keep'" in text
    # validation of the shape stops at the first file; cross-checks are reported once it is fixed
    fixed = bad.replace("formt:", "format:").replace(", unmapped: kepp", "")
    text = "\n".join(_problems(_agency(tmp_path, fixed)))
    assert f"{path}:12: column 'SEARCH' is not in the contract stops.contract.yaml" in text
    assert f"{path}:13: 'shoe_size' is not a standardized column of dataset 'stops'" in text
    assert f"{path}:14: regular expression '(?=x)' is not valid RE2" in text


def test_yaml_boolean_keys_refused(tmp_path: Path) -> None:
    bad = MAPPING.replace("frisked: {from: FLAG}", "frisked: {from: FLAG, map: {Yes: true, No: false}}")
    text = "\n".join(_problems(_agency(tmp_path, bad)))
    assert "stops.mapping.yaml:11: key Yes is read by YAML as a boolean; quote it" in text
    assert "key No is read by YAML as a boolean" in text


def test_a_source_cannot_carry_a_policy_or_redefine_a_dataset(tmp_path: Path) -> None:
    bad = MAPPING + "policy: {columns: {}}\n"
    assert any("unknown key 'policy'" in p for p in _problems(_agency(tmp_path / "a", bad)))
    other = tmp_path / "b"
    other.mkdir()
    (other / "stops.yaml").write_text((BUILTIN_DIR / "stops.yaml").read_text())
    with pytest.raises(SpecError) as ei:
        load_specs([BUILTIN_DIR, other])
    assert "dataset 'stops' already defined" in str(ei.value) and "OSD_SOURCES" in str(ei.value)


def test_code_table_beside_the_mapping(tmp_path: Path) -> None:
    root = _agency(tmp_path, MAPPING.replace('map: {"W": White, "B": Black}', "map_file: race.csv"))
    (root / "newtown" / "race.csv").write_text("code,value\nW,White\nB,Black\nU,\n")
    src = next(s for s in load_specs([BUILTIN_DIR], sources=[root]) if s.name == "stops").source("newtown_stops")
    assert src.fields["subject_race"]["map"] == {"W": "White", "B": "Black", "U": None}
    assert root / "newtown" / "race.csv" in src.files()


def test_check_command_on_the_shipped_specs() -> None:
    r = subprocess.run([sys.executable, "-m", "pipelines.cli", "check"], cwd=REPO, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert "ok:" in r.stdout


def test_check_command_fails_listing_problems(tmp_path: Path) -> None:
    bad = MAPPING.replace("format: csv", "format: cvs")
    env = {"OSD_SOURCES": str(_agency(tmp_path, bad)), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "pipelines.cli", "check"], cwd=REPO, capture_output=True, text=True,
                       timeout=120, env=env)
    assert r.returncode == 1 and "stops.mapping.yaml:4: format: Input should be 'csv'" in r.stderr


def test_run_refuses_to_start_on_a_spec_error(tmp_path: Path) -> None:
    import os

    bad = MAPPING.replace('{from: FLAG}', '{from: FLAG, unmapped: kepp}')
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("OSD_", "DAGSTER_"))},
           "OSD_SOURCES": str(_agency(tmp_path / "src", bad)), "OSD_INBOX": str(tmp_path / "inbox"),
           "OSD_PRIVATE": str(tmp_path / "private"), "OSD_PUBLIC": str(tmp_path / "public"),
           "DAGSTER_HOME": str(tmp_path / "dh")}
    r = subprocess.run([sys.executable, "-m", "pipelines.cli", "run"], cwd=REPO, capture_output=True, text=True,
                       timeout=300, env=env)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "stops.mapping.yaml:11: fields.frisked.unmapped: Input should be 'error', 'null' or 'keep'" in r.stderr
    assert "Traceback" not in r.stderr


def test_spec_hash_follows_mapping_contract_and_code_tables(tmp_path: Path) -> None:
    root = _agency(tmp_path, MAPPING.replace('map: {"W": White, "B": Black}', "map_file: race.csv"))
    table = root / "newtown" / "race.csv"
    table.write_text("code,value\nW,White\n")

    def digest() -> str:
        stops = next(s for s in load_specs([BUILTIN_DIR], sources=[root]) if s.name == "stops")
        return stops.source("newtown_stops").spec_sha256()

    first = digest()
    table.write_text("code,value\nW,White\nB,Black\n")
    second = digest()
    (root / "newtown" / "stops.contract.yaml").write_text(CONTRACT + "  - {name: EXTRA}\n")
    assert len({first, second, digest()}) == 3


def test_a_published_column_is_mapped_unless_optional_or_declared_absent(tmp_path: Path) -> None:
    """`optional: true` in the dataset (a column only some agencies have) lets a source leave it out; any other
    column the policy publishes must be mapped or declared `absent`, so a forgotten mapping is caught at load."""
    bad = MAPPING.replace("absent: [subject_sex, stop_reason, outcome]", "absent: [subject_sex, frisked, nope]")
    root = _agency(tmp_path, bad)
    with pytest.raises(SpecError) as ei:
        load_specs([BUILTIN_DIR], sources=[root])
    text = "\n".join(ei.value.problems)
    assert "stops.mapping.yaml:5: source 'newtown_stops': 'frisked' is both mapped and `absent`" in text
    assert "mapping.yaml:5: 'nope' is not a standardized column of dataset 'stops'" in text
    for col, public in (("outcome", "outcome"), ("stop_reason", "stop_reason")):
        assert (f"mapping.yaml:6: source 'newtown_stops' does not map {col!r}, which dataset 'stops' publishes as "
                f"{public}; map it, or list it under `absent:`") in text
    assert "'searched'" not in text and "'subject_dob'" not in text  # optional: true in stops.yaml
    stops = next(s for s in load_specs() if s.name == "stops")
    assert {f["name"] for f in stops.standardized if f.get("optional")} >= {"searched", "subject_dob", "district"}


def test_a_code_label_the_public_schema_does_not_allow_is_refused_at_load(tmp_path: Path) -> None:
    """`outcome: Other` (stops publish Arrest, Citation, Warning, Field contact, No action, Unknown) quarantined
    120 rows of a real export at validation, after the whole run: `check` says it first, naming the values."""
    bad = MAPPING.replace("absent: [subject_sex, stop_reason, outcome]", "absent: [subject_sex, stop_reason]").replace(
        "  frisked: {from: FLAG}\n", "  frisked: {from: FLAG}\n  outcome: {from: FLAG, map: {Y: Arrest, N: Other}}\n")
    text = "\n".join(_problems(_agency(tmp_path, bad)))
    assert ("stops.mapping.yaml:12: outcome: map gives ['Other'], which dataset 'stops' does not publish; its values: "
            "Arrest, Citation, Warning, Field contact, No action, Unknown") in text


def test_a_run_that_does_not_publish_exits_non_zero_with_evidence_and_a_corrected_mapping_is_ingested_again(
        tmp_path: Path) -> None:
    """A quarantine share over the limit: the run exits 1 and prints the failed check's evidence (counts, reason
    codes with field names, no value). The corrected mapping is ingested again without --force (the ingest key is
    the file's hash plus the spec's); an unchanged one is skipped unless --force."""
    import os

    dates = [f"0{m}/1{d}/2024" for m in range(1, 10) for d in range(10)]
    rows = [f"C{i},{dates[i % len(dates)] if i % 10 else '2024-13-45'},{'WB'[i % 2]},Y" for i in range(200)]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "newtown.csv").write_text("CASE,WHEN,Race Code,FLAG\n" + "\n".join(rows) + "\n")
    src = _agency(tmp_path / "src")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("OSD_", "DAGSTER_"))},
           "OSD_SOURCES": str(src), "OSD_INBOX": str(inbox), "OSD_PRIVATE": str(tmp_path / "private"),
           "OSD_PUBLIC": str(tmp_path / "public"), "DAGSTER_HOME": str(tmp_path / "dh"),
           "OSD_PSEUDONYM_KEY": "test-key", "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--no-publish", *extra], cwd=REPO,
                              capture_output=True, text=True, timeout=600, env=env)

    r = run()
    assert r.returncode == 1, r.stderr[-3000:]
    assert "stops: not published: blocking check stops/validated:quarantine_share failed" in r.stderr
    assert "quarantined=20" in r.stderr and "type-error:occurred_at" in r.stderr
    assert "2024-13-45" not in r.stderr + r.stdout
    mapping = src / "newtown" / "stops.mapping.yaml"
    mapping.write_text(mapping.read_text().replace('format: "%m/%d/%Y"', 'format: "%m/%d/%Y", missing: ["2024-13-45"]'))
    r = run()
    assert r.returncode == 0, r.stderr[-3000:]
    assert "already ingested" not in r.stderr  # a changed mapping: ingested again
    r = run()
    assert "newtown.csv: already ingested with the same content and contract, skipped (--force to redo)" in r.stderr
    r = run("--force")
    assert r.returncode == 0 and "already ingested" not in r.stderr


def test_builtin_dataset_files_hold_no_agency_knowledge() -> None:
    """Datasets keep their standardized shape, public schema and policy; every source (the nine real samples' and
    the fictional demo agencies') lives in an agency folder, and no dataset file names an agency."""
    import yaml

    specs = load_specs()
    agencies = {s.agency for spec in specs for s in spec.sources}
    assert len(agencies) >= 11
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "sources" not in yaml.safe_load(text), path.name
        assert not [a for a in agencies if a.casefold() in text.casefold()], path.name
    for spec in specs:
        for s in spec.sources:
            assert s.mapping_path is not None and s.mapping_path.parent.parent.name == "sources", s.name
            assert s.contract_path.parent == s.mapping_path.parent, s.name  # side by side
