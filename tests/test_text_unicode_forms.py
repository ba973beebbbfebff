"""Names typed with combining accents (Unicode NFD: "e" then U+0301, as some exports and Mac-made files write them)
are redacted as the same names with precomposed letters are, in the text and in the record's fields; the redactor
reads and writes the composed form (``redaction.text.nfc``), so its spans, outputs and the allow-term path agree.

Before: "Inés Peña" in NFD came out as "[PERSON 2]́s [PERSON 3]" (a stray accent) and "MÜLLER", "LEFÈVRE" and
"peña" were published. The names below are made up here.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any

import pytest

from tests.text_helpers import recase, shown_words

ROWS: list[tuple[str, list[str] | None, list[str]]] = [
    ("Victim José Ramírez stated that his neighbor Inés Peña took the bike.", ["RAMÍREZ, JOSÉ"],
     ["José", "Ramírez", "Inés", "Peña"]),
    ("spoke with josé ramírez and his sister inés peña about the dog", ["RAMIREZ, JOSE"],
     ["josé", "ramírez", "inés", "peña"]),
    ("RP ZOË MÜLLER REPORTED HER EX FRANÇOIS LEFÈVRE AT THE DOOR", None, ["ZOË", "MÜLLER", "FRANÇOIS", "LEFÈVRE"]),
    ("Officer met Nguyễn Thị Hương at the store; Hương said her son Đức ran.", None, ["Nguyễn", "Hương", "Đức"]),
    ("Complainant Sørina Åkesson said Björn Þórsson pushed her.", ["ÅKESSON, SØRINA"],
     ["Sørina", "Åkesson", "Björn", "Þórsson"]),
]
FORMS = ("NFC", "NFD")


def _redacted(redactor: Any, text: str, people: list[str] | None, form: str, fields_form: str) -> str:
    values = [{"PERSON": [unicodedata.normalize(fields_form, p) for p in people]}] if people else None
    return redactor.redact([unicodedata.normalize(form, text)], values)[0].text or ""


@pytest.mark.parametrize("fields_form", FORMS)
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("text", "people", "go"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_combining_accents_redact_as_composed_letters(redactor: Any, text: str, people: list[str] | None,
                                                      go: list[str], form: str, fields_form: str) -> None:
    out = _redacted(redactor, text, people, form, fields_form)
    assert out == unicodedata.normalize("NFC", out), "the output is in composed form"
    assert not any(unicodedata.combining(c) for c in out), "no accent is left over from a cut letter"
    assert shown_words(out, go) == [], out
    assert out == _redacted(redactor, text, people, "NFC", "NFC"), "the same output as from composed text"


def test_decide_spans_refer_to_the_composed_text(redactor: Any) -> None:
    from redaction.text import nfc

    text = unicodedata.normalize("NFD", "Witness Inés Peña saw Zoë leave.")
    spans, _ = redactor.decide([text])[0]
    composed = nfc(text)
    assert composed != text
    assert sorted(composed[s:e] for s, e, kind, _ in spans if kind == "PERSON") == ["Inés Peña", "Zoë"]


def test_the_allow_terms_path_cuts_the_composed_text(redactor: Any) -> None:
    """De-identify's allow-term path applies ``decide``'s spans to the text it wrote them for."""
    from pipelines.stages import _RecordingRedactor

    text = unicodedata.normalize("NFD", "Witness Inés Peña saw the Señor Frog's sign.")
    out = _RecordingRedactor(redactor, allow=["Señor Frog's"]).redact([text])[0].text
    assert out is not None and "Peña" not in out and "Inés" not in out
    assert not any(unicodedata.combining(c) for c in out)


@pytest.mark.parametrize("seed", range(3))
def test_combining_accents_property(redactor: Any, seed: int) -> None:
    """Random made-up accented names, in random casings, NFD in text and fields: every word goes."""
    rng = random.Random(seed)
    given = ["Inés", "José", "Zoë", "Renée", "Ágota", "Łucja", "Noémi", "Çağrı", "Ðorđe", "Hương"]
    family = ["Peña", "Muñoz", "Lefèvre", "Åkesson", "Gonçalves", "Dvořák", "Nuñez", "Ibáñez", "Müller", "Lê"]
    shapes = ["Victim {g} {f} said her car was hit.", "spoke w/ {g} {f} re: the noise", "RP {f}, {g} states",
              "{g} {f} (W/F 34) was cited.", "Ofc. asked {g} {f} to leave; {f} refused."]
    for _ in range(12):
        g, f = rng.choice(given), rng.choice(family)
        text = recase(rng.choice(shapes).format(g=g, f=f), rng.choice(("as", "lower", "upper", "title")))
        record = [f"{f.upper()}, {g.upper()}"] if rng.random() < 0.5 else None
        out = _redacted(redactor, text, record, "NFD", "NFD")
        assert shown_words(out, [g, f]) == [] and not any(unicodedata.combining(c) for c in out), (text, out)
