"""Shared base for our pattern recognizers: Presidio ``PatternRecognizer`` plus *required* context.

Presidio's own context handling only raises a score. Some of our entities (plates, driver's licences,
dates of birth, bare nine-digit SSNs) are indistinguishable from harmless tokens without a cue word, so
patterns whose name starts with ``ctx:`` are kept only when one of the ``CONTEXT`` words occurs within
``CONTEXT_WINDOW`` characters before the match.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

CASE_SENSITIVE = re.DOTALL | re.MULTILINE
CASE_INSENSITIVE = re.DOTALL | re.MULTILINE | re.IGNORECASE


class ContextPatternRecognizer(PatternRecognizer):
    """A ``PatternRecognizer`` configured by class constants, with required context for ``ctx:`` patterns."""

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    CONTEXT_WINDOW: ClassVar[int] = 30
    FLAGS: ClassVar[int] = CASE_INSENSITIVE
    # When set, only these characters/words may stand between the cue and the match ("DOB: ", "plate # ").
    GAP: ClassVar[str | None] = None

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
        words = sorted(self.CONTEXT, key=len, reverse=True)
        self._context_re = (
            re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])", re.IGNORECASE)
            if words
            else None
        )
        self._gap_re = re.compile(r"(?:" + self.GAP + r")\Z", re.IGNORECASE) if self.GAP is not None else None
        self._ctx_patterns = {p.name for p in self.PATTERNS if p.name.startswith("ctx:")}

    def has_context(self, text: str, start: int) -> bool:
        """True when a context word occurs in the ``CONTEXT_WINDOW`` characters before ``start``."""
        if self._context_re is None:
            return False
        lo = max(0, start - self.CONTEXT_WINDOW)
        if self._gap_re is None:
            return self._context_re.search(text, lo, start) is not None
        return any(self._gap_re.match(text, m.end(), start) for m in self._context_re.finditer(text, lo, start))

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the patterns, then drop ``ctx:`` matches that have no context word before them."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not self._ctx_patterns:
            return results
        kept = []
        for res in results:
            pattern_name = res.analysis_explanation.pattern_name if res.analysis_explanation else ""
            if pattern_name in self._ctx_patterns and not self.has_context(text, res.start):
                continue
            kept.append(res)
        return kept
