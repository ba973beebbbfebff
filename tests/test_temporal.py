import pytest

from redaction.temporal import redact_temporal


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 03/14/2024 at approx 1430 hrs R/O", "On [DATE 1] at approx [TIME 1] R/O"),
        ("on March 14, 2024 at 2:30 pm and again March 14, 2024", "on [DATE 1] at [TIME 1] and again [DATE 1]"),
        ("reported 2024-03-14; seen 14 March 2024 at 9 am", "reported [DATE 1]; seen [DATE 2] at [TIME 1]"),
        ("10-4, unit 2B, case 2024-001234, [PHONE 1], 4500 block", "10-4, unit 2B, case 2024-001234, [PHONE 1], 4500 block"),
        ("DOB [DATE_OF_BIRTH 1] called at 23:05", "DOB [DATE_OF_BIRTH 1] called at [TIME 1]"),
    ],
)
def test_dates_and_times_become_numbered_placeholders(text, expected):
    out, counts = redact_temporal(text, ["DATE", "TIME"])
    assert out == expected
    assert sum(counts.values()) == expected.count("[DATE ") + expected.count("[TIME ")


def test_none_and_kinds_subset():
    assert redact_temporal(None, ["DATE"]) == (None, {})
    assert redact_temporal("at 1430 hrs on 3/4/24", ["DATE"])[0] == "at 1430 hrs on [DATE 1]"
