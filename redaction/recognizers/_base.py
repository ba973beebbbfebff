"""Shared base for our pattern recognizers: Presidio ``PatternRecognizer`` plus *required* context.

Presidio's own context handling only raises a score. Some of our entities (plates, driver's licences,
dates of birth, bare nine-digit SSNs) are indistinguishable from harmless tokens without a cue word, so
patterns whose name starts with ``ctx:`` are kept only when one of the ``CONTEXT`` words occurs within
``CONTEXT_WINDOW`` characters before the match.

All the logic lives in ``find(text)``, which returns plain ``(start, end, pattern name)`` tuples: the redactor
calls it directly (no Presidio ``AnalyzerEngine`` per text, no ``RecognizerResult`` objects), and
``analyze`` wraps the same matches into ``RecognizerResult`` objects for use inside Presidio.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator
from typing import ClassVar

import regex as re
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.wordtrie import word_trie

CASE_SENSITIVE = re.DOTALL | re.MULTILINE
CASE_INSENSITIVE = re.DOTALL | re.MULTILINE | re.IGNORECASE

Found = tuple[int, int, str]  # start, end, pattern name


class ContextPatternRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` configured by class constants, with required context for ``ctx:`` patterns."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    CONTEXT_WINDOW: ClassVar[int] = 30
    FLAGS: ClassVar[int] = CASE_INSENSITIVE
    # When set, only these characters/words may stand between the cue and the match ("DOB: ", "plate # ").
    GAP: ClassVar[str | None] = None
    # Pattern name -> regexes each of which every match of that pattern implies somewhere in the text (the
    # lookahead the match ends at, two capitals in a row): when one is not found, the pattern is not run. A cheap
    # search for a literal or a short lookahead saves scanning the text with a long pattern at every position.
    REQUIRES: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Search the whole text for a context word once before running the ``ctx:`` patterns (and skip them without
    # one): worth it where those words are rare (dates of birth, licences, plates), not where they are common.
    CONTEXT_PREFILTER: ClassVar[bool] = False
    # Pattern name -> a regex matching (overlapped) at every position where a match of that pattern can start and
    # at few others ("two capitals opening a word"): the pattern is then tried only there (``rx.match``), not at
    # every position of the text. Such a pattern must never match the empty string nor use a ``name`` group.
    # Anchors are compiled with the standard library's ``re`` (five times faster than ``regex`` on a character class)
    # and searched non-overlapped: write one as a lookaround (an empty match at each start) that holds under both
    # engines wherever the pattern can start: explicit classes, no ``\w``, ``\b`` or ``\d`` (their Unicode sets
    # differ between the engines).
    ANCHORS: ClassVar[dict[str, str]] = {}

    def __init__(self, supported_language: str = "en") -> None:
        # Fresh Pattern objects per instance: Presidio caches the compiled regex on the Pattern.
        patterns = [Pattern(p.name, p.regex, p.score) for p in self.PATTERNS]
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            patterns=patterns,
            context=list(self.CONTEXT),
            supported_language=supported_language,
            global_regex_flags=self.FLAGS,
        )
        self._compiled = [(p.name, re.compile(p.regex, self.FLAGS), p.score) for p in self.PATTERNS]
        words = sorted(self.CONTEXT, key=len, reverse=True)
        trie = word_trie(sorted({w.lower() for w in words}), space=r"\ ")  # the words as a trie: the engine tests a
        self._context_re = (  # few letters at each position, not every word
            re.compile(r"(?<![A-Za-z])(?:" + trie + r")(?![a-z])", re.IGNORECASE)
            if words
            else None
        )
        self._gap_re = re.compile(r"(?:" + self.GAP + r")\Z", re.IGNORECASE) if self.GAP is not None else None
        # ``_context_re`` without its look-ahead (a window's end cuts it short in ``has_context``): found in every
        # text where ``has_context`` finds a context word (its look-behind sees before a window's start).
        self._context_any = re.compile(r"(?<![A-Za-z])(?:" + trie + ")", re.IGNORECASE) if words else None
        self._ctx_patterns = {p.name for p in self.PATTERNS if p.name.startswith("ctx:")}
        self._requires = {name: tuple(re.compile(rx, self.FLAGS) for rx in rxs) for name, rxs in self.REQUIRES.items()}
        fast = _stdlib_flags(self.FLAGS)
        anchors = {rx: stdlib_re.compile(rx, fast) for rx in set(self.ANCHORS.values())}  # one per regex: shared starts
        self._anchors = {name: anchors[rx] for name, rx in self.ANCHORS.items()}

    def has_context(self, text: str, start: int) -> bool:
        """True when a context word occurs in the ``CONTEXT_WINDOW`` characters before ``start``."""
        if self._context_re is None:
            return False
        lo = max(0, start - self.CONTEXT_WINDOW)
        if self._gap_re is None:
            return self._context_re.search(text, lo, start) is not None
        return any(self._gap_re.match(text, m.end(), start) for m in self._context_re.finditer(text, lo, start))

    def find(self, text: str) -> list[Found]:
        """Every validated match as ``(start, end, pattern name)``; ``ctx:`` matches need a context word. A pattern
        with a group named ``name`` reports that group's span (its cue is matched, not looked behind for: a
        look-behind alternation is tried at every position of the text, a literal cue only where it occurs)."""
        found: list[Found] = []
        present: dict[re.Pattern, bool] = {}  # a requirement shared by several patterns is searched once per text
        starts: dict[stdlib_re.Pattern, list[int]] = {}  # so are the starts of an anchor shared by several patterns
        for name, rx, _score in self._compiled:
            if not all(_present(need, text, present) for need in self._requires.get(name, ())):
                continue
            if (self.CONTEXT_PREFILTER and name in self._ctx_patterns
                    and (self._context_any is None or not _present(self._context_any, text, present))):
                continue  # a ctx: match needs a context word before it (``has_context``)
            named = "name" in rx.groupindex  # a pattern may match its cue too and mark the entity as (?P<name>...)
            seen: set[tuple[int, int]] = set()
            anchor = self._anchors.get(name)
            matches = (rx.finditer(text, overlapped=named) if anchor is None  # overlapped: a cue inside an earlier
                       else _anchored(rx, text, _starts(anchor, text, starts)))  # match counts too
            for m in matches:
                start, end = m.span("name") if named else m.span()
                if named and (start, end) in seen:
                    continue
                seen.add((start, end))
                if start == end or self.validate_result(text[start:end]) is False:
                    continue
                if name in self._ctx_patterns and not self.has_context(text, start):
                    continue
                found.append((start, end, name))
        return self.refine(text, found)

    def refine(self, text: str, found: list[Found]) -> list[Found]:
        """Hook for subclasses: adjust, drop or add matches after the patterns ran."""
        return found

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """``find`` as Presidio ``RecognizerResult`` objects (score 1.0 when ``validate_result`` is True)."""
        if entities and self.ENTITY not in entities:
            return []
        scores = {pattern_name: score for pattern_name, _, score in self._compiled}
        results = []
        for start, end, pattern_name in self.find(text):
            valid = self.validate_result(text[start:end])
            score = EntityRecognizer.MAX_SCORE if valid else scores.get(pattern_name, 0.7)
            explanation = AnalysisExplanation(recognizer=type(self).__name__, original_score=score, pattern_name=pattern_name)
            results.append(RecognizerResult(self.ENTITY, start, end, score, analysis_explanation=explanation,
                                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return EntityRecognizer.remove_duplicates(results)


def _stdlib_flags(flags: int) -> int:
    """``regex`` flags as the standard library's: DOTALL, MULTILINE and IGNORECASE have the same meaning."""
    return sum(f for f in (stdlib_re.DOTALL, stdlib_re.MULTILINE, stdlib_re.IGNORECASE) if flags & f)


def _present(rx: re.Pattern, text: str, memo: dict[re.Pattern, bool]) -> bool:
    """Whether ``rx`` occurs in ``text``, searched once per text and regex (``memo``)."""
    if rx not in memo:
        memo[rx] = rx.search(text) is not None
    return memo[rx]


def _starts(anchor: stdlib_re.Pattern, text: str, memo: dict[stdlib_re.Pattern, list[int]]) -> list[int]:
    """Every position where ``anchor`` (a lookaround) matches in ``text``, found once per text and anchor."""
    if anchor not in memo:
        memo[anchor] = [m.start() for m in anchor.finditer(text)]
    return memo[anchor]


def _anchored(rx: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """What ``rx.finditer(text)`` yields when its matches can start only at ``starts`` and are never empty: the match
    at each start, skipping starts inside the previous match."""
    end = 0
    for p in starts:
        if p >= end and (m := rx.match(text, p)) is not None:
            yield m
            end = m.end()
