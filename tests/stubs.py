"""Stand-ins shared by tests: fault injection and speed only, never in place of a component under test."""

from __future__ import annotations


class StubResult:
    def __init__(self, text, counts):
        self.text, self.counts = text, counts


class StubRedactor:
    """Stands in for the spaCy redactor: deterministic, so batch boundaries must not change anything."""

    entity_types = ["PERSON"]

    def redact(self, values, record_values):
        return [StubResult(None if v is None else f"[redacted {len(v)}]", {"PERSON": 1} if v else {}) for v in values]
