"""Record values found without compiling a regex per value: the variant patterns as small matchers.

Every record brings new values, and compiling one regular expression per value (``variants._value_regex``) cost
about a quarter of a cold run. The patterns are few shapes filled with literal words, so each shape is written
here once as combinators over the text, built per value in microseconds. A matcher behaves as Python's ``re``
would on the same pattern: at each start position, left to right, the alternatives are tried in order, each
backtracking through its own choices (greedy repeats longest first), and matches never overlap. It runs only on
texts whose letters and digits are ASCII (``plain_text``) and ASCII values, where ``re``'s case-insensitive
matching is ``str.lower``; anything else goes through the regex (``variants.value_spans`` decides). The regexes stay the reference: ``tests/unit/test_value_match.py``
compares both on random texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from redaction.wordtrie import trie_compile

# A node: (text view, position) -> the end positions it can reach, in the order ``re`` would try them.
Node = Callable[["AsciiText", int], Iterator[int]]

_RUN_WS = trie_compile(r"\s*")
_RUN_SEP = trie_compile(r"[\s,]*")
_RUN_ALNUM_SEP = trie_compile(r"[\s\-.]*")
_RUN_PHONE_SEP = trie_compile(r"[\s().\-]*")
_RUN_PREFIX_SEP = trie_compile(r"[\s.\-]*")
_WORD = trie_compile(r"\w")
_WORD_RUN = trie_compile(r"\w+")
_NAME_END = trie_compile(r"[\w/'’]")
_DOT_LETTER = trie_compile(r"\.\w")  # "a.k.a.": no middle initial
_LETTER = trie_compile(r"[^\W\d_]")
_ALNUM = trie_compile(r"[A-Za-z0-9]", re.IGNORECASE)
_DIGIT = trie_compile(r"\d")
_WORD_OR_COMMA = trie_compile(r"[\w,.;!?]")  # after a word, a comma or the end of a sentence ("shed. Will had")


def plain_text(text: str) -> bool:
    """Letters and digits all ASCII (curly quotes, dashes and other spaces allowed: ``re`` and ``str.lower`` agree
    on them and keep every offset), so that the matchers find what the regexes find."""
    if text.isascii():
        return True
    return all(c.isascii() or not c.isalnum() for c in text) and len(text.lower()) == len(text)


class AsciiText:
    """One folded text whose letters and digits are ASCII (``plain_text``), with its lower-case form and the start
    positions of its words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self._words: dict[str, list[int]] | None = None

    def word_starts(self) -> dict[str, list[int]]:
        """Lower-case word (a run of ``\\w``) -> where it starts, made on first use."""
        if self._words is None:
            words: dict[str, list[int]] = {}
            for m in _WORD_RUN.finditer(self.lower):
                words.setdefault(m.group(), []).append(m.start())
            self._words = words
        return self._words


def lit(word: str) -> Node:
    """A literal, case-insensitive (``word`` lower case)."""
    n = len(word)

    def node(t: AsciiText, p: int) -> Iterator[int]:
        if t.lower.startswith(word, p):
            yield p + n
    return node


def lit_exact(*forms: str) -> Node:
    """Literals matched as written, tried in order (``(?-i:Ab|AB)``)."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        for f in forms:
            if t.text.startswith(f, p):
                yield p + len(f)
    return node


def run(pattern: re.Pattern, at_least: int) -> Node:
    """A greedy repeat of one character class (``[\\s,]+`` with ``at_least=1``): longest first."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        m = pattern.match(t.text, p)
        assert m is not None  # a starred class always matches, if only empty
        yield from range(m.end(), p + at_least - 1, -1)
    return node


def opt(inner: Node) -> Node:
    """``inner?``, greedy."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        yield from inner(t, p)
        yield p
    return node


def seq(*parts: Node) -> Node:
    """The parts one after the other, backtracking into earlier parts when a later one fails."""
    if not parts:
        return lambda t, p: iter((p,))
    head, rest = parts[0], seq(*parts[1:]) if len(parts) > 1 else None

    def node(t: AsciiText, p: int) -> Iterator[int]:
        for q in head(t, p):
            if rest is None:
                yield q
            else:
                yield from rest(t, q)
    return node


def alt(*options: Node) -> Node:
    """The options in order."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        for o in options:
            yield from o(t, p)
    return node


def repeat(inner: Node, most: int) -> Node:
    """``inner{0,most}``, greedy: one more repetition first, fewer on backtracking."""
    def node(t: AsciiText, p: int, left: int = most) -> Iterator[int]:
        if left > 0:
            for q in inner(t, p):
                yield from node(t, q, left - 1)
        yield p
    return node


def one(pattern: re.Pattern) -> Node:
    """One character of a class."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        if pattern.match(t.text, p):
            yield p + 1
    return node


def not_before(pattern: re.Pattern) -> Node:
    """A negative lookahead of one character class (``(?![\\w])``)."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        if not pattern.match(t.text, p):
            yield p
    return node


def not_after(pattern: re.Pattern) -> Node:
    """A negative lookbehind of one character class (``(?<!\\d)``)."""
    def node(t: AsciiText, p: int) -> Iterator[int]:
        if p == 0 or not pattern.match(t.text, p - 1):
            yield p
    return node


# Words before a common noun: a short form after one is that noun ("the memo", "a nacho"), not a name.
DETERMINERS = ("a", "an", "the", "his", "her", "their", "my", "your", "our", "its", "this", "that", "some", "no")
_DETERMINER_END = trie_compile(r"(?<![\w'])(?:" + "|".join(DETERMINERS) + r") \Z", re.IGNORECASE)


def not_after_determiner(t: AsciiText, p: int) -> Iterator[int]:
    """``(?<!\ba )(?<!\bthe )...``: not right after a determiner and one space."""
    if not _DETERMINER_END.search(t.text, max(0, p - 6), p):
        yield p


def after_word_and_space(t: AsciiText, p: int) -> Iterator[int]:
    """``(?<=[\\w,.;!?] )``: after a word, a comma or a sentence end, and one space (not at the start of a text);
    or ``(?<=[.!?;:]\\n)``: at a line's start after a sentence end ("hrs.\\nAl was")."""
    if p >= 2 and (t.text[p - 1] == " " and _WORD_OR_COMMA.match(t.text, p - 2)
                   or t.text[p - 1] == "\n" and t.text[p - 2] in ".!?;:"):
        yield p


WS = run(_RUN_WS, 1)  # \s+
SEP = run(_RUN_SEP, 1)  # [\s,]+
DOT = opt(lit("."))  # \.?


@dataclass(frozen=True)
class Matcher:
    """A pattern as a node, and where a match may start: at the words ``starts`` (lower case), or anywhere one of
    the characters ``chars`` is."""

    node: Node
    starts: frozenset[str] = frozenset()
    chars: str = ""

    def spans(self, t: AsciiText) -> list[tuple[int, int]]:
        """Every match, left to right, not overlapping (``re.finditer``; empty matches are skipped)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for p in self._candidates(t):
            if p < pos:
                continue
            for e in self.node(t, p):
                if e > p:
                    out.append((p, e))
                    pos = e
                break  # the first end wins; an empty match moves on to the next position
        return out

    def _candidates(self, t: AsciiText) -> list[int]:
        found: set[int] = set()
        if self.starts:
            words = t.word_starts()
            for w in self.starts:
                found.update(words.get(w, ()))
        for c in self.chars:
            i = t.lower.find(c)
            while i >= 0:
                found.add(i)
                i = t.lower.find(c, i + 1)
        return sorted(found)


@lru_cache(maxsize=65536)  # asked for every word of every form of every record name
def first_word(word: str) -> str:
    """The run of word characters a literal starts with: the word of the text where it can match."""
    m = _WORD_RUN.match(word.lower())
    return m.group() if m else ""


def _name_node(part: tuple[str, ...]) -> Node:
    """One part of ``variants.name_variant_plan`` (words already folded to ASCII)."""
    kind, words = part[0], part[1:]
    if kind == "w":
        return lit(words[0].lower())
    if kind == "x":
        return lit_exact(words[0].title(), words[0].upper())
    if kind == "t":
        return seq(after_word_and_space, lit_exact(words[0].title()))
    if kind == "o":
        return seq(not_after_determiner, lit(words[0].lower()))
    if kind == "b":
        initial = alt(*(lit(m.lower()) for m in words), one(_LETTER))
        return repeat(seq(WS, initial, not_before(_DOT_LETTER), DOT, not_before(_NAME_END)), len(words) + 1)
    if kind == "p":
        return seq(*(opt(seq(lit(m.lower()), DOT, WS)) for m in words))
    return {"s": WS, "c": SEP, "d": DOT}[kind]


def name_matcher(plan: list[tuple[tuple[str, ...], ...]], present: Collection[str] | None = None) -> Matcher | None:
    """The matcher of a name's variants (``variants.name_variant_plan``): ``(?<!\\w)(?:a1|a2|...)(?!\\w)``.

    With ``present`` (the words of the text), an alternative none of whose first words is in the text is left
    out: it could match nowhere, so the matches are the same, and most of a name's forms cost nothing.
    """
    alts: list[Node] = []
    starts: set[str] = set()
    for a in plan:
        firsts: set[str] = set()
        for part in a:  # where the alternative can start: its first word, or any particle before it
            firsts.update(first_word(w) for w in part[1:])
            if part[0] != "p":
                break
        if present is not None and not any(w in present for w in firsts):
            continue
        starts |= firsts
        alts.append(seq(*(_name_node(p) for p in a)))
    if not alts:
        return None
    return Matcher(seq(alt(*alts), not_before(_WORD)), starts=frozenset(starts))


def alnum_matcher(chars: str) -> Matcher:
    """``(?<![A-Za-z0-9])c1[\\s\\-.]*c2...(?![A-Za-z0-9])``, any case."""
    sep = run(_RUN_ALNUM_SEP, 0)
    parts: list[Node] = [not_after(_ALNUM)]
    for i, c in enumerate(chars.lower()):
        parts += [sep, lit(c)] if i else [lit(c)]
    return Matcher(seq(*parts, not_before(_ALNUM)), chars=chars[0].lower())


def phone_matcher(digits: str) -> Matcher:
    """``(?:\\+?1[\\s.\\-]*)?\\(?(?<!\\d)d1[\\s().\\-]*d2...(?!\\d)``."""
    sep = run(_RUN_PHONE_SEP, 0)
    parts: list[Node] = [opt(seq(opt(lit("+")), lit("1"), run(_RUN_PREFIX_SEP, 0))), opt(lit("(")), not_after(_DIGIT)]
    for i, d in enumerate(digits):
        parts += [sep, lit(d)] if i else [lit(d)]
    return Matcher(seq(*parts, not_before(_DIGIT)), chars="+1(" + digits[0])


_RUN_WS0 = run(_RUN_WS, 0)
_RUN_SEP0 = run(_RUN_SEP, 0)


def address_matcher(plan: list[list[tuple[str, ...]]], unit_words: list[str]) -> Matcher | None:
    """The matcher of an address's variants (``variants.address_variant_plan``): parts joined by ``[\\s,]*``."""
    if not plan:
        return None
    unit = seq(alt(*(lit(u.lower()) for u in unit_words)), DOT, _RUN_WS0, opt(lit("#")))
    firsts: set[str] = set()

    def node_of(part: tuple[str, ...]) -> Node:
        if part[0] == "f":
            return seq(alt(*(lit(f.lower()) for f in part[1:])), DOT)
        return unit if part[0] == "u" else lit(part[1].lower())

    alts = []
    for a in plan:
        nodes: list[Node] = []
        for i, part in enumerate(a):
            nodes += [_RUN_SEP0, node_of(part)] if i else [node_of(part)]
        alts.append(seq(*nodes))
        first = a[0]
        firsts.update(w[:1].lower() for w in (unit_words if first[0] == "u" else first[1:]))
    node = seq(not_after(_WORD), alt(*alts), not_before(_WORD))
    return Matcher(node, chars="".join(sorted(c for c in firsts if c)))


_DATE_START = trie_compile(r"[\d/\-.]")
_DATE_END = trie_compile(r"[\d/\-]|\.\d")
_DATE_SEP = trie_compile(r"[/\-.]")


def dob_matcher(month: int, day: int, year: int, month_name: str) -> Matcher:
    """A date of birth written as ``variants.dob_variant_regexes`` writes it (numeric, ISO, "March 14, 1987",
    "14 March 1987")."""
    sep = one(_DATE_SEP)
    zero = opt(lit("0"))
    forms = [lit(month_name.lower()), seq(lit(month_name[:3].lower()), DOT)] + ([lit("sept")] if month == 9 else [])
    name = alt(*forms)
    dday = seq(zero, lit(str(day)), opt(alt(lit("st"), lit("nd"), lit("rd"), lit("th"))))
    y, yy = str(year), f"{year % 100:02d}"
    comma = opt(lit(","))
    alts = [
        seq(not_after(_DATE_START), zero, lit(str(month)), sep, zero, lit(str(day)), sep, alt(lit(y), lit(yy)),
            not_before(_DATE_END)),
        seq(not_after(_DATE_START), lit(y), sep, lit(f"{month:02d}"), sep, lit(f"{day:02d}"), not_before(_DATE_END)),
        seq(not_after(_WORD), name, WS, dday, comma, WS, lit(y), not_before(_WORD)),
        seq(not_after(_WORD), dday, WS, name, comma, WS, lit(y), not_before(_WORD)),
    ]
    chars = {"0", str(month)[0], y[0], month_name[0].lower(), str(day)[0]}
    return Matcher(alt(*alts), chars="".join(sorted(chars)))
