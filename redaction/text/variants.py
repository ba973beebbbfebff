"""Record-aware matching: a record value -> its written variants (one plan each, run as a matcher or a regex)."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from redaction.errors import RedactionError
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    DIRECTIONS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    STREET_SUFFIXES,
    SUFFIX_LOWER,
    UNIT_WORDS,
    fold,
    fold_same_length,
)
from redaction.text.names import AMBIGUOUS_GIVEN, PARTICLES
from redaction.text.nicknames import everyday_word, forms_of, short_forms
from redaction.text.suffix_nicknames import suffix_nicknames, suffix_words
from redaction.text.value_match import (
    DETERMINERS,
    AsciiText,
    Matcher,
    address_matcher,
    alnum_matcher,
    dob_matcher,
    name_matcher,
    phone_matcher,
    plain_text,
)
from redaction.wordtrie import trie_compile

# --------------------------------------------------------------------------------------------------
# Record-aware matching: value -> regex over its written variants
# --------------------------------------------------------------------------------------------------

_B_START = r"(?<![\w])"
_B_END = r"(?![\w])"
_NAME_TOKEN = trie_compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_SEP = r"[\s,]+"
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_PARTICLES = PARTICLES | {"mac", "an"}  # "Mac an tSaoir" is one surname
_TITLES = {"mr", "mrs", "ms", "miss", "dr"} | {t.lower() for t in OFFICER_TITLES}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]


def _tok(t: str) -> str:
    return r"\s*".join(re.escape(p) for p in t.split()) if " " in t else re.escape(t)


def _accent_escape(word: str) -> str:
    """Regex for ``word`` without accents, to run on ``fold_same_length(text)``: "Ramírez" finds "RAMIREZ"."""
    return re.escape(fold_same_length(word))


# A name variant as parts, written once and rendered two ways: as a regex (``name_variant_regexes``) and as a
# matcher (``value_match``). ("w", word): the word, any case; ("x", word): a two-letter word in Title or UPPER case
# only; ("t", word): the word in Title case after a word, a comma or a sentence end and a space; ("o", word): the word,
# any case, not after a determiner and a space (``value_match.DETERMINERS``); ("s",): spaces; ("c",):
# spaces or commas; ("d",): an optional full stop; ("b", middle words): up to one more than their number of
# middle words or initials; ("p", middle words): each middle word, optional, before.
NamePart = tuple[str, ...]


def name_variant_plan(value: str) -> list[tuple[NamePart, ...]]:
    """The written variants of a person's name, longest forms first (each an alternative of parts)."""
    tokens = [t for t in _NAME_TOKEN.findall(value) if len(t) > 1 or len(_NAME_TOKEN.findall(value)) == 1]
    if not tokens:
        return []
    alts: list[tuple[NamePart, ...]] = []
    if len(tokens) >= 2:
        first, last, middle = tokens[0], tokens[-1], tuple(tokens[1:-1])
        # Between the given name and the surname: the middle words, their initials or any initial, in any order
        # ("Wei W. St. Clair" for "Wei W St. Clair"); the middle words may also open the surname ("ST. CLAIR, LINDA").
        alts.append((("w", first), ("b", *middle), ("s",), ("w", last)))
        alts.append((("p", *middle), ("w", last), ("c",), ("w", first), ("b", *middle)))
        alts.append((("w", first), ("c",), ("w", last), ("b", *middle)))  # as the value is written: "ROSE, JUANA K"
        if middle:
            alts.append(_dotted(list(middle) + [last]))
        alts += _nickname_plan(value, tokens)
    # a surname with particles as one unit, before its words alone ("de la Cruz" before "Cruz")
    words = _NAME_TOKEN.findall(value)
    for i, w in enumerate(words):
        if w.lower() in _PARTICLES and (i == 0 or words[i - 1].lower() not in _PARTICLES):
            j = i
            while j < len(words) and words[j].lower() in _PARTICLES:
                j += 1
            if j < len(words):
                alts.append(_dotted(words[i:j + 1]))
    for t in sorted(set(tokens), key=len, reverse=True):
        low = fold(t).lower()
        # every word of the name, common words included ("WEST", "FORD"): the verifier searches them too
        if len(tokens) > 1 and (low in NAME_SUFFIXES or low in _PARTICLES or low in _TITLES):
            continue
        # two letters: only as written in Title or UPPER case, never inside other words
        alts.append((("w", t),) if len(t) >= 3 else (("x", t),))
    return alts


def _given_and_surname(value: str, tokens: list[str]) -> tuple[str, str]:
    """The given name and the surname of a record name: "SURNAME, GIVEN M" or "Given M Surname"."""
    if "," in value:
        after = [t for t in _NAME_TOKEN.findall(value.split(",", 1)[1]) if len(t) > 1]
        return (after[0] if after else ""), tokens[0]
    return tokens[0], tokens[-1]


def name_nicknames(value: str) -> frozenset[str]:
    """The nicknames (or, for a nickname, the full forms) of a record name's given name that its variants search
    (``nicknames.forms_of``): two letters or more ("Mo" of Mohammed: ``ordinary_nickname``), not one of the name's
    own words. Lower case."""
    tokens = [t for t in _NAME_TOKEN.findall(value) if len(t) > 1]
    if len(tokens) < 2:
        return frozenset()
    given, _ = _given_and_surname(value, tokens)
    own = {fold(t).lower() for t in tokens}
    forms = forms_of(given) if given else frozenset()
    return frozenset(w for w in forms if len(w) >= 2 and w not in own) | suffix_nicknames(value)  # "Junior" of a JR


_DIMINUTIVE = ("ie", "y", "i", "a")


def clipped_given(value: str, view: TextView) -> list[str]:
    """Words of the text (lower case) that clip the record name's given name, with or without a pet ending:
    "Sveta" of SVETLANA, "Venky" of VENKATESH, "Dija" of KHADIJA. Four letters or more, never an English word
    (the model's dictionary, ``ordinary_nickname``) nor one of the name's own words, and two letters shorter than
    the name at least: "Francisca" and "Daniela" are other people than FRANCISCO and DANIEL. ASCII texts only."""
    if view.ascii is None:
        return []
    tokens = [t for t in _NAME_TOKEN.findall(value) if len(t) > 1]
    if len(tokens) < 2:
        return []
    given = fold(_given_and_surname(value, tokens)[0]).lower()
    if len(given) < 6:
        return []
    own = {fold(t).lower() for t in tokens}
    out = []
    for w in view.ascii.word_starts():
        if len(w) < 4 or len(w) > len(given) - 2 or w in own or not w.isalpha() or w not in given and not (
                w.endswith(_DIMINUTIVE) and any(w.endswith(e) and len(w) - len(e) >= 3 and w[:-len(e)] in given
                                                for e in _DIMINUTIVE)):
            continue
        if w not in _dictionary() and not ordinary_nickname(w):
            out.append(w)
    return out


def _dictionary() -> frozenset[str]:
    from redaction.text.vocabulary import dictionary_words

    return dictionary_words()


def ordinary_nickname(word: str) -> bool:
    """A nickname that is an everyday word ("will", "dot"; "memo", "nacho" of the non-English short forms, by the
    model's dictionary) or has two letters ("Mo": "MO" is also a modus operandi): searched only in a name's
    shape."""
    return (len(word) <= 2 or everyday_word(word, AMBIGUOUS_GIVEN) or word in suffix_words()
            or (word in short_forms() and word in _dictionary()))


def _nickname_plan(value: str, tokens: list[str]) -> list[tuple[NamePart, ...]]:
    """The given name's nicknames: before the surname and after "surname, " in any case; alone in any case unless
    an everyday word, which alone is taken only in Title case inside a sentence ("told Will", not "he will"), or a
    report word ("vic", "court"), never alone."""
    nicks = sorted(name_nicknames(value), key=lambda w: (-len(w), w))
    if not nicks:
        return []
    _, surname = _given_and_surname(value, tokens)
    full = [a for n in nicks for a in ((("w", n), ("s",), ("w", surname)), (("w", surname), ("c",), ("w", n)))]
    alone = [n for n in nicks if n not in NOT_NAME_WORDS and n not in CAPS_STOP_WORDS]  # "vic", "court": report words
    return full + [(("o", n),) if _word_short_form(n) else (("t", n),) if ordinary_nickname(n) else (("w", n),)
                   for n in alone]


def _word_short_form(word: str) -> bool:
    """A non-English short form that the dictionary also holds ("nacho", "memo", "chico"), no everyday nickname:
    alone in any case, but never after a determiner ("the memo", "a nacho")."""
    return len(word) >= 4 and word in short_forms() and word in _dictionary() and not everyday_word(word, AMBIGUOUS_GIVEN)


def _dotted(words: list[str]) -> tuple[NamePart, ...]:
    """Words in a row, each maybe followed by a full stop ("St. Clair", "de la Cruz")."""
    parts: list[NamePart] = []
    for i, w in enumerate(words):
        if i:
            parts += [("d",), ("s",)]
        parts.append(("w", w))
    return tuple(parts)


def _name_part_regex(part: NamePart) -> str:
    kind, words = part[0], part[1:]
    esc = _accent_escape
    if kind == "w":
        return esc(words[0])
    if kind == "x":
        return "(?-i:" + re.escape(words[0].title()) + "|" + re.escape(words[0].upper()) + ")"
    if kind == "t":
        return r"(?:(?<=[\w,.;!?] )|(?<=[.!?;:]\n))(?-i:" + re.escape(words[0].title()) + ")"  # "\nAl was"
    if kind == "o":
        return "".join(r"(?<!\b" + d + " )" for d in DETERMINERS) + esc(words[0])
    if kind == "b":
        return ("(?:\\s+(?:" + "".join(esc(m) + "|" for m in words) + r"[^\W\d_])(?!\.\w)\.?(?![\w/'’])){0,"
                + str(len(words) + 1) + "}")
    if kind == "p":
        return "".join(r"(?:" + esc(m) + r"\.?\s+)?" for m in words)
    return {"s": r"\s+", "c": _SEP, "d": r"\.?"}[kind]


def name_variant_regexes(value: str) -> list[str]:
    """Regexes (case-insensitive) for the written variants of a person's name, longest forms first.

    Accent-tolerant both ways when run on ``fold_same_length(text)``: "Ramirez" finds "RAMÍREZ" and
    "Ramírez" finds "RAMIREZ".
    """
    return [_B_START + "".join(_name_part_regex(p) for p in a) + _B_END for a in name_variant_plan(value)]


def _digits_regex(digits: str) -> str:
    return r"(?<!\d)" + r"[\s().\-]*".join(digits) + r"(?!\d)"


def phone_variant_regexes(value: str) -> list[str]:
    """Any formatting of the ten digits, with an optional +1 prefix."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) < 7:
        return []
    return [r"(?:\+?1[\s.\-]*)?\(?" + _digits_regex(digits)]


def alnum_variant_regexes(value: str) -> list[str]:
    """Licence, plate, VIN, SSN: the same characters with any spaces or dashes between them."""
    chars = re.sub(r"[^0-9A-Za-z]", "", value)
    if len(chars) < 4:
        return []
    return [r"(?<![A-Za-z0-9])" + r"[\s\-.]*".join(re.escape(c) for c in chars) + r"(?![A-Za-z0-9])"]


def dob_variant_regexes(value: str) -> list[str]:
    """03/14/1987, 3/14/87, 03-14-1987, 1987-03-14, March 14, 1987, Mar 14 1987, 14 March 1987."""
    try:
        d = _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return alnum_variant_regexes(value)
    m, dd, y, yy = d.month, d.day, d.year, d.year % 100
    mon = _MONTH_NAMES[m - 1]
    month = "(?:" + mon + "|" + mon[:3] + r"\.?" + ("|Sept" if m == 9 else "") + ")"
    day = rf"0?{dd}(?:st|nd|rd|th)?"
    alts = [
        rf"(?<![\d/\-.])0?{m}[/\-.]0?{dd}[/\-.](?:{y}|{yy:02d})(?![\d/\-]|\.\d)",
        rf"(?<![\d/\-.]){y}[/\-.]{m:02d}[/\-.]{dd:02d}(?![\d/\-]|\.\d)",
        rf"{_B_START}{month}\s+{day},?\s+{y}{_B_END}",
        rf"{_B_START}{day}\s+{month},?\s+{y}{_B_END}",
    ]
    return alts


def _unit_word(w: str) -> bool:
    return w == "#" or w.lower() in {u.lower() for u in UNIT_WORDS}


def address_variant_plan(value: str) -> list[list[tuple[str, ...]]]:
    """House number + street words + any spelling of suffix/direction/unit, flexible spacing: alternatives of
    parts, ``[\\s,]*`` between parts. ("w", word): the word; ("f", forms...): any form, then an optional full stop;
    ("u",): any unit word, an optional full stop, spaces, an optional "#"."""
    words = re.findall(r"[#]|[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*", value)
    if not words:
        return []
    lookup: dict[str, list[str]] = {}
    for forms in list(STREET_SUFFIXES.values()) + list(DIRECTIONS.values()):
        for f in forms:
            lookup[f.lower()] = forms
    parts: list[tuple[str, ...]] = []
    for w in words:
        lw = w.lower()
        if lw in lookup:
            parts.append(("f", *lookup[lw]))
        elif _unit_word(w):
            parts.append(("u",))
        else:
            parts.append(("w", w))
    alts = [parts]
    # The street line without the unit ("123 Main St" when the record holds "123 Main St Apt 4").
    unit_idx = next((i for i, w in enumerate(words) if _unit_word(w)), None)
    if unit_idx is not None and unit_idx >= 2:
        alts.append(parts[:unit_idx])
    # Without the suffix ("123 Main" for "123 Main St") only when the number + name is specific enough.
    if len(words) >= 3 and words[0][0].isdigit() and words[-1].lower() in SUFFIX_LOWER:
        alts.append(parts[:-1])
    return alts


def _address_part_regex(part: tuple[str, ...]) -> str:
    if part[0] == "f":
        return "(?:" + "|".join(re.escape(f) for f in part[1:]) + r")\.?"
    if part[0] == "u":
        return "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + r")\.?" + r"\s*#?"
    return re.escape(part[1])


def address_variant_regexes(value: str) -> list[str]:
    """House number + street words + any spelling of suffix/direction/unit, flexible spacing."""
    return [_B_START + r"[\s,]*".join(_address_part_regex(p) for p in a) + _B_END for a in address_variant_plan(value)]


_VARIANTS = {
    "PERSON": name_variant_regexes,
    "ADDRESS": address_variant_regexes,
    "DATE_OF_BIRTH": dob_variant_regexes,
    "PHONE": phone_variant_regexes,
    "SSN": alnum_variant_regexes,
    "DRIVER_LICENSE": alnum_variant_regexes,
    "PLATE": alnum_variant_regexes,
    "VIN": alnum_variant_regexes,
    "EMAIL": lambda v: [_B_START + re.escape(v.strip()) + _B_END] if "@" in v else [],
    "ID": alnum_variant_regexes,
}


class TextView:
    """Cheap views of one (folded) text, made on first use, for ``may_occur``."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.ascii = AsciiText(folded) if plain_text(folded) else None  # for the matchers of ``value_spans``
        self._lower: str | None = None
        self._digits: str | None = None
        self._compact: str | None = None

    @property
    def lower(self) -> str:
        if self.ascii is not None:
            return self.ascii.lower
        if self._lower is None:
            self._lower = self.folded.lower()
        return self._lower

    @property
    def digits(self) -> str:
        if self._digits is None:
            self._digits = re.sub(r"\D", "", self.folded)
        return self._digits

    @property
    def compact(self) -> str:
        if self._compact is None:
            self._compact = re.sub(r"[^0-9a-z]", "", self.lower)
        return self._compact


def may_occur(entity: str, value: str, view: TextView) -> bool:
    """A necessary condition for ``_value_regex(entity, value)`` to match the text: False skips compiling a
    regex for a value the text cannot hold (most record values are not in their narrative). Every variant
    holds a name word, the phone's last seven digits, the code's characters, the address's first word, the
    date's two-digit year."""
    if entity not in _VARIANTS:
        return True  # _value_regex reports the unknown type
    v = fold_same_length(value).lower()
    if entity == "PERSON":
        return any(t in view.lower for t in _NAME_TOKEN.findall(v)) or any(n in view.lower for n in name_nicknames(v))
    if entity == "PHONE":
        d = re.sub(r"\D", "", v)
        return d[-7:] in view.digits
    if entity == "DATE_OF_BIRTH":
        try:
            return f"{_dt.date.fromisoformat(v.strip()[:10]).year % 100:02d}" in view.digits
        except ValueError:
            return True
    if entity == "ADDRESS":
        first = re.findall(r"[a-z0-9]+", v)[:1]
        return not first or not first[0].isdigit() or first[0] in view.digits
    if entity == "EMAIL":
        return v.strip() in view.lower
    return re.sub(r"[^0-9a-z]", "", v) in view.compact  # SSN, licence, plate, VIN, ID


@lru_cache(maxsize=65536)
def _value_regex(entity: str, value: str) -> re.Pattern | None:
    if entity not in _VARIANTS:
        raise RedactionError(f"unknown entity type in record values: {entity}")
    alts = _VARIANTS[entity](fold_same_length(value))
    if not alts:
        return None
    if all(a.startswith(_B_START) and a.endswith(_B_END) for a in alts):  # one pair of word boundaries around them
        inner = "|".join("(?:" + a[len(_B_START):len(a) - len(_B_END)] + ")" for a in alts)  # all: same matches,
        return re.compile(_B_START + "(?:" + inner + ")" + _B_END, re.IGNORECASE)  # compiled faster
    return re.compile("|".join("(?:" + a + ")" for a in alts), re.IGNORECASE)


_ALNUM_TYPES = ("SSN", "DRIVER_LICENSE", "PLATE", "VIN", "ID")


def _matcher(entity: str, value: str, text: AsciiText) -> Matcher | None:
    """The matcher that finds in ``text`` what ``_value_regex(entity, value)`` finds; None when nothing can match."""
    if entity == "PERSON":
        return name_matcher(name_variant_plan(value), text.word_starts())
    if entity in _ALNUM_TYPES:
        chars = re.sub(r"[^0-9A-Za-z]", "", value)
        return alnum_matcher(chars) if len(chars) >= 4 else None
    if entity == "PHONE":
        digits = re.sub(r"\D", "", value)
        if len(digits) == 11 and digits[0] == "1":
            digits = digits[1:]
        return phone_matcher(digits) if len(digits) >= 7 else None
    if entity == "ADDRESS":
        return address_matcher(address_variant_plan(value), UNIT_WORDS)
    if entity == "DATE_OF_BIRTH":
        try:
            d = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return _matcher("ID", value, text)  # not a date: its characters, as ``dob_variant_regexes`` does
        return dob_matcher(d.month, d.day, d.year, _MONTH_NAMES[d.month - 1])
    return None


def value_spans(entity: str, value: str, view: TextView) -> list[tuple[int, int]]:
    """Where the record value ``value`` of type ``entity`` is written in the text of ``view`` (folded): the
    non-empty matches of ``_value_regex(entity, value)``, found without compiling it when the text and the
    value are ASCII (``value_match``), which most are."""
    if entity not in _VARIANTS:
        raise RedactionError(f"unknown entity type in record values: {entity}")
    folded = fold_same_length(value)
    if view.ascii is not None and folded.isascii() and entity != "EMAIL":
        m = _matcher(entity, folded, view.ascii)
        return m.spans(view.ascii) if m is not None else []
    rx = _value_regex(entity, value)
    if rx is None:
        return []
    return [(m.start(), m.end()) for m in rx.finditer(view.folded) if m.end() > m.start()]
