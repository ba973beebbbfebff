"""Error hierarchy of the redaction package.

Messages carry only counts, row numbers, field names and error codes: never a value from a record.
"""

from __future__ import annotations


class RedactionError(Exception):
    """Base class of every error raised by the redaction package."""


class PolicyError(RedactionError):
    """A dataset policy is invalid or cannot be applied."""


class LeakFound(RedactionError):
    """The leak verifier found identifying values in a release (the report holds row numbers, no values)."""


class SdcError(RedactionError):
    """Statistical disclosure control (k-anonymity, suppression) failed."""
