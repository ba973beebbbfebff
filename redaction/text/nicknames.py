"""Nicknames of English given names, from a public table: the ``nicknames`` package (Apache-2.0), 2,692
hand-curated name -> nickname pairs.

A record person's given name brings its other forms ("WILLIAM" -> "Billy", "Bill"; a field that holds "BILLY" ->
"William"), searched in the narrative like the record's own words (``variants.name_variant_plan``). That table is
English only; ``data/hypocoristics.tsv`` (written for this project, public domain) adds the common short forms of
Spanish, Portuguese, Italian, Slavic, Arabic, Somali, Hebrew, South Asian, Yoruba, Igbo, German and Greek given
names ("Pancho" of Francisco, "Sveta" of Svetlana, "Mo" of Mohammed), both ways, accents folded. Both load once, on
first use (0.07 s, about 1 MB). Its nicknames as given names of people named only in the text
changed nothing on the benchmark's dev split: not used.

Some nicknames are everyday words ("will", "bill", "dot", "chuck"): ``everyday_word`` says which (``names``'s
ambiguous given names, the report-word lists and ``recognizers/data/nickname_words.txt``); ``variants`` takes
those only in a name's shape.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, fold, word_list

_WORDS_FILE = Path(__file__).resolve().parents[1] / "recognizers" / "data" / "nickname_words.txt"
_HYPOCORISTICS = Path(__file__).resolve().parent / "data" / "hypocoristics.tsv"


def _key(name: str) -> str:
    """A table key: the first word, accents folded, lower case ("José María" -> "jose"); "" unless letters."""
    words = fold(name).strip().lower().split()
    return words[0] if words and words[0].isalpha() else ""


@lru_cache(maxsize=1)
def hypocoristic_pairs() -> tuple[tuple[str, str], ...]:
    """(short form, full name) of ``data/hypocoristics.tsv``, as keys (``_key``): ("pancho", "francisco")."""
    pairs = []
    with open(_HYPOCORISTICS, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 2 or cols[0] == "short":
                continue
            short, full = _key(cols[0]), _key(cols[1])
            if short and full and short != full:
                pairs.append((short, full))
    return tuple(pairs)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(name -> its nicknames, nickname -> the names it shortens), lower case, letters only."""
    from nicknames import NickNamer

    namer = NickNamer()

    nick = {k: set(v) for k, v in namer.nickname_lookup.items()}
    canon = {k: set(v) for k, v in namer.canonical_lookup.items()}
    for short, full in hypocoristic_pairs():
        nick.setdefault(full, set()).add(short)
        canon.setdefault(short, set()).add(full)

    def clean(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
        return {k: frozenset(w for w in v if w.isalpha()) for k, v in table.items() if k.isalpha()}
    return clean(nick), clean(canon)


@lru_cache(maxsize=1)
def short_forms() -> frozenset[str]:
    """The short forms of ``data/hypocoristics.tsv`` (keys): some are English words ("memo", "nacho")."""
    return frozenset(s for s, _ in hypocoristic_pairs())


def forms_of(given: str) -> frozenset[str]:
    """The other forms of a given name: its nicknames and, when it is itself a nickname, the names it shortens
    ("william" -> "bill", "billy", "will", ...; "bill" -> "william", "robert", ...). Lower case, letters only."""
    low = fold(given).strip().lower()
    nick, canon = _tables()
    return (nick.get(low, frozenset()) | canon.get(low, frozenset())) - {low}


@lru_cache(maxsize=1)
def _listed_everyday() -> frozenset[str]:
    return word_list(_WORDS_FILE)


def everyday_word(word: str, ambiguous: frozenset[str] | set[str] = frozenset()) -> bool:
    """A nickname that is also an everyday English word ("will", "dot"): in ``ambiguous`` (the caller's list of
    given names that are words), the report-word lists, or ``nickname_words.txt``."""
    low = word.lower()
    return low in ambiguous or low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS or low in _listed_everyday()
