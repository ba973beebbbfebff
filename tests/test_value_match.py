"""The record-value matchers (``redaction.text.value_match``) find exactly what the variant regexes find.

The regexes (``variants._value_regex``) are the reference; the matchers replace them on ASCII text because
compiling a regex per record value was a quarter of a cold run. Fixed cases, then random texts made of the
value's own words in random casings, separators, initials and punctuation, where the two could part.
"""

from __future__ import annotations

import random

import pytest

from redaction.recognizers.words import fold_same_length
from redaction.text.variants import TextView, _value_regex, value_spans


def _regex_spans(entity: str, value: str, text: str) -> list[tuple[int, int]]:
    rx = _value_regex(entity, value)
    if rx is None:
        return []
    return [m.span() for m in rx.finditer(fold_same_length(text)) if m.end() > m.start()]


def _spans(entity: str, value: str, text: str) -> list[tuple[int, int]]:
    return value_spans(entity, value, TextView(fold_same_length(text)))


FIXED = [
    ("PERSON", "ST. CLAIR, LINDA M", "Linda M. St. Clair met ST. CLAIR, LINDA and linda st clair; Clair left."),
    ("PERSON", "Wei W St. Clair", "Wei W. St. Clair, Wei St Clair and WEI X. Y. ST. CLAIR"),
    ("PERSON", "de la Cruz, Maria", "maria de la cruz, De La Cruz, Cruz, delacruz and Maria Cruz"),
    ("PERSON", "O'Neil-Smith, Jean-Luc", "Jean-Luc O'Neil-Smith; O'NEIL-SMITH, JEAN-LUC; jean luc; O'Neil"),
    ("PERSON", "Li, Jo", "JO LI and Jo Li, li and jo, Joe Lin, LI, JO."),
    ("PERSON", "Ramírez, José", "JOSE RAMIREZ and José Ramírez; ramirez"),
    ("PERSON", "Smith Jr, John", "John Smith Jr. and JR SMITH; Johnson Smithers"),
    ("PERSON", "AL", "AL said Al and al; ALAN"),
    ("PHONE", "(323) 395-5928", "call 3233955928, +1 323.395.5928, 1-323-395-5928 or 13233955928 or (323) 395 5928"),
    ("ID", "W5012663", "DL W5012663, w-501 2663, XW5012663 and W50126630"),
    ("ID", "16-865190", "case 16-865190 / 16865190 / 16 865 190."),
    ("ADDRESS", "4700 N Broad St Apt 12", "at 4700 north broad street, apt. #12; 4700 N. BROAD ST and 4700 N Broad"),
    ("ADDRESS", "12 W 3rd Ave # 4", "12 West 3rd Avenue #4, 12 W 3RD AVE, unit 4"),
    ("DATE_OF_BIRTH", "1987-09-04", "DOB 09/04/1987, 9-4-87, 1987-09-04, Sept 4th, 1987, 4 September 1987, sep. 04 1987"),
    ("DATE_OF_BIRTH", "2001-12-31", "born 12.31.2001 or 12/31/01/5 or 31 Dec, 2001 and 2001-12-31.5"),
    ("DATE_OF_BIRTH", "A1234-567", "dob field holds A1234 567"),
]


@pytest.mark.parametrize(("entity", "value", "text"), FIXED)
def test_fixed_texts(entity: str, value: str, text: str) -> None:
    expected = _regex_spans(entity, value, text)
    assert expected, "the case should hold a match"
    assert _spans(entity, value, text) == expected


@pytest.mark.parametrize("text", [
    "O’Neil\u00a0Jean-Luc said “Jean-Luc O’Neil” — JEAN-LUC O'NEIL… jean\u2009luc o'neil",
    "call\u00a0(323)\u2009395–5928 or 323\u00a0395\u00a05928 — ok",
])
def test_punctuation_beyond_ascii_keeps_the_matchers(text: str) -> None:
    assert TextView(text).ascii is not None
    for entity, value in (("PERSON", "O'Neil, Jean-Luc"), ("PHONE", "323-395-5928")):
        assert _spans(entity, value, text) == _regex_spans(entity, value, text)


def test_non_ascii_text_takes_the_regex() -> None:
    text = "Zoë Ngô met ZOE NGO; 名前 Ngo"
    assert _spans("PERSON", "Ngô, Zoë", text) == _regex_spans("PERSON", "Ngô, Zoë", text) != []


_SEPS = [" ", "  ", ", ", ",", " , ", ". ", ".", "\n", "\t", "-", "/", "'", "", " (", ") ", "_", "\u00a0", "’", " — "]


def _noise(rng: random.Random, words: list[str]) -> str:
    """Words of the value (and look-alikes) in random casings, orders and separators."""
    out = []
    for _ in range(rng.randint(3, 14)):
        r = rng.random()
        if r < 0.6:
            w = rng.choice(words)
        elif r < 0.75:
            w = rng.choice("ABCXYZ") + rng.choice(["", "."])
        elif r < 0.85:
            w = rng.choice(words) + rng.choice(["s", "x", "1", "_"])
        else:
            w = rng.choice(["the", "and", "st", "de", "la", "Jr", "1", "(", "+"])
        w = rng.choice([w, w.lower(), w.upper(), w.title()])
        out.append(w + rng.choice(_SEPS))
    return "".join(out)


VALUES = [
    ("PERSON", "ST. CLAIR, LINDA M"), ("PERSON", "Wei W St. Clair"), ("PERSON", "de la Cruz, Maria Ann"),
    ("PERSON", "O'Neil-Smith, Jean-Luc"), ("PERSON", "Li, Jo"), ("PERSON", "Ann Ann Ann"), ("PERSON", "AL"),
    ("PERSON", "Van Der Berg, Ed J"), ("PERSON", "Mac an tSaoir, Sean"), ("PERSON", "Dr. Al Amin Jr"),
    ("PHONE", "323-395-5928"), ("PHONE", "1 (213) 111-1111"), ("ID", "W5012663"), ("ID", "AB-12.C4"),
    ("PLATE", "7 SJT 317"),
    ("ADDRESS", "4700 N Broad St Apt 12"), ("ADDRESS", "12 W 3rd Ave # 4"), ("ADDRESS", "Apt 5, 9 Elm Rd"),
    ("DATE_OF_BIRTH", "1987-09-04"), ("DATE_OF_BIRTH", "2001-12-31"), ("DATE_OF_BIRTH", "1990-01-10"),
]


# Other spellings the variants accept, so that the random texts hold near misses and matches of every form.
_EXTRA = {"ADDRESS": ["North", "N.", "Street", "Avenue", "Road", "#", "Unit", "apt.", "West"],
          "DATE_OF_BIRTH": ["09/04/1987", "9-4-87", "Sept", "sep.", "4th", "September", "1987", "87", "12/31/01", "Dec",
                            "31st", "2001", "1990-01-10", "1/10/90", "Jan.", "10th", "January", "1990", "/", ".5"],
          "PERSON": [], "PHONE": ["+1", "1-", "(", ")"], "ID": ["-", "."], "PLATE": []}


@pytest.mark.parametrize(("entity", "value"), VALUES)
def test_random_texts_match_the_regex(entity: str, value: str) -> None:
    rng = random.Random(f"{entity}:{value}")
    words = [w for w in value.replace(",", " ").split() if w] + list(value.replace(" ", ""))[:6] + _EXTRA[entity]
    for _ in range(400):
        text = _noise(rng, words)
        assert _spans(entity, value, text) == _regex_spans(entity, value, text), text
