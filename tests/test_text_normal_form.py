"""Texts as exports write them (``redaction.text.normal_form``): names typed with combining accents (Unicode NFD:
"e" then U+0301, as Mac-made files and some records systems write them), no-break and other Unicode spaces,
zero-width spaces and soft hyphens inside a name, no-break hyphens, HTML character references left by web forms
("O&#39;Brien", "Maria&nbsp;Lopez", "Pe&ntilde;a"), a backtick for an apostrophe ("O`BRIEN"). The redactor reads and
writes one form, so its spans, outputs and the allow-term path agree, and names go as they go in plain text.

Before: "Inés Peña" in NFD came out as "[PERSON 2]\u0301s [PERSON 3]" (a stray accent) and "MÜLLER", "LEFÈVRE" and
"peña" were published; "I told faith to stop" and "contacts: ochoa; nguyen" with no-break spaces kept their names;
"Kev\u200bin Tr\u200ban" kept "in Tr an"; "D`Arcy" was published, and "Maria&nbsp;Lopez" was two people. The names
below are made up here.
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
SPACES = ("\u00a0", "\u2009", "\u202f", "\u3000")
SPACING_ROWS: list[tuple[str, list[str], list[str]]] = [  # (text with "_" for the space, must go, must stay)
    ("I_told_faith_to_stop", ["faith"], ["told", "stop"]),
    ("contacts:_ochoa;_nguyen;_pierre", ["ochoa", "nguyen", "pierre"], ["contacts"]),
    ("spoke_with_kevin_tran_about_the_noise", ["kevin", "tran"], ["noise"]),
    ("her_roommate_ngozi_balogun_called", ["ngozi", "balogun"], ["roommate", "called"]),
    ("RP_TOLD_OFC_THAT_DESHAWN_WILLIAMS_HIT_HER", ["DESHAWN", "WILLIAMS"], ["TOLD", "HIT"]),
    ("Victim_Lopez,_Maria_stated_the_dog_bit_her", ["Lopez", "Maria"], ["dog"]),
]


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


@pytest.mark.parametrize("space", SPACES, ids=[f"U+{ord(c):04X}" for c in SPACES])
@pytest.mark.parametrize(("text", "go", "keep"), SPACING_ROWS, ids=[r[0][:30] for r in SPACING_ROWS])
def test_unicode_spaces_read_as_spaces(redactor: Any, text: str, go: list[str], keep: list[str], space: str) -> None:
    out = redactor.redact([text.replace("_", space)])[0].text or ""
    assert out == redactor.redact([text.replace("_", " ")])[0].text, "the same output as with plain spaces"
    assert shown_words(out, go) == [] and shown_words(out, keep) == keep, out


@pytest.mark.parametrize(("text", "go"), [
    ("Victim Maria Lopez said her neighbor Kev\u200bin Tr\u200ban yelled.", ["Kevin", "Tran", "in", "Tr", "an"]),
    ("Victim Pe\u00adña, Ines stated the car was hers.", ["Peña", "ña", "Ines"]),
    ("Witness Anne\u2011Marie Dubois\u2060 left.", ["Anne", "Marie", "Dubois"]),
    ("\ufeffRP Ngozi Balogun states her ex took the car", ["Ngozi", "Balogun"]),
])
def test_invisible_characters_split_no_name(redactor: Any, text: str, go: list[str]) -> None:
    out = redactor.redact([text])[0].text or ""
    assert shown_words(out, go) == [] and not any(c in out for c in "\u200b\u00ad\u2060\ufeff"), out


def test_one_person_across_a_no_break_hyphen(redactor: Any) -> None:
    out = redactor.redact(["Witness Anne\u2011Marie Dubois left; Dubois later called back."])[0].text
    assert out == "Witness [PERSON 1] left; [PERSON 1] later called back."


def test_decide_spans_refer_to_the_composed_text(redactor: Any) -> None:
    from redaction.text import normal_form

    text = unicodedata.normalize("NFD", "Witness Inés Peña saw Zoë leave.")
    spans, _ = redactor.decide([text])[0]
    composed = normal_form(text)
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


@pytest.mark.parametrize(("text", "expected"), [
    ("Victim Maria&nbsp;Lopez said Kevin&nbsp;Tran yelled; Lopez left.",
     "Victim [PERSON 1] said [PERSON 2] yelled; [PERSON 1] left."),
    ("Witness Sean O&#39;Brien &amp; Aoife D&#x27;Arcy left.", "Witness [PERSON 1] & [PERSON 2] left."),
    ("Victim Ines Pe&ntilde;a stated.", "Victim [PERSON 1] stated."),
    ("Witness Sean O`Brien and Aoife D`Arcy left.", "Witness [PERSON 1] and [PERSON 2] left."),
    ("spoke with sean o`brien and aoife d`arcy", "spoke with [PERSON 1] and [PERSON 2]"),
])
def test_references_and_backticks_read_as_their_characters(redactor: Any, text: str, expected: str) -> None:
    assert redactor.redact([text])[0].text == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the note read &lt;b&gt;help&lt;/b&gt; &#60;i&#62;", "the note read &lt;b&gt;help&lt;/b&gt; &#60;i&#62;"),
    ("R&D at AT&T; the &madeup; code", "R&D at AT&T; the &madeup; code"),
    ("ran `ls` and typed 5`4", "ran `ls` and typed 5`4"),
    ("it&#39;s O&rsquo;Hare &ndash; gate&nbsp;5", "it's O\u2019Hare \u2013 gate 5"),
    ("plain ASCII stays as it is.", "plain ASCII stays as it is."),
])
def test_normal_form_keeps_markup_escaped_and_other_text_as_written(text: str, expected: str) -> None:
    """No escaped markup comes back to life ("<" and ">" stay references), unknown or other references and
    backticks not between letters stay as written."""
    from redaction.text import normal_form

    assert normal_form(text) == expected


def test_record_values_are_read_in_the_same_form(redactor: Any) -> None:
    out = redactor.redact(["Victim O`BRIEN, SEAN said Pe\u0301rez left"], [{"PERSON": ["O'BRIEN, SEAN", "PÉREZ, ANA"]}])
    assert out[0].text == "Victim [PERSON 1] said [PERSON 2] left"
