"""``wordtrie.trie_compile``: the same matches as ``re.compile``, with each alternation's alternatives grouped by
their first character.

The redactor compiles its longest cue alternations with it; a difference in one match would change what is
redacted, so equality is checked on random alternations and on the package's own patterns over varied texts.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import redaction.text as text_package
from redaction.wordtrie import trie_compile

_WORDS = ["and", "an", "a", "or", "were", "was", "wa", "is", "i", "include", "includes", "including", "in",
          "said", "says", "sa", "stated", "states", "st", "k", "kilo", "kb", "mom", "mother", "mo", "x"]
_TEXT_WORDS = _WORDS + ["AND", "Was", "WAS", "Kilo", "ſ", "K", "İ", "İs", "Mo.", "st.", "x1", "'s", "-", ",", "\n"]


def _matches(rx: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)]


def _random_pattern(rnd: random.Random) -> str:
    def alt(depth: int) -> str:
        parts = []
        for _ in range(rnd.randint(2, 9)):
            w = re.escape(rnd.choice(_WORDS))
            roll = rnd.random()
            if roll < 0.15 and depth < 2:
                w += "(?:" + alt(depth + 1) + ")"
            elif roll < 0.25:
                w = "(" + w + ")"
            elif roll < 0.35:
                w += r"\s+" + re.escape(rnd.choice(_WORDS))
            elif roll < 0.4:
                w = r"[aeiou]" + w
            parts.append(w)
        return "|".join(parts)

    body = alt(0)
    head = rnd.choice(["", r"(?<![\w'])", r"\b"])
    tail = rnd.choice(["", r"(?!\w)", r"\b", r"(?P<n>\s+\w+)?", r"s?"])
    return head + rnd.choice(["(?i:" + body + ")", "(?:" + body + ")", "(" + body + ")"]) + tail


@pytest.mark.parametrize("seed", range(300))
def test_random_alternations_match_as_re_does(seed: int) -> None:
    rnd = random.Random(seed)
    pattern = _random_pattern(rnd)
    flags = rnd.choice([0, re.IGNORECASE, re.MULTILINE])
    text = " ".join(rnd.choice(_TEXT_WORDS) for _ in range(60))
    assert _matches(trie_compile(pattern, flags), text) == _matches(re.compile(pattern, flags), text), pattern


def test_groups_flags_and_pattern_are_kept() -> None:
    rx = trie_compile(r"(?P<cue>and|an|or)\s+(\w+)", re.IGNORECASE)
    plain = re.compile(r"(?P<cue>and|an|or)\s+(\w+)", re.IGNORECASE)
    assert (rx.pattern, rx.flags, rx.groups, rx.groupindex) == (plain.pattern, plain.flags, plain.groups, plain.groupindex)
    assert rx.search("Tom AND Jerry").group("cue", 2) == ("AND", "Jerry")


def test_alternatives_are_grouped() -> None:
    """The point of it: one alternative per first letter, where sre's own parser leaves one per word."""
    from re import _constants, _parser

    from redaction.wordtrie import _group_tree

    def top_alternatives(tree) -> int:  # the alternation inside (?i:...)
        (op, av), = tree.data
        inner = av[3].data
        return len(inner[0][1][1]) if inner[0][0] is _constants.BRANCH else 1

    tree = _parser.parse(r"(?i:was|were|wa|and|an|or)")
    assert top_alternatives(tree) == 6
    _group_tree(tree, False)
    assert top_alternatives(tree) == 3  # w(?:as|ere|a) | an(?:d|) | or


def _package_patterns() -> list[re.Pattern[str]]:
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(text_package.__path__):
        module = importlib.import_module(f"{text_package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault((value.pattern, value.flags), value)
    return list(found.values())


_TEXTS = [
    "Officer Lee spoke with the victim, Maria Lopez-Ortiz, who stated her ex-boyfriend Dontrell R. Ochoa (aka "
    "\"Tre\") forced entry. According to the RP, Mr. O'Neill and his sister were at Trader Joe's on Ashby Ave.",
    "v1 said that kevin tran n me were at warsame house. his mom, precious, told sandy to leave. thanks, marisol",
    "SUSP - NGOZI OCHOA\nW - DARNELL L NGUYEN\nRP: self\nFI'D 2 SUBJ: TRAN/KEVIN + OCHOA/LUIS. DOB 01/02/1990",
    "Contact - Begay, Luis\nper RP her bf jamal left in a blk sedan; she goes by 'Lil Bit' on ig @lilbit_22",
    "The door bell was broken. Same MO (mo). Rose Bushes Were Trampled. Seen with mace. Drive, Maria said.",
    "Det. spoke with Ms. O'Neill-Baptiste's sister, Yuki, by phone; her friends call her Sashka. Sincerely, Ana",
]


def test_the_packages_patterns_match_as_re_does() -> None:
    patterns = _package_patterns()
    assert len(patterns) > 100
    for rx in patterns:
        fast = trie_compile(rx.pattern, rx.flags)
        for text in _TEXTS + [t.lower() for t in _TEXTS] + [t.upper() for t in _TEXTS]:
            assert _matches(fast, text) == _matches(rx, text), rx.pattern[:80]
