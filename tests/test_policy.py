"""Policy as data: deny by default, one treatment per public column, structured treatments."""

import pandas as pd
import pytest

from pipelines.specs import load_specs
from redaction import structured
from redaction.errors import PolicyError
from redaction.policy import apply_policy, load_policy

SCHEMA = {
    "fields": [
        {"name": "id", "type": "string"},
        {"name": "race", "type": "string", "constraints": {"enum": ["A", "B"]}},
        {"name": "when", "type": "string"},
    ]
}
STD = ["case", "race", "occurred_at", "name"]
GOOD = {
    "identifiers": {"name": "PERSON"},
    "columns": {
        "id": {"treatment": "pseudonym", "source": "case", "prefix": "x"},
        "race": {"treatment": "keep", "source": "race"},
        "when": {"treatment": "coarsen_date", "source": "occurred_at", "to": "month"},
    },
    "drop": {"name": "direct identifier"},
}


def test_builtin_specs_policies_load():
    specs = load_specs()
    assert {s.name for s in specs} >= {"stops", "incidents", "complaints"}
    for s in specs:
        p = load_policy(s.policy, s.schema, [f["name"] for f in s.standardized], where=s.name)
        assert list(p.columns) == s.public_fields


def test_good_policy_loads():
    p = load_policy(GOOD, SCHEMA, STD)
    assert [t.name for t in p.columns.values()] == ["pseudonym", "keep", "coarsen_date"]


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda p: p["columns"].pop("when"), "no declared treatment"),
        (lambda p: p["columns"].update(extra={"treatment": "keep", "source": "race"}), "not in the public schema"),
        (lambda p: p["drop"].pop("name"), "neither treated nor dropped"),
        (lambda p: p["columns"].update(id={"treatment": "hash", "source": "case"}), "unknown treatment"),
        (lambda p: p["columns"].update(id={"treatment": "pseudonym", "source": "case"}), "needs ['prefix']"),
        (lambda p: p["columns"].update(id={"treatment": "keep", "source": "case"}), "only for declared codes"),
        (lambda p: p["columns"]["when"].update(source="nope"), "not standardized columns"),
        (lambda p: p["drop"].update(race="x"), "both dropped and used"),
        (lambda p: p["identifiers"].update(name="NAME"), "unknown entity type"),
        (lambda p: p.update(officer_identity="maybe"), "officer_identity"),
    ],
)
def test_policy_refuses_undeclared(mutate, message):
    import copy

    p = copy.deepcopy(GOOD)
    mutate(p)
    with pytest.raises(PolicyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_policy(p, SCHEMA, STD)


def test_apply_policy_only_public_columns_come_out():
    p = load_policy(GOOD, SCHEMA, STD)
    std = pd.DataFrame(
        {
            "case": ["C-1", "c-1 ", "C-2"],
            "race": ["A", "B", None],
            "occurred_at": pd.to_datetime(["2024-03-14 10:00", "2024-04-01", None], format="ISO8601"),
            "name": ["Jane Doe", "John Roe", "X Y"],
        }
    )
    out = apply_policy(p, std, key=b"k1").frame
    assert list(out.columns) == ["id", "race", "when"]
    assert out["id"][0] == out["id"][1] != out["id"][2]  # normalized before hashing
    assert out["id"][0].startswith("x_") and len(out["id"][0]) == 18
    assert list(out["when"].fillna("")) == ["2024-03", "2024-04", ""]
    assert "Jane Doe" not in out.to_csv()
    other = apply_policy(p, std, key=b"k2").frame
    assert other["id"][0] != out["id"][0]  # keyed: another key, other pseudonyms
    with pytest.raises(PolicyError, match="key"):
        apply_policy(p, std, key=b"")


@pytest.mark.parametrize(
    "address, block",
    [
        ("4512 Elm Ave", "4500 BLOCK OF ELM AVE"),
        ("4512 Elm Ave Apt 4", "4500 BLOCK OF ELM AVE"),
        ("17 N Main St #12B", "0 BLOCK OF N MAIN ST"),
        ("1423 W Elm St, Rivertown, WA 98101", "1400 BLOCK OF W ELM ST"),
        ("Elm Ave & 5th St", "ELM AVE & 5TH ST"),
        ("3rd Ave and Pine St", "3RD AVE AND PINE ST"),
        ("3 AVE && E 103 ST", "3 AVE && E 103 ST"),
        ("STANTON ST/ RUSSELL ST", "STANTON ST/ RUSSELL ST"),
        ("133-50 125 ST", "133-00 BLOCK OF 125 ST"),
        ("1200-1210 Main St", "1200 BLOCK OF MAIN ST"),
        ("3 AVE", "3 AVE"),
        ("123 1/2 Main St", "100 BLOCK OF 1/2 MAIN ST"),
        ("245 S 5th Ave; plate 7ABC123 towed", "200 BLOCK OF S 5TH AVE"),
        ("Elm Ave; note", "ELM AVE"),
        (None, None),
    ],
)
def test_hundred_block(address, block):
    out = structured.hundred_block(pd.Series([address], dtype="string"))[0]
    assert (out if pd.notna(out) else None) == (block.replace("BLOCK OF", "block of") if block else None)


@pytest.mark.parametrize(
    "level, expected",
    [("day", "2024-03-14"), ("week", "2024-W11"), ("month", "2024-03"), ("quarter", "2024-Q1"), ("year", "2024")],
)
def test_coarsen_date(level, expected):
    assert structured.coarsen_date(pd.Series(pd.to_datetime(["2024-03-14 02:13"])), level)[0] == expected


@pytest.mark.parametrize("level, expected", [("hour", "02:00"), ("4h", "00:00-03:59"), ("part_of_day", "night")])
def test_coarsen_time(level, expected):
    assert structured.coarsen_time(pd.Series(pd.to_datetime(["2024-03-14 02:13"])), level)[0] == expected


def test_age_band_prefers_dob_then_age_then_group():
    dob = pd.Series(pd.to_datetime(["2000-06-15", None, None]))
    at = pd.Series(pd.to_datetime(["2024-06-14", "2024-01-01", "2024-01-01"]))
    age = pd.Series([None, 41, None], dtype="Int64")
    group = pd.Series([None, None, "26 - 35"], dtype="string")
    out = structured.age_band(dob=dob, at=at, age=age, group=group)
    assert structured.age_years(dob, at)[0] == 23  # the day before the birthday
    assert out[2] == "26-35"
    assert out[0] != out[1] and pd.notna(out[0]) and pd.notna(out[1])


def test_redact_text_also_replaces_dates_and_times():
    class Identity:
        def redact(self, texts, record_values):
            from redaction.text import RedactedText

            return [RedactedText(t, {}) for t in texts]

    schema = {"fields": [{"name": "text", "type": "string"}]}
    pol = {"columns": {"text": {"treatment": "redact_text", "source": "n", "also": ["DATE", "TIME"]}}}
    p = load_policy(pol, schema, ["n"])
    std = pd.DataFrame({"n": ["seen 03/14/2024 at 1430 hrs", None]})
    out = apply_policy(p, std, key=b"k", text_redactor=Identity())
    assert out.frame["text"][0] == "seen [DATE 1] at [TIME 1]" and pd.isna(out.frame["text"][1])
    assert out.redactions == {"DATE": 1, "TIME": 1}
    with pytest.raises(PolicyError, match="'also' takes"):
        load_policy({"columns": {"text": {"treatment": "redact_text", "source": "n", "also": ["DOB"]}}}, schema, ["n"])


def test_pseudonym_is_the_documented_keyed_hash():
    """`<prefix>_` + the first 16 hex digits of HMAC-SHA256(key, "<prefix>:<trimmed upper-cased value>"): the
    published pseudonyms must not change between versions of this code (they link records across releases)."""
    import hashlib
    import hmac

    import pandas as pd

    from redaction import structured

    out = structured.pseudonym(pd.Series([" a-12", "A-12 ", None, "b-7"]), b"key", "off")
    want = "off_" + hmac.new(b"key", b"off:A-12", hashlib.sha256).hexdigest()[:16]
    assert out.tolist()[:2] == [want, want] and pd.isna(out[2]) and out[3] != want and len(out[3]) == 20
