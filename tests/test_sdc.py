"""Tests of redaction.sdc: ladders, k-anonymity search, recount, l-diversity, small-cell suppression."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest

from redaction import sdc, structured
from redaction.errors import SdcError

# ------------------------------------------------------------------------------------------------- helpers


def stops(n: int, seed: int = 0, n_blocks: int = 300) -> pd.DataFrame:
    """Synthetic de-identified stops (level-0 values) with auxiliary beat/district columns."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2023-01-01", "2023-06-30").strftime("%Y-%m-%d").to_numpy()
    b = rng.integers(0, n_blocks, n)
    beat = b // 15
    return pd.DataFrame(
        {
            "stop_id": [f"S{i:07d}" for i in range(n)],
            "occurred_date": days[rng.integers(0, len(days), n)],
            "occurred_hour": [f"{h:02d}:00" for h in rng.integers(0, 24, n)],
            "location": [f"{x * 100} block of MAIN ST" for x in b],
            "beat": [f"B{x}" for x in beat],
            "district": [f"D{x // 5}" for x in beat],
            "subject_age_band": sdc.age_band(rng.integers(18, 80, n)).to_numpy(),
            "subject_race": rng.choice(["White", "Black", "Hispanic"], n, p=[0.45, 0.3, 0.25]),
            "subject_sex": rng.choice(["M", "F"], n, p=[0.7, 0.3]),
            "outcome": rng.choice(["warning", "citation", "arrest"], n, p=[0.5, 0.4, 0.1]),
        }
    )


STOPS_CFG = {
    "k": 5,
    "max_suppression": 0.01,
    "quasi_identifiers": {
        "occurred_date": {"ladder": "date", "levels": ["day", "week", "month", "quarter"]},
        "occurred_hour": {"ladder": "time", "levels": ["hour", "4h", "part_of_day"]},
        "location": {"ladder": "columns", "levels": ["location", "beat", "district"]},
        "subject_age_band": {"ladder": "age", "levels": ["5y", "10y", "minor_adult"]},
        "subject_race": {"ladder": "none"},
        "subject_sex": {"ladder": "none"},
    },
}
QIS = list(STOPS_CFG["quasi_identifiers"])


def assert_no_values(text: str, df: pd.DataFrame, columns: list[str]) -> None:
    """No cell value of `columns` appears in `text` (values shorter than 4 characters are too generic)."""
    for c in columns:
        for v in df[c].dropna().astype(str).unique():
            if len(v) >= 4:
                assert v not in text, f"a value of {c} leaked"


# -------------------------------------------------------------------------------------------------- ladders


@pytest.mark.parametrize(
    ("age", "level", "expected"),
    [
        (0, "5y", "0-9"), (9, "5y", "0-9"), (10, "5y", "10-14"), (14.9, "5y", "10-14"), (15, "5y", "15-17"),
        (17, "5y", "15-17"), (17.99, "5y", "15-17"), (18, "5y", "18-19"), (20, "5y", "20-24"),
        (84, "5y", "80-84"), (85, "5y", "85+"), (119, "5y", "85+"),
        (17, "10y", "0-17"), (18, "10y", "18-29"), (29, "10y", "18-29"), (30, "10y", "30-39"), (80, "10y", "80+"),
        (17, "minor_adult", "minor"), (18, "minor_adult", "adult"), (0, "minor_adult", "minor"),
        (-1, "5y", None), (120, "5y", None), (None, "5y", None), (float("nan"), "10y", None),
    ],
)
def test_age_band(age, level, expected):
    assert sdc.age_band(pd.Series([age], dtype="Float64"), level).iloc[0] == expected


def test_age_band_keeps_index_and_accepts_nullable_ints():
    s = pd.Series([17, pd.NA, 40], dtype="Int64", index=[10, 20, 30])
    out = sdc.age_band(s)
    assert list(out.index) == [10, 20, 30]
    assert out.tolist() == ["15-17", None, "40-44"]


@pytest.mark.parametrize("level", ["10y", "minor_adult"])
def test_age_ladder_is_a_hierarchy(level):
    ages = pd.Series(np.arange(0, 120))
    from_labels = sdc.generalize_age_band(sdc.age_band(ages, "5y"), level)
    assert from_labels.tolist() == sdc.age_band(ages, level).tolist()
    # no 5-year band straddles the age of majority
    by_band = pd.DataFrame({"band": sdc.age_band(ages, "5y"), "ma": sdc.age_band(ages, "minor_adult")})
    assert by_band.groupby("band")["ma"].nunique().max() == 1


@pytest.mark.parametrize(
    ("label", "level", "expected"),
    [("15-17", "10y", "0-17"), ("26-35", "10y", "26-35"), ("26-35", "minor_adult", "adult"),
     ("56+", "10y", "56+"), ("85+", "10y", "80+"), ("12-16", "minor_adult", "minor"), ("0-17", "10y", "0-17")],
)
def test_generalize_age_band_labels(label, level, expected):
    assert sdc.generalize_age_band(pd.Series([label, None]), level).tolist() == [expected, None]


def test_age_band_refusing_to_refine_and_bad_labels():
    with pytest.raises(SdcError, match="refine"):
        sdc.generalize_age_band(pd.Series(["adult"]), "5y")
    with pytest.raises(SdcError, match="1 distinct value") as e:
        sdc.generalize_age_band(pd.Series(["Jane Q Doe", "20-24"], name="subject_age_band"), "10y")
    assert "Jane" not in str(e.value) and "subject_age_band" in str(e.value)


@pytest.mark.parametrize(
    ("value", "level", "expected"),
    [
        ("2024-03-15", "day", "2024-03-15"), ("2024-03-15", "week", "2024-W11"), ("2024-03-15", "month", "2024-03"),
        ("2024-03-15", "quarter", "2024-Q1"), ("2024-12-30", "week", "2025-W01"), ("2027-01-01", "week", "2026-W53"),
        ("2024-10-01", "quarter", "2024-Q4"), ("2024-12-31", "year", "2024"),
        ("2024-W05", "month", "2024-02"),  # Thursday 1 Feb 2024
        ("2025-W01", "quarter", "2025-Q1"), ("2024-07", "quarter", "2024-Q3"), ("2024-Q3", "year", "2024"),
        (pd.Timestamp("2024-03-15 13:45"), "month", "2024-03"),
    ],
)
def test_generalize_date(value, level, expected):
    assert sdc.generalize_date(pd.Series([value, None], dtype=object), level).tolist() == [expected, None]


@pytest.mark.parametrize(("value", "level"), [("2024-03", "day"), ("2024-Q1", "month"), ("2024-W05", "day")])
def test_generalize_date_refuses_to_refine(value, level):
    with pytest.raises(SdcError, match="refine"):
        sdc.generalize_date(pd.Series([value]), level)


def test_generalize_date_bad_values_counted_not_shown():
    s = pd.Series(["2024-02-30", "555-0199", "2024-02-01", "2024-02-01"], name="occurred_date")
    with pytest.raises(SdcError) as e:
        sdc.generalize_date(s, "month")
    msg = str(e.value)
    assert "2 distinct value" in msg and "555-0199" not in msg and "2024-02-30" not in msg


@pytest.mark.parametrize(
    ("value", "level", "expected"),
    [
        ("00:00", "hour", "00:00"), ("07:45", "hour", "07:00"), ("13:05:09", "hour", "13:00"), (9, "hour", "09:00"),
        ("00:00", "4h", "00:00-03:59"), ("05:00", "4h", "04:00-07:59"), ("11:00", "4h", "08:00-11:59"),
        ("23:00", "4h", "20:00-23:59"), ("05:00", "part_of_day", "night"), ("06:00", "part_of_day", "morning"),
        ("12:00", "part_of_day", "afternoon"), ("17:59", "part_of_day", "afternoon"),
        ("18:00", "part_of_day", "evening"), ("08:00-11:59", "4h", "08:00-11:59"),
    ],
)
def test_generalize_time(value, level, expected):
    assert sdc.generalize_time(pd.Series([value, None], dtype=object), level).tolist() == [expected, None]


def test_generalize_time_rejects_bad_hours():
    with pytest.raises(SdcError, match="2 distinct"):
        sdc.generalize_time(pd.Series(["24:00", "noonish", "10:00"]), "hour")


@pytest.mark.parametrize("level", ["day", "week", "month", "quarter", "year"])
def test_date_labels_agree_with_structured_treatment(level):
    when = pd.Series(pd.date_range("2022-12-25", "2025-01-08", freq="D"))
    ours = sdc.generalize_date(when.dt.strftime("%Y-%m-%d"), level)
    theirs = structured.coarsen_date(when, level)
    assert ours.tolist() == theirs.astype(object).tolist()


@pytest.mark.parametrize("level", ["hour", "4h", "part_of_day"])
def test_time_labels_agree_with_structured_treatment(level):
    when = pd.Series(pd.date_range("2024-01-01", periods=24, freq="h"))
    ours = sdc.generalize_time(structured.coarsen_time(when, "hour").astype(object), level)
    assert ours.tolist() == structured.coarsen_time(when, level).astype(object).tolist()


# ----------------------------------------------------------------------------------------------- the policy


def test_parse_config_defaults_and_wrapping():
    cfg = sdc.parse_config({"k_anonymity": {"quasi_identifiers": {"d": {"ladder": "date"}, "r": None}}})
    assert cfg.k == 5 and cfg.max_suppression == 0.01
    assert cfg.quasi_identifiers[0].levels == ("day", "week", "month", "quarter")
    assert cfg.quasi_identifiers[1] == sdc.QuasiIdentifier("r", "none", ("value",))


@pytest.mark.parametrize(
    "bad",
    [
        {"quasi_identifiers": {}},
        {"k": 0, "quasi_identifiers": {"a": {}}},
        {"k": "5", "quasi_identifiers": {"a": {}}},
        {"max_suppression": 2, "quasi_identifiers": {"a": {}}},
        {"quasi_identifiers": {"a": {"ladder": "zodiac"}}},
        {"quasi_identifiers": {"a": {"ladder": "date", "levels": ["day", "fortnight"]}}},
        {"quasi_identifiers": {"a": {"ladder": "date", "levels": ["month", "day"]}}},
        {"quasi_identifiers": {"a": {"ladder": "columns"}}},
        {"quasi_identifiers": {"a": {"ladder": "none", "levels": ["*", "value"]}}},
        {"quasi_identifiers": {"a": {}}, "l_diversity": 2},
        {"quasi_identifiers": {"a": {}}, "sensitive": "a", "l_diversity": 2},
        {"quasi_identifiers": {"a": {}}, "kk": 5},
    ],
)
def test_parse_config_rejects(bad):
    with pytest.raises(SdcError, match="sdc-config"):
        sdc.parse_config(bad)


# ------------------------------------------------------------------------------------------- k-anonymization


def test_table_needing_generalization_reaches_k():
    df = stops(3000)
    assert sdc.recount_k(df, QIS) == 1  # level 0 is unique for most rows
    out, rep = sdc.k_anonymize(df, STOPS_CFG)
    assert rep.k_achieved >= 5
    assert sdc.recount_k(out, QIS) == rep.k_achieved
    assert rep.rows_suppressed == len(df) - len(out) <= 0.01 * len(df)
    assert rep.suppressed_share == pytest.approx(rep.rows_suppressed / len(df))
    assert rep.levels != {q: c["levels"][0] if "levels" in c else "value" for q, c in STOPS_CFG["quasi_identifiers"].items()}
    assert 0 < rep.information_loss < 1
    assert rep.nodes_evaluated <= rep.nodes_total == 4 * 3 * 3 * 3
    # QI values come from the chosen level; auxiliary and other columns untouched; index kept
    assert set(out["location"]) <= set(df[rep.levels["location"]])
    pd.testing.assert_frame_equal(out[["stop_id", "beat", "outcome"]], df.loc[out.index, ["stop_id", "beat", "outcome"]])


def test_already_anonymous_table_is_left_at_level_zero():
    df = pd.DataFrame({"a": ["x"] * 5 + ["y"] * 6, "b": ["2024-01-01"] * 11})
    cfg = {"k": 5, "quasi_identifiers": {"a": {}, "b": {"ladder": "date"}}}
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.levels == {"a": "value", "b": "day"} and rep.information_loss == 0 and rep.k_achieved == 5
    assert out["a"].tolist() == df["a"].tolist()


def test_impossible_target_is_an_sdc_error_without_values():
    df = stops(200)
    cfg = dict(STOPS_CFG, k=500)
    with pytest.raises(SdcError, match="sdc-unreachable") as e:
        sdc.k_anonymize(df, cfg)
    assert "200 rows" in str(e.value)
    assert e.value.code == "sdc-unreachable"
    assert e.value.details["rows_in"] == 200 and e.value.details["k_target"] == 500
    assert_no_values(json.dumps(e.value.details), df, [*QIS, "beat", "district", "stop_id"])
    assert_no_values(str(e.value), df, [*QIS, "beat", "district", "stop_id"])


def test_suppression_limit_is_respected():
    # one lone row in a category that no ladder can merge: suppressible only if the limit allows it
    df = pd.DataFrame({"race": ["A"] * 99 + ["B"], "sex": ["M"] * 100})
    cfg = {"k": 5, "max_suppression": 0.0, "quasi_identifiers": {"race": {}, "sex": {}}}
    with pytest.raises(SdcError, match="1 of 100 rows"):
        sdc.k_anonymize(df, cfg)
    out, rep = sdc.k_anonymize(df, dict(cfg, max_suppression=0.01))
    assert rep.rows_suppressed == 1 and len(out) == 99 and (out["race"] == "A").all()
    # with a "*" level the row can be kept instead, if that loses less
    cfg_star = dict(cfg, quasi_identifiers={"race": {"ladder": "none", "levels": ["value", "*"]}, "sex": {}})
    out, rep = sdc.k_anonymize(df, dict(cfg_star, max_suppression=0.0))
    assert rep.levels["race"] == "*" and len(out) == 100 and rep.information_loss == pytest.approx(0.5)


def test_nulls_stay_null_and_form_their_own_class():
    days = [f"2024-01-{d:02d}" for d in range(1, 15)]  # two ISO weeks, 7 rows a day
    df = pd.DataFrame({"d": [d for d in days for _ in range(7)] + [None] * 10})
    out, rep = sdc.k_anonymize(df, {"k": 7, "max_suppression": 0, "quasi_identifiers": {"d": {"ladder": "date"}}})
    assert rep.levels["d"] == "day" and out["d"].isna().sum() == 10 and rep.k_achieved == 7
    out, rep = sdc.k_anonymize(df, {"k": 10, "max_suppression": 0, "quasi_identifiers": {"d": {"ladder": "date"}}})
    assert rep.levels["d"] == "week" and rep.k_achieved == 10
    assert out["d"].isna().sum() == 10 and set(out["d"].dropna()) == {"2024-W01", "2024-W02"}
    with pytest.raises(SdcError, match="10 of 108 rows"):
        sdc.k_anonymize(df, {"k": 11, "max_suppression": 0, "quasi_identifiers": {"d": {"ladder": "date"}}})


def test_report_holds_no_values():
    df = stops(3000, seed=3)
    _, rep = sdc.k_anonymize(df, STOPS_CFG)
    text = json.dumps(rep.to_dict())
    assert_no_values(text, df, [*QIS, "beat", "district", "stop_id"])
    assert set(rep.to_dict()) >= {"k_target", "k_achieved", "levels", "rows_suppressed", "information_loss"}


STAR_CFG = {
    "k": 3,
    "max_suppression": 0.02,
    "quasi_identifiers": {
        "occurred_date": {"ladder": "date", "levels": ["day", "month", "quarter"]},
        "occurred_hour": {"ladder": "time"},
        "location": {"ladder": "columns", "levels": ["location", "beat", "district"]},
        "subject_race": {"ladder": "none", "levels": ["value", "*"]},
        "subject_sex": {"ladder": "none", "levels": ["value", "*"]},
    },
}


@pytest.mark.parametrize(
    ("seed", "cfg"),
    [(7, STOPS_CFG), (8, STAR_CFG), (9, dict(STAR_CFG, k=5, sensitive="outcome", l_diversity=2))],
    ids=["stops", "star-levels", "l-diversity"],
)
def test_search_finds_the_exhaustive_optimum(seed, cfg):
    """Branch and bound == brute force over the whole lattice with an independent NCP computation."""
    df = stops(2500, seed=seed, n_blocks=60)
    cfg = sdc.parse_config(cfg)
    n, q = len(df), len(cfg.quasi_identifiers)
    ladders = [
        [sdc.generalize(df, cfg, {qi.name: lv})[qi.name] if qi.ladder != "columns" else df[lv] for lv in qi.levels]
        for qi in cfg.quasi_identifiers
    ]
    pens = []
    for levels in ladders:
        base = levels[0]
        d0 = base.nunique()
        pens.append([
            ((pd.DataFrame({"g": g, "b": base}).groupby("g", dropna=False)["b"].transform("nunique") - 1) / (d0 - 1))
            .fillna(0).to_numpy()
            for g in levels
        ])
    best = (np.inf, None)
    for node in itertools.product(*[range(len(qi.levels)) for qi in cfg.quasi_identifiers]):
        g = pd.DataFrame({qi.name: ladders[i][lv] for i, (qi, lv) in enumerate(zip(cfg.quasi_identifiers, node, strict=True))})
        groups = g.groupby(list(g.columns), dropna=False)
        bad = groups[g.columns[0]].transform("size").to_numpy() < cfg.k
        if cfg.l_diversity:
            distinct = df["outcome"].groupby([g[c] for c in g.columns], dropna=False).transform("nunique").to_numpy()
            bad |= distinct < cfg.l_diversity
        if bad.sum() > cfg.max_suppression * n:
            continue
        loss = (sum(pens[i][lv][~bad].sum() for i, lv in enumerate(node)) + bad.sum() * q) / (n * q)
        best = min(best, (loss, node), key=lambda t: t[0])
    assert best[1] is not None, "the test table should be k-anonymizable"
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.information_loss == pytest.approx(best[0])
    assert rep.nodes_evaluated < rep.nodes_total
    rows, rep_rows = sdc.k_anonymize_rows(df, cfg)  # assemble's variant: the kept rows, no table built
    assert rep_rows == rep and np.flatnonzero(rows).tolist() == df.index.get_indexer(out.index).tolist()
    assert sdc.recount_k(out, cfg.qi_columns) >= cfg.k
    if cfg.l_diversity:
        assert sdc.recount_l(out, cfg.qi_columns, "outcome") >= cfg.l_diversity


def test_location_on_two_beats_is_handled():
    """A hundred block split between two beats: beat is not a function of location, the result is still k-anon."""
    df = stops(3000, seed=5)
    split = df["location"] == df["location"].iloc[0]
    df.loc[split, "beat"] = np.where(np.arange(split.sum()) % 2, "B0", "B1")
    out, rep = sdc.k_anonymize(df, STOPS_CFG)
    assert sdc.recount_k(out, QIS) >= 5 == rep.k_target


# --------------------------------------------------------------------------------------------------- recount


def test_recount_catches_a_doctored_release():
    out, rep = sdc.k_anonymize(stops(3000, seed=1), STOPS_CFG)
    assert sdc.recount_k(out, QIS) >= 5
    doctored = out.copy()
    doctored.loc[doctored.index[0], "subject_sex"] = "X"
    assert sdc.recount_k(doctored, QIS) == 1
    doctored = out.copy()
    first_class = doctored[QIS].iloc[0]
    same = (doctored[QIS] == first_class).all(axis=1) | (doctored[QIS].isna() & first_class.isna()).all(axis=1)
    drop = doctored.index[same][: int(same.sum()) - 4]
    assert sdc.recount_k(doctored.drop(drop), QIS) == 4


def test_recount_counts_fully_suppressed_rows_as_suppressed_not_as_a_class():
    df = pd.DataFrame({"a": ["x"] * 5 + ["*", "*"], "b": ["y"] * 5 + ["*", "*"]})
    assert sdc.recount_k(df, ["a", "b"]) == 5
    df.loc[len(df)] = ["*", "z"]  # only partly suppressed: a class of one
    assert sdc.recount_k(df, ["a", "b"]) == 1
    assert sdc.recount_k(df.iloc[5:7], ["a", "b"]) == 0
    df.loc[len(df)] = [None, None]  # a null is a value, not a suppression: a class of one too
    assert sdc.recount_k(df.iloc[[0, 1, 2, 3, 4, 5, 8]], ["a", "b"]) == 1
    with pytest.raises(SdcError, match="missing"):
        sdc.recount_k(df, ["a", "nope"])


# ------------------------------------------------------------------------------------------------ l-diversity


def test_l_diversity():
    rng = np.random.default_rng(2)
    n = 2000
    district = rng.integers(0, 20, n)
    df = pd.DataFrame({
        "occurred_date": pd.date_range("2024-01-01", periods=60).strftime("%Y-%m-%d").to_numpy()[rng.integers(0, 60, n)],
        "district": [f"D{d}" for d in district],
        # within a district on a given day, the outcome is almost always the same: homogeneous classes
        "outcome": np.where(rng.random(n) < 0.92, np.where(district % 2 == 0, "arrest", "warning"), "citation"),
    })
    base = {"k": 3, "max_suppression": 0.02,
            "quasi_identifiers": {"occurred_date": {"ladder": "date"}, "district": {}}}
    out_k, rep_k = sdc.k_anonymize(df, base)
    assert sdc.recount_l(out_k, ["occurred_date", "district"], "outcome") == 1  # k alone leaves homogeneous classes
    assert rep_k.l_achieved is None
    out, rep = sdc.k_anonymize(df, dict(base, sensitive="outcome", l_diversity=2))
    assert rep.l_target == 2 and rep.l_achieved >= 2 and rep.k_achieved >= 3
    assert sdc.recount_l(out, ["occurred_date", "district"], "outcome") == rep.l_achieved
    assert rep.information_loss > rep_k.information_loss
    with pytest.raises(SdcError, match="l=4"):
        sdc.k_anonymize(df, dict(base, sensitive="outcome", l_diversity=4))


# ------------------------------------------------------------------------------------------------ small cells


def _derivable_cells(counts: np.ndarray, out: pd.DataFrame, threshold: int) -> list[tuple[int, int]]:
    """An attacker: a line with exactly one hidden cell and a shown total gives that cell back."""
    nr, nc = counts.shape
    shown = out.to_numpy()
    hidden = np.vectorize(lambda s: not s.isdigit())(shown[:nr, :nc])
    found = []
    if nc > 1:
        for i in range(nr):
            if hidden[i].sum() == 1 and shown[i, nc].isdigit():
                found.append((i, int(np.flatnonzero(hidden[i])[0])))
    if nr > 1:
        for j in range(nc):
            if hidden[:, j].sum() == 1 and shown[nr, j].isdigit():
                found.append((int(np.flatnonzero(hidden[:, j])[0]), j))
    if nr > 1 and nc > 1:
        rt_hidden = [not x.isdigit() for x in shown[:nr, nc]]
        ct_hidden = [not x.isdigit() for x in shown[nr, :nc]]
        if (sum(rt_hidden) == 1 or sum(ct_hidden) == 1) and shown[nr, nc].isdigit():
            found.append((-1, -1))
    return found


def test_small_cells_primary_and_totals():
    t = pd.DataFrame({"warning": [120, 40], "arrest": [30, 25]}, index=["D1", "D2"])
    out = sdc.suppress_small_cells(t)
    assert out.loc["D1", "warning"] == "120" and out.loc["Total", "Total"] == "215"
    assert list(out.columns) == ["warning", "arrest", "Total"] and list(out.index) == ["D1", "D2", "Total"]


def test_small_cells_complementary_suppression():
    t = pd.DataFrame({"a": [3, 50, 40], "b": [20, 30, 60], "c": [25, 12, 70]}, index=["x", "y", "z"])
    out = sdc.suppress_small_cells(t, threshold=11)
    assert out.loc["x", "a"] == "<11"
    assert out.loc["y", "c"] == "12"
    assert (out.loc[["x", "y", "z"], ["a", "b", "c"]] != out.loc[["x", "y", "z"], ["a", "b", "c"]].astype(str)).sum().sum() == 0
    hidden = out.loc[["x", "y", "z"], ["a", "b", "c"]].map(lambda s: not s.isdigit())
    assert hidden.loc["x"].sum() >= 2 and hidden["a"].sum() >= 2
    assert _derivable_cells(t.to_numpy(), out, 11) == []
    assert out.loc["Total", "Total"] == str(t.to_numpy().sum())


def test_small_cells_one_dimension_and_withheld_totals():
    out = sdc.suppress_small_cells(pd.DataFrame({"count": [3, 50, 40]}, index=["arrest", "warning", "citation"]))
    assert out["count"].tolist() == ["<11", "50", "*", "93"]  # the smallest count >= 11 is the complement
    assert out.loc["Total", "count"] == "93"
    # one row, nothing to pair with: the row total is withheld
    out = sdc.suppress_small_cells(pd.DataFrame({"a": [3], "b": [0]}))
    assert out.iloc[0].tolist() == ["<11", "0", "*"]
    # a complement that would pin the small cell (1 + 11 with a known total) is not enough
    out = sdc.suppress_small_cells(pd.DataFrame({"count": [1, 11, 11]}))
    assert out.loc["Total", "count"] == "*"


def test_small_cells_zero_option_and_validation():
    t = pd.DataFrame({"a": [0, 30], "b": [40, 50]})
    assert sdc.suppress_small_cells(t).iloc[0, 0] == "0"
    assert sdc.suppress_small_cells(t, suppress_zero=True).iloc[0, 0] == "<11"
    with pytest.raises(SdcError):
        sdc.suppress_small_cells(pd.DataFrame({"a": [-1, 3]}))
    with pytest.raises(SdcError):
        sdc.suppress_small_cells(t, threshold=0)


@pytest.mark.parametrize("seed", range(12))
def test_small_cells_no_line_gives_a_cell_back(seed):
    rng = np.random.default_rng(seed)
    nr, nc = int(rng.integers(1, 8)), int(rng.integers(1, 8))
    counts = np.where(rng.random((nr, nc)) < 0.3, rng.integers(0, 11, (nr, nc)), rng.integers(11, 80, (nr, nc)))
    t = pd.DataFrame(counts)
    out = sdc.suppress_small_cells(t, 11)
    body = out.iloc[:nr, :nc].to_numpy()
    small = (counts > 0) & (counts < 11)
    assert (body[small] == "<11").all()
    assert all(body[~small & (body != "*")] == counts[~small & (body != "*")].astype(str))
    assert _derivable_cells(counts, out, 11) == []


def test_small_cell_tables_from_spec():
    df = stops(500)
    df["month"] = sdc.generalize_date(df["occurred_date"], "month")
    tables = sdc.small_cell_tables(df, [["district", "month"], ["outcome"]], threshold=11)
    assert set(tables) == {"district_by_month", "outcome"}
    assert tables["outcome"].loc["Total", "count"] == "500"
    with pytest.raises(SdcError, match="missing"):
        sdc.small_cell_tables(df, [["week"]])


def test_input_table_is_not_modified():
    df = stops(3000, seed=1)
    before = df.copy()
    out, rep = sdc.k_anonymize(df, STOPS_CFG)
    pd.testing.assert_frame_equal(df, before)
    assert (out["occurred_date"] != df.loc[out.index, "occurred_date"]).any()
    # nothing suppressed: the shallow copy path
    small = pd.DataFrame({"a": ["2024-01-01"] * 6 + ["2024-01-09"] * 6})
    kept = small.copy()
    out, rep = sdc.k_anonymize(small, {"k": 7, "max_suppression": 0, "quasi_identifiers": {"a": {"ladder": "date"}}})
    pd.testing.assert_frame_equal(small, kept)
    assert out["a"].tolist() == ["2024-01"] * 12 and rep.rows_suppressed == 0


def test_empty_table():
    df = stops(10).iloc[:0]
    out, rep = sdc.k_anonymize(df, STOPS_CFG)
    assert len(out) == 0 and rep.rows_in == 0 and rep.rows_suppressed == 0 and rep.k_achieved == 0
    assert sdc.recount_k(out, QIS) == 0


def test_float_hours_and_non_numeric_crosstabs():
    assert sdc.generalize_time(pd.Series([9.0, np.nan, 23.0]), "4h").tolist() == ["08:00-11:59", None, "20:00-23:59"]
    with pytest.raises(SdcError, match="1 distinct"):
        sdc.generalize_time(pd.Series([9.5]), "hour")
    with pytest.raises(SdcError, match="counts"):
        sdc.suppress_small_cells(pd.DataFrame({"a": ["12", "Jane Doe"]}))


def test_string_dtype_and_missing_values():
    """The structured treatments hand over pandas "string" columns with pd.NA."""
    df = stops(3000, seed=1).astype("string")
    df.loc[df.index[:6], [*QIS, "beat", "district"]] = pd.NA
    out, rep = sdc.k_anonymize(df, STOPS_CFG)
    assert all(isinstance(out[c].dtype, pd.StringDtype) for c in QIS)
    assert out[QIS].isna().all(axis=1).sum() == 6  # a class of its own, kept (6 >= k)
    assert sdc.recount_k(out, QIS) == rep.k_achieved >= 5
    starred = out.copy()
    starred.loc[starred.index[6:9], QIS] = "*"
    # fully starred rows count as suppressed: the same as dropping them
    assert sdc.recount_k(starred, QIS) == sdc.recount_k(out.drop(out.index[6:9]), QIS)
    assert sdc.recount_l(starred, QIS, "outcome") == sdc.recount_l(out.drop(out.index[6:9]), QIS, "outcome")
    starred.loc[starred.index[9], "subject_sex"] = "*"  # one partly starred row: a class of one
    assert sdc.recount_k(starred, QIS) == 1


def test_oversized_lattice_is_refused_before_any_work():
    cfg = {"quasi_identifiers": {f"d{i}": {"ladder": "date"} for i in range(7)}}  # 4**7 = 16384 nodes
    df = pd.DataFrame({f"d{i}": ["2024-01-01"] * 3 for i in range(7)})
    with pytest.raises(SdcError, match="16384 nodes"):
        sdc.k_anonymize(df, cfg)


def test_the_age_ladder_publishes_an_agencys_own_bands_as_given_when_k_allows():
    """Berkeley 2015's bands (1-17, 18-29, 30-39, 40+, from its data file): "18-29" is also a 10y label, and the
    ladder used to refuse it at 5y ("cannot refine"). Now a band coarser than the level asked stays as given."""
    from redaction.sdc.report import utility_report

    given = structured.normalize_age_group(pd.Series(["1 - 17", "18 - 29", "30 - 39", "40 and Above"] * 10))
    assert list(given[:4]) == ["1-17", "18-29", "30-39", "40+"]
    other = pd.Series(["20-24", "25-29", "35-39", "45-49"] * 10)
    df = pd.DataFrame({"age": pd.concat([given, other], ignore_index=True).astype(object)})
    cfg = {"k": 5, "quasi_identifiers": {"age": {"ladder": "age", "levels": ["5y", "10y", "minor_adult"]}}}
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.levels["age"] == "5y" and (out["age"] == df["age"]).all()  # as the agency gave them
    at_ma = sdc.generalize(df, cfg, {"age": "minor_adult"})["age"]
    assert set(at_ma[:40]) == {"minor", "adult"} and set(at_ma[40:]) == {"adult"}
    at_10 = sdc.generalize(df, cfg, {"age": "10y"})["age"]
    assert list(at_10[:4]) == ["0-17", "18-29", "30-39", "40+"]  # into the band holding it; "40+" straddles: as given
    rep = utility_report(out, {}, k=5, ladders={"age": "age"})
    assert set(rep["columns"]["age"]["levels"]) <= {"5y", "10y", "source_band"}
