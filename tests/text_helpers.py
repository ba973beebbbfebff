"""What the free-text redaction tests ask of a redacted text: is a word still shown (whole word, any case)."""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

from redaction.text.vocabulary import known_words


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


def title_case(text: str) -> str:
    """Every word's first letter in capitals, the rest as written."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def recase(text: str, mode: str) -> str:
    """``cased``, and "title" for ``title_case``."""
    return title_case(text) if mode == "title" else cased(text, mode)


def redacted(redactor: Any, text: str) -> str:
    """The text the redactor publishes for ``text`` alone."""
    return redactor.redact([text])[0].text or ""


def assert_row(redactor: Any, text: str, gone: list[str], kept: list[str], mode: str = "as") -> None:
    """``text`` in casing ``mode`` (``recase``): every word of ``gone`` is hidden, every word of ``kept`` still shown."""
    out = redacted(redactor, recase(text, mode))
    assert not shown_words(out, gone), (mode, out)
    assert not [w for w in kept if not shown(out, w)], (mode, out)


def assert_casings(redactor: Any, text: str, gone: list[str], kept: list[str], casings: Sequence[str]) -> None:
    """``assert_row`` in each casing of ``casings``: one probe-table row."""
    for casing in casings:
        assert_row(redactor, text, gone, kept, casing)


def as_written(probes: Sequence[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str], tuple[str]]]:
    """Probe rows (sentence, must go, must stay) run only as written."""
    return [(text, gone, kept, ("as written",)) for text, gone, kept in probes]


_PERSON_NUMBER = re.compile(r"\[PERSON (\d+)\]")


def record_row_cases(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows (text, record people or None, must go, must stay, casings "a"/"l"/"u") as one case per casing."""
    return [(r[0] if m == "a" else cased(r[0], "lower" if m == "l" else "upper"), *r[1:4]) for r in rows for m in r[4]]


def assert_record_row(redactor: Any, text: str, people: list[str] | None, go: list[str], keep: list[str]) -> None:
    """``text`` redacted with ``people`` as its record's PERSON values: ``go`` hidden, ``keep`` shown, and with one
    record person, one placeholder number (a nickname of that person gets that person's number)."""
    out = redactor.redact([text], [{"PERSON": people}] if people else None)[0].text
    assert shown_words(out, go) == [], out
    assert [w for w in keep if not shown(out, w)] == [], out
    if people and len(people) == 1:
        assert len(set(_PERSON_NUMBER.findall(out))) <= 1, out


def assert_hidden_in_shapes(redactor: Any, names: Sequence[str], shapes: Sequence[str], seed: int, n: int) -> None:
    """``n`` random names of ``names``, each in a random shape (``{}`` for the name), lower or upper case: hidden."""
    rng = random.Random(seed)
    for name in rng.sample(list(names), n):
        out = redacted(redactor, recase(rng.choice(shapes).format(name), rng.choice(["lower", "upper"])))
        assert not shown(out, name), out


def needs_vocabulary(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A test that reads the spaCy model's vocabulary (``vocabulary.known_words``). ``make test`` installs the model;
    without it the test fails saying so, never skips quietly."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        assert known_words(), "the spaCy model's vocabulary is not installed (make test installs it)"
        return fn(*args, **kwargs)
    return run


def checked_row(redactor: Any, text: str, people: list[str] | None, go: list[str], keep: list[str]) -> str:
    """The redacted text (``people`` the record's names, if any), once every word of ``go`` is gone from it and every
    word of ``keep`` still shown (whole words, any case)."""
    out = redactor.redact([text], [{"PERSON": people}] if people else None)[0].text or ""
    assert shown_words(out, go) == [], out
    assert [w for w in keep if not shown(out, w)] == [], out
    return out


def casing_cases(rows: Sequence[tuple[Any, ...]], slips: Sequence[tuple[Any, ...]] = ()) -> list[Any]:
    """A pytest case per row ``(text, people, go, keep, casings)`` and casing (``recase``), and a strict-xfail case per
    slip ``(text, people, go, keep, why)``: a fix shows as a pass, and the slip moves into the rows."""
    import pytest

    cases = [pytest.param(recase(t, m), p, g, k, id=f"{i}-{m}") for i, (t, p, g, k, ms) in enumerate(rows) for m in ms]
    return cases + [pytest.param(t, p, g, k, id=f"slip{i}", marks=pytest.mark.xfail(reason=why, strict=True))
                    for i, (t, p, g, k, why) in enumerate(slips)]
