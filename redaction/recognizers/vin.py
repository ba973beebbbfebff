"""Vehicle identification numbers (17 characters, no I/O/Q) with the ISO 3779 / NHTSA check digit."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer

_TRANSLIT = {**{str(d): d for d in range(10)},
             **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
             **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin: str) -> str:
    """The check digit (``0``-``9`` or ``X``) a 17-character VIN must carry in position 9."""
    total = sum(_TRANSLIT[c] * w for c, w in zip(vin.upper(), _WEIGHTS, strict=True))
    rem = total % 11
    return "X" if rem == 10 else str(rem)


_ANY_VIN = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![A-Za-z0-9])")


class OsdVinRecognizer(ContextPatternRecognizer):
    """17-character VINs whose check digit is right; a wrong check digit is still kept next to "VIN"."""

    ENTITY = "VIN"
    PATTERNS = [Pattern("vin", r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*\d)[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![A-Za-z0-9])", 0.5)]
    CONTEXT = ["vin", "vehicle identification"]
    REQUIRES = {"vin": (r"\d",)}

    def validate_result(self, pattern_text: str) -> bool | None:
        """True when the check digit matches; otherwise keep the match only if a VIN cue is nearby."""
        return vin_check_digit(pattern_text) == pattern_text[8].upper()

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Checked VINs, plus unchecked 17-character codes right after a VIN cue."""
        if self._context_re is None or self._context_any is None or self._context_any.search(text) is None:
            return found  # no VIN cue anywhere: nothing is "right after" one
        starts = {start for start, _, _ in found}
        for m in _ANY_VIN.finditer(text):
            if m.start() in starts or not self.has_context(text, m.start()):
                continue
            if any(c.isdigit() for c in m.group()):
                found.append((m.start(), m.end(), "ctx:vin unchecked"))
        return found
