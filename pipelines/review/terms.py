"""Deny and allow terms in free text: deny terms replaced, allow terms trimmed off the redactor's spans and left
out of the verifier's identifiers (only the term's own forms: a longer identifier holding it still counts)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from pipelines.review.decisions import TermRule

DENY_PLACEHOLDER = "[REDACTED]"


class Terms:
    """Deny or allow terms compiled per agency (terms without an agency apply to all)."""

    def __init__(self, rules: Sequence[TermRule]) -> None:
        self.rules = list(rules)
        self._cache: dict[str | None, list[tuple[re.Pattern[str], TermRule]]] = {}

    def for_agency(self, agency: str | None) -> list[tuple[re.Pattern[str], TermRule]]:
        if agency not in self._cache:
            self._cache[agency] = [(re.compile(r.pattern(), re.IGNORECASE), r) for r in self.rules
                                   if r.agency is None or r.agency == agency]
        return self._cache[agency]


def deny_terms(text: str, rules: list[tuple[re.Pattern[str], TermRule]]) -> str:
    """``text`` with every deny term replaced by its placeholder (``[ENTITY]`` or ``[REDACTED]``)."""
    for rx, r in rules:
        text = rx.sub(f"[{r.entity}]" if r.entity else DENY_PLACEHOLDER, text)
    return text


class _AllowedFamily:
    """A verifier form family whose lookups ignore some forms (the allow terms' own)."""

    def __init__(self, inner: Any, excluded: set[int]) -> None:
        self.inner = inner
        self.excluded = np.array(sorted(excluded), dtype=np.int64)

    def __len__(self) -> int:
        return len(self.inner)

    def lookup(self, hashes: Any) -> np.ndarray:
        codes = self.inner.lookup(hashes)
        if len(self.excluded) and len(codes):
            codes = np.where(np.isin(np.frombuffer(hashes, dtype=np.int64), self.excluded), -1, codes)
        return codes


class AllowedIdentifiers:
    """The verifier's identifier set as it reads one agency's free text: an allow term's own forms are not
    identifiers ("Walmart" alone), while every longer form holding it still is ("12 Walmart Way", "Maria
    Walmart"). Forms are hashed the way `verify.scan_hits` hashes a text's candidate spans."""

    def __init__(self, inner: Any, terms: Sequence[str]) -> None:
        from redaction import verify

        self._inner = inner
        words = {hash(verify.normalize_words(t)) for t in terms}
        codes = {hash(c) for t in terms if len(c := "".join(ch for ch in t.lower() if ch.isalnum())) > 0}
        digits = {hash(d) for t in terms if len(d := "".join(ch for ch in t if ch.isdigit())) > 0}
        self.words = _AllowedFamily(inner.words, words)
        self.codes = _AllowedFamily(inner.codes, codes)
        self.digits = _AllowedFamily(inner.digits, digits)

    def __len__(self) -> int:
        return len(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def scan_texts(dataset: str, column: str, values: Sequence[Any], agencies: Sequence[str | None], allow: Terms,
               identifiers: Any) -> dict[int, set[str]]:
    """{position: entity types} of the free-text cells the verifier flags, each read with its agency's allow
    terms (`AllowedIdentifiers`)."""
    from redaction import verify

    out: dict[int, set[str]] = {}
    groups: dict[str | None, list[int]] = {}
    if allow.rules:
        for i, a in enumerate(agencies):
            groups.setdefault(a, []).append(i)
    else:
        groups[None] = list(range(len(values)))
    for agency, positions in groups.items():
        terms = [r.term for _, r in allow.for_agency(agency)] if allow.rules else []
        ids: Any = AllowedIdentifiers(identifiers, terms) if terms else identifiers
        cells = [values[i] if isinstance(values[i], str) else None for i in positions]
        for f in verify.scan_column(dataset, column, cells, ids):
            out.setdefault(positions[f.row], set()).add(f.entity_type)
    return out


def trim_allowed(text: str, spans: Sequence[tuple[int, int, str, int]], terms: Sequence[str],
                 ) -> list[tuple[int, int, str, int]]:
    """The redactor's spans without the allow terms: a span made only of allow terms is dropped, one that starts
    or ends with an allow term is trimmed to the rest ("According Smith" -> "Smith"); an allow term inside a
    span leaves the span whole (the words around it are still redacted together)."""
    allowed = sorted(m.span() for t in terms for m in re.finditer(TermRule(t, None, None, "").pattern(), text,
                                                                    re.IGNORECASE))
    if not allowed:
        return list(spans)
    out = []
    for start, end, entity, num in spans:
        s, e, moved = start, end, True
        while moved and s < e:
            moved = False
            for a, b in allowed:
                if a <= s < b:
                    s, moved = b, True
                if a < e <= b:
                    e, moved = a, True
            if moved:
                while s < e and not text[s].isalnum():
                    s += 1
                while e > s and not text[e - 1].isalnum():
                    e -= 1
        if s < e:
            out.append((s, e, entity, num))
    return out

