"""What the free-text redaction tests ask of a redacted text: is a word still shown (whole word, any case)."""

from __future__ import annotations

import re


def _rx(word: str) -> str:
    return r"(?<![\w'’\-])" + re.escape(word) + r"(?![\w'’\-])"


def shown(out: str, word: str) -> bool:
    """True when ``word`` still stands as a whole word in ``out`` (any case)."""
    return re.search(_rx(word), out, re.IGNORECASE) is not None


def shown_words(out: str, words: list[str]) -> list[str]:
    """The words (any case, whole words) still in the redacted text."""
    return [w for w in words if shown(out, w)]


def cased(text: str, mode: str) -> str:
    """``text`` in upper or lower case, or as written."""
    return text.upper() if mode == "upper" else text.lower() if mode == "lower" else text
