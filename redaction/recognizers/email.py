"""E-mail addresses (no network: the domain is checked by shape, not against the public suffix list)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer


class OsdEmailRecognizer(ContextPatternRecognizer):
    """local@domain.tld with a 2-24 letter top-level domain; the local part may hold accented letters."""

    ENTITY = "EMAIL"
    PATTERNS = [
        Pattern(
            "email",
            r"(?<![\w.+\-])[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w\-])",
            0.9,
        )
    ]
    CONTEXT = ["email", "e-mail", "mail"]
