"""Precision on names that are also words, places and report words; family initials lists (issue 15, precision).

Fixed and property-style tests (random casings, separators, names) for ``redaction/text/negatives.py`` and
``initials.initials_lists``: a word the sentence uses as an ordinary word, a verb, a label or part of a place stays;
the same word used as a name, and every name around it, goes. Names are made up here; no record values.
"""

from __future__ import annotations

import random
import re

import pytest

from redaction.text import TextRedactor
from redaction.text.initials import initials_lists
from redaction.text.negatives import refine
from tests.text_helpers import cased as _cased
from tests.text_helpers import shown as _shown


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return starts[nth], starts[nth] + len(word)


# ------------------------------------------------------------------------------------------------ refine (pure)
@pytest.mark.parametrize(("text", "span", "expect"), [
    ("Ms. WILSON's mother arrived.", "WILSON's", ["WILSON"]),  # the possessive stays out of the name
    ("RP ADV HER SON LEFT W/ COUSIN FIONNUALA DEL TORO IN A CAR.", "COUSIN FIONNUALA DEL TORO",
     ["FIONNUALA DEL TORO"]),  # a relation cue is no part of the name
    ("Respondent goes by Subbu.", "Respondent", []),
    ("Moniker: Squeaky / NN: Funmi / True name: Fitzpatrick", "NN", []),
    ("THEODORE CHOI AND HIS MOTHER BEATRICE CHOI RENT THE UNIT UPSTAIRS.", "BEATRICE CHOI RENT", ["BEATRICE CHOI"]),
    ("my kids cant sleep.", "cant sleep", []),
    ("XIAOLING WILL COME IN 8/12.", "XIAOLING WILL COME", ["XIAOLING"]),
    ("HER EX-GIRLFRIEND GUADALUPE MACDONALD FORCED ENTRY INTO THE HOUSE.", "GUADALUPE MACDONALD FORCED ENTRY",
     ["GUADALUPE MACDONALD"]),
    ("POSS HEADED TO CLEMENTE PARK.", "CLEMENTE PARK", []),
    ("lost phone at the Cesar Chavez Rec Center, last seen", "Cesar Chavez", []),
    ("drives a maroon Chrysler Pacifica.", "Pacifica", []),
    ("There was a strong smell of gas.", "strong", []),
    ("The caller said there was no chance of that.", "chance", []),
    ("We will note that no force was used.", "will", []),
    ("The caller said the dog is sweet.", "sweet", []),
    ("THE CALLER SAID THE NEIGHBORS ARE NOBLE PEOPLE.", "NOBLE", []),
    ("P/O JENKINS, BADGE 4386, TOLD HIM", "JENKINS, BADGE", ["JENKINS"]),
    ("my neighbor Xiomara Dvořák's dog got out again", "Xiomara Dvořák's dog", ["Xiomara Dvořák"]),
    ("does anyone know kwesi eze (alias: trigger)??", "know kwesi eze", ["kwesi eze"]),
    ("the officers were looking for his son, R.K.", "son", []),
    ("A BROTHER, TRUE NAME YOUSSEF DVOŘÁK, WAS PRESENT AND REFUSED ID.", "PRESENT", []),
    ("youngin (ignacio siddiqui) hangs out with aoife", "hangs", []),
    ("SEEN AT MAMA FOLA'S KITCHEN ON ELM ST.", "FOLA'S", []),
    ("found my purse behind Story Books & Cafe.", "Cafe", []),
])
def test_refine_drops_what_is_no_name(text: str, span: str, expect: list[str]) -> None:
    s, e = _span(text, span)
    got = refine(text, [(s, e)])[0]
    assert [text[a:b] for a, b in got] == expect


@pytest.mark.parametrize(("text", "span"), [
    ("Faith said Major Church and Sefa Church left.", "Major"),  # a capital in mid-sentence: a name
    ("DE'SHAWN SAID MR. LOVE WAS HOME.", "LOVE"),  # after a title
    ("her son will gray (16) was also present.", "will gray"),  # after a relation cue
    ("HANGS WITH will zhang.", "will zhang"),
    ("OFFICERS CONTACTED CASTELLANOS, NGOZI NICKNAMED GHOST AT THE PARK.", "GHOST"),
    ("spoke to Jae Park about the noise.", "Jae Park"),  # "Park" is a surname unless a place is meant
    ("CONTACT CARD: WRIGHT, DARIUS AKA'S TOO TALL, DARI.", "WRIGHT, DARIUS"),
    ("PASSENGER MAC AN TSAOIR, DARIUS HAD A WARRANT.", "MAC AN TSAOIR, DARIUS"),  # "AN" inside a name
    ("Subj advised that Rich Sweet admitted it.", "Rich Sweet"),
    ("Shany told us that William (Nephew) Ross stashes it.", "Nephew"),
    ("Witness Amir St. John said he saw it.", "Amir"),  # "St." before a name is Saint, not a street
    ("WITNESS AMIR ST. JOHN SAID HE SAW IT.", "AMIR"),
    ("THE OTHER OFFICER WAS YOUNG, BADGE 1234.", "YOUNG"),  # a role before the copula: a name follows
    ('per DeShawn: "Mookie" is Hamza Fox\'s street name.', "Hamza Fox"),
])
def test_refine_keeps_names(text: str, span: str) -> None:
    s, e = _span(text, span)
    assert refine(text, [(s, e)])[0] == [(s, e)]


def test_refine_keeps_a_street_name_found_in_two_pieces() -> None:
    """ "BABY" is a cue word, but "[BABY] [FACE]" is one street name found as two spans."""
    text = "PER RP BABY FACE HAS A KNIFE."
    spans = [_span(text, "BABY"), _span(text, "FACE")]
    assert refine(text, spans) == [[spans[0]], [spans[1]]]


def test_refine_never_cuts_a_record_match() -> None:
    """A record's own name match keeps every character, even a word the lists call a cue or a verb."""
    text = "The caller said her son Will was present."
    s, e = _span(text, "son Will")
    assert refine(text, [(s, e)], fixed=[(s, e)])[0] == [(s, e)]


# -------------------------------------------------------------------------------------- through the redactor
WORD_NAMES = ["Rich", "Sterling", "Noble", "Major", "Strong", "Love", "Bird", "King", "Story", "Chance"]
GIVEN = ["Ngozi", "Folake", "Terrell", "Marisol", "Dariusz", "Oksana"]
# Frames where the word is an ordinary word: (text with {w}, the word must stay)
ORDINARY = [
    "There was a {w} smell in the hallway.",
    "The caller said there was no {w} of that.",
    "It was the {w} thing to see.",
]
# Frames where the word is the name of the record's person
AS_NAME = ["Mr. {w} was home.", "{g} {w} called about the noise.", "Officers spoke with {w}, {g}."]


@pytest.mark.parametrize("seed", range(6))
def test_word_names_property(redactor: TextRedactor, seed: int) -> None:
    """A record person named with a word: every name mention goes; the word used as a word (after a determiner,
    in any casing) stays."""
    rng = random.Random(seed)
    word, given = rng.choice(WORD_NAMES), rng.choice(GIVEN)
    mode = rng.choice(["upper", "lower", "mixed"])
    named = rng.choice(AS_NAME).format(w=word, g=given)
    plain = rng.choice(ORDINARY).format(w=word.lower())
    text = _cased(f"{named} {plain}", mode)
    out = redactor.redact([text], [{"PERSON": [f"{word.upper()}, {given.upper()}"]}])[0].text or ""
    first, rest = out.split(". ", 1)
    assert not _shown(first, word) and not _shown(first, given), (text, out)
    assert _shown(rest, word), (text, out)


@pytest.mark.parametrize("mode", ["upper", "lower", "mixed"])
def test_places_and_report_words_stay(redactor: TextRedactor, mode: str) -> None:
    text = _cased("RP Ngozi Balogun REQ CB. Her cousin Terrell Okafor was seen at Clemente Park near the "
                  "Rosa Parks Transit Center. Ms. Balogun's mother will call back.", mode)
    out = redactor.redact([text])[0].text or ""
    for gone in ("Ngozi", "Balogun", "Terrell", "Okafor"):
        assert not _shown(out, gone), (text, out)
    for kept in ("REQ", "cousin", "Clemente", "Park", "Rosa", "Parks", "Transit", "will", "mother", "call"):
        assert _shown(out, kept), (kept, text, out)
    assert not re.search(r"\]\s*['’]s\b", out) or "'s mother" in out.lower(), out


# ---------------------------------------------------------------------------------------- family initials lists
@pytest.mark.parametrize("seed", range(8))
def test_family_initials_property(redactor: TextRedactor, seed: int) -> None:
    """Children by initials beside the mother's surname, joined by OR/AND/&/commas, in any order: all go."""
    rng = random.Random(seed)
    surname, given = rng.choice(["Garcia-Lopez", "Choi", "Bamidele", "Pham", "Horvat"]), rng.choice(GIVEN)
    letter = surname[0].upper()
    kids = [rng.choice("ABCDEFGHJKLMNPRSTW") + letter for _ in range(rng.randint(2, 3))]
    sep = rng.choice([" OR ", " AND ", " & ", ", "])
    text = (f"ORDER: SMITH, JOHN SHALL NOT CONTACT {surname.upper()}, {given.upper()}, {sep.join(kids)}. "
            "VIOLATION REPORTED BY RP.")
    out = redactor.redact([text], [{"PERSON": [f"{surname.upper()}, {given.upper()}", "SMITH, JOHN"]}])[0].text or ""
    order = out.split("REPORTED BY")[0]
    for kid in kids:
        assert not re.search(r"(?<![\w/])" + kid + r"(?![\w/])", order), (text, out)
    assert "BY RP." in out and "SHALL NOT CONTACT" in out, out


@pytest.mark.parametrize(("text", "words"), [
    ("UNIT ADV DV OR PC CALL. RP OK.", ["Garcia"]),  # different last letters: abbreviations
    ("RP REQ CB. SGT ONSCENE.", ["Pham"]),  # no list
    ("PERSONS AB OR CB LEFT.", ["Smith"]),  # the letter opens no name the record or text holds
])
def test_police_abbreviations_are_no_initials_list(text: str, words: list[str]) -> None:
    assert initials_lists(text, words) == []


def test_initials_list_found() -> None:
    text = "SHALL NOT CONTACT PHAM, TEMITOPE, RP OR AP."
    assert [text[s:e] for s, e in initials_lists(text, ["pham", "temitope"])] == ["RP", "AP"]
