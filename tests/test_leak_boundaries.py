"""The leak verifier matches codes (case numbers, plates, licences) on whole tokens only."""

import pandas as pd

from redaction import verify


def _scan(value: str, text: str) -> list[str]:
    ids = verify.collect_identifiers(pd.DataFrame({"case": [value]}), {"case": "ID"})
    rep = verify.scan_table("t", pd.DataFrame({"c": [text]}), ids, sweep_patterns=False)
    return [f.entity_type for f in rep.findings]


def test_code_inside_a_pseudonym_is_not_a_hit():
    assert _scan("19-646", "alg_ed64e68e64a19646") == []
    assert _scan("19-646", "cmp_19646ab") == []


def test_code_as_written_or_compacted_is_a_hit():
    assert _scan("19-646", "complaint 19-646 was closed") == ["ID"]
    assert _scan("19-646", "complaint 19 646 was closed") == ["ID"]
    assert _scan("19-646", "ref 19646.") == ["ID"]
    assert _scan("2024-001234", "case no 2024001234 see") == ["ID"]
