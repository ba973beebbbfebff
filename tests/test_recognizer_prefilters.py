"""The recognizers' speed-ups (``REQUIRES``, ``CONTEXT_PREFILTER``, ``ANCHORS`` in ``recognizers/_base.py``) only skip
work: every recognizer finds exactly what it finds with them switched off."""

from __future__ import annotations

import itertools
import os

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from redaction.recognizers import default_recognizers  # noqa: E402

# Fragments in the shapes the patterns look for, and near misses (a cue glued to a word, no digit, no capital pair).
FRAGMENTS = [
    "Witness Jane Doe stated she saw it.", "V/ DOE, JANE told P/O JT", "BOATENG'S ADDRESS IS 12 Elm St.",
    "AC stated that FQ #4471 left.", "HL, 43 H/F was present", "ZB's car", "complainant AC", "Officer FQ (badge 7351)",
    "DOB: 03/14/1987", "dobjanuary 5, 1990", "born 14 March 1987", "plate 7ABC123", "plate 1xkp590",
    "TAN LINCOLN TOWN CAR SYY9456", "Honda Civic JAD9670", "VIN 1HGCM82633A004352", "vin 1HGCM82633A004353",
    "call 510-555-0142", "SSN 123-45-6789", "social 123456789", "case # 24-001234", "CCRB 2019-12345",
    "DL B3018246", "32/W/F", "W/M 20s", "a 27 year old", "(M/34)", "in her 30s", "ÉÑ stated", "x-AB was",
    "(AB) was", "#AB was", "A.BC was", "ABCD was", "'AB was", "the driver, 27, said", "NO SUSPECT INFORMATION",
    "MARIA GONZALEZ WAS ARRESTED", "ÉAB was", "½AB was", "Ⅻ AB's car", "victim (JT) said", "C/JT was", "told\nRG to",
    "P.O.JT", "named\u2003MF", "mail jdoe@example.org", "Ms. Ngozi Balogun called", "Sgt. West #12", "", "   ",
]


def _texts() -> list[str]:
    pairs = [" ".join(p) for p in itertools.combinations(FRAGMENTS, 2)]
    return FRAGMENTS + pairs + [f.lower() for f in FRAGMENTS] + [f.upper() for f in FRAGMENTS]


@pytest.mark.parametrize("rec", default_recognizers(), ids=lambda r: type(r).__name__)
def test_prefilters_change_no_match(rec) -> None:
    plain = type(rec)()
    plain._requires, plain._anchors = {}, {}
    plain.CONTEXT_PREFILTER = False  # on the instance: the class keeps its own setting
    texts = _texts()
    expected = [plain.find(t) for t in texts]
    assert any(expected), "the texts must give this recognizer something to find"
    assert [type(rec)().find(t) for t in texts] == expected


def test_prefilters_are_in_use() -> None:
    recs = default_recognizers()
    assert any(r._requires for r in recs) and any(r._anchors for r in recs) and any(r.CONTEXT_PREFILTER for r in recs)


def test_initials_matches_are_the_regex_matches() -> None:
    """``initials._initials_matches`` finds what the pair's regex finds, on random strings of its characters."""
    import random
    import re

    from redaction.text.initials import _initials_matches

    rng = random.Random(7)
    alphabet = "HFhf. \t\nXé_1-É"
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for ini in ("HF", "ÉF", "H1"):
            rx = re.compile(r"(?<![\w.])" + re.escape(ini[0]) + r"(?:\.\s?)?" + re.escape(ini[1]) + r"\.?(?![\w])")
            expected = [m.span() for m in rx.finditer(text)]
            assert _initials_matches(text, ini) == expected, (text, ini)
            found += len(expected)
    assert found > 100


def test_lookbehinds_by_length_are_the_lookbehinds_by_word() -> None:
    """``positions._after_words`` (one look-behind per length of word) allows the positions one look-behind per word
    allows, on random strings of the words and their neighbours."""
    import random
    import re

    from redaction.text.positions import _SUBJECT_CUES, _after_words

    words = _SUBJECT_CUES + ("me", "us", "s1", "w2")
    grouped = re.compile(r"(?:" + _after_words(words) + r")[^\W\d_]")
    each = re.compile(r"(?:" + "|".join(rf"(?i:(?<=\b{w}\s))" for w in words) + r")[^\W\d_]")
    rng = random.Random(11)
    pieces = [*words[:12], "THAT", "Said", "S1", "xthat", "thatx", "bUT", " ", "\t", "\n", ".", "Ana", "é", "1"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ")) for _ in range(rng.randint(0, 8)))
        expected = [m.span() for m in each.finditer(text)]
        assert [m.span() for m in grouped.finditer(text)] == expected, text
        found += len(expected)
    assert found > 1000


def test_cheap_tests_before_name_hold_where_the_searches_match() -> None:
    """The string tests ``people`` runs before its searches before a name hold wherever those searches match (they
    only skip work): "and"/"or"/"/" before ``_AND_BEFORE``, a prefix's or a particle's ending before the others."""
    import random

    from redaction.text import people as P

    rng = random.Random(5)
    pieces = ["Ana", "and", "AND", "or", "&", "+", "/", "de", "DE", "la", "St.", "st", "Lil", "LIL", "lil'", "li’l",
              "Baby", "big", "yung", "mac", "an", "x", " ", "\t", "\n", ",", "-", "'", "é", "ní", "İ", "van", "ſt"]
    found = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ")) for _ in range(rng.randint(0, 8)))
        for s in range(len(text) + 1):
            before = text[max(0, s - 12):s]
            last = before.rstrip().lower() if before.isascii() else None
            if P._AND_BEFORE.search(text, max(0, s - 40), s):
                assert P._joined_before(text, s), (text, s)
                found += 1
            if P._PREFIX_BEFORE.search(text, max(0, s - 10), s) or P._LOWER_PREFIX_BEFORE.search(text, max(0, s - 10), s):
                assert last is None or last.endswith(P._PREFIX_ENDS), (text, s)
                found += 1
            if P._PARTICLES_BEFORE.search(text, max(0, s - 12), s):
                assert last is None or last.endswith(P._PARTICLE_ENDS), (text, s)
                found += 1
    assert found > 1000
