"""What the stages call on the objects the Dagster resources hand them, as Protocols: the stages and the
resources agree on an interface without importing the heavy implementation (Presidio and spaCy load only when
a redactor is built)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


class RedactedTextLike(Protocol):
    """One redacted text (`redaction.text.RedactedText`): the text and the placeholders written, by type."""

    @property
    def text(self) -> str | None: ...

    @property
    def counts(self) -> dict[str, int]: ...


class TextRedactorLike(Protocol):
    """The free-text redactor (`redaction.text.TextRedactor`) as de-identify uses it: ``redact`` per column,
    ``detect`` (the spans) when the officer's allow terms are trimmed from them."""

    def redact(self, texts: Sequence[str | None],
               record_values: Sequence[Mapping[str, Sequence[str]]] | None = None) -> Sequence[RedactedTextLike]: ...

    def detect(self, texts: Sequence[str | None],
               record_values: Sequence[Mapping[str, Sequence[str]]] | None = None
               ) -> list[list[tuple[int, int, str, int]]]: ...
