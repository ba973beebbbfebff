"""De-identification: structured treatments, free-text redaction, leak verification, disclosure control."""

from redaction.errors import LeakFound, PolicyError, RedactionError, SdcError

__all__ = ["LeakFound", "PolicyError", "RedactionError", "SdcError"]
