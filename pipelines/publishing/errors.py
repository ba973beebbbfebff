"""The errors of publishing: every one is a ``PublishError``, itself an ``OsdError`` (``pipelines.errors``).

Messages carry keys, versions and counts only. ``PreconditionFailedError`` is transient (a lost race: read
again and retry); the others are terminal for the same input.
"""

from __future__ import annotations

from pipelines.errors import OsdError, Terminal, Transient


class PublishError(OsdError):
    """Base class of every error raised by publishing (messages carry keys, versions, counts only)."""

    code = "publish-error"


class ImmutableVersionError(PublishError, Terminal):
    """A published (or partially written) version would be written with different bytes."""

    code = "publish-immutable"


class KeyExistsError(ImmutableVersionError):
    """A create-only write found the key already present (S3: HTTP 412 on ``If-None-Match: *``)."""

    code = "publish-key-exists"


class PreconditionFailedError(PublishError, Transient):
    """A compare-and-swap write lost the race (the object changed since it was read)."""

    code = "publish-precondition"


class IntegrityError(PublishError, Terminal):
    """Read-back of a written object did not match its sha256."""

    code = "publish-integrity"


class StalePlanError(PublishError, Transient):
    """The store moved on since the plan was made (another release was published); plan again."""

    code = "publish-stale-plan"


class InvalidKeyError(PublishError, Terminal):
    """A key is empty, absolute, or climbs out of the store."""

    code = "publish-invalid-key"
