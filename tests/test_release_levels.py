"""A column that mixes levels (levels per stratum or per row) shows the mix: the preview's "Shown coarser" line
(from the release's utility report) and the site's column profile (read from the released table) give the share
of rows at each level and withheld, not only the level most rows got; the project's own age bands read as their
scheme ("0-17" is a 10-year band of the ladder, not an 18-year one)."""

from __future__ import annotations

import pyarrow as pa

from pipelines.preview import shown_coarser
from pipelines.site.profile import profile_table
from redaction.sdc.report import utility_report

ROLES = {"stop_id": "not_identifying"}
LADDERS = {"occurred_date": "date", "subject_age_band": "age"}


def _table(n_month: int, n_quarter: int, n_year: int, n_star: int) -> dict[str, list[str]]:
    dates = ["2020-03"] * n_month + ["2020-Q2"] * n_quarter + ["2020"] * n_year + ["*"] * n_star
    n = len(dates)
    ages = (["0-17", "18-29", "minor", "adult"] * n)[:n]
    return {"stop_id": [f"s{i}" for i in range(n)], "occurred_date": dates, "subject_age_band": ages,
            "subject_race": ["A"] * (n - 3) + ["*"] * 3, "agency": ["X"] * n}


def _preview_line(cols: dict[str, list[str]]) -> str:
    import pandas as pd

    rep = utility_report(pd.DataFrame(cols), ROLES, k=1, ladders=LADDERS)
    first = {"occurred_date": "day", "subject_age_band": "5y", "subject_race": "value", "agency": "value"}
    return shown_coarser({"levels": {"occurred_date": "month"}}, rep, first)


def test_the_preview_line_gives_every_level_of_a_column_that_mixes_them():
    line = _preview_line(_table(930, 29, 28, 13))
    assert "occurred_date: month 93.0%, quarter 2.9%, year 2.8%, suppressed 1.3%" in line
    assert "subject_age_band: 10y 50.0%, minor_adult 50.0%" in line
    assert "subject_race: value 99.7%, suppressed 0.3%" in line  # as recorded but for a few "*" cells
    assert "agency" not in line  # as recorded in every row: not coarser


def test_a_column_withheld_in_every_row_is_left_to_the_warnings():
    cols = _table(10, 0, 0, 0)
    cols["occurred_date"] = ["*"] * len(cols["occurred_date"])
    assert "occurred_date" not in _preview_line(cols)


def test_without_a_utility_report_the_line_names_the_level_most_rows_got():
    line = shown_coarser({"levels": {"occurred_date": "month", "subject_race": "value"}}, None, {})
    assert line == "Shown coarser: occurred_date as month."


def test_the_site_profile_shows_the_mix_with_shares_and_the_withheld_share():
    cols = _table(930, 29, 28, 13)
    table = pa.table(cols)
    schema = {"fields": [{"name": c, "type": "string"} for c in cols]}
    prof = {p.name: p for p in profile_table(table, schema, 11)}
    date = prof["occurred_date"]
    assert [(c.label, c.share) for c in date.levels] == [("month", "93%"), ("quarter", "3%"), ("year", "3%")]
    assert any(u.startswith("Values mix levels (month 93%, quarter 3%, year 3%; withheld 1%)") for u in date.uses)
    age = prof["subject_age_band"]
    assert [c.label for c in age.levels] == ["10-year age band", "minor or adult only"]
    assert not any("12-year" in c.label or "18-year" in c.label for c in age.levels)
    assert any(u.startswith("Values mix levels (10-year age band 50%, minor or adult only 50%)") for u in age.uses)


def test_the_line_reads_from_fine_to_coarse_whatever_the_order_of_the_report():
    rep = {"columns": {"occurred_hour": {"role": "quasi_identifier", "levels": {
        "4h": 0.207, "hour": 0.237, "part_of_day": 0.151, "suppressed": 0.405}}}}
    line = shown_coarser({}, rep, {"occurred_hour": "hour"})
    assert "occurred_hour: hour 23.7%, 4h 20.7%, part_of_day 15.1%, suppressed 40.5%" in line


def test_a_place_column_published_at_two_levels_is_reported_at_both():
    import pandas as pd

    n = 20
    df = pd.DataFrame({"location": ["B1"] * 10 + ["North"] * 6 + ["*"] * 4,
                       "district": ["North"] * 10 + ["North"] * 6 + ["*"] * 4, "agency": ["X"] * n})
    rep = utility_report(df, {}, k=1, ladders={"location": "columns"}, levels={"location": "beat"})
    assert rep["columns"]["location"]["levels"] == {"beat": 0.5, "district": 0.3, "suppressed": 0.2}
