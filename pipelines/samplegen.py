"""Moved to the top-level package `demo` (the sample generator is not part of the runtime). This alias keeps
branches written before the move importing; new code imports `demo`. Remove it once those branches are merged."""

from demo import *  # noqa: F403
from demo import __all__ as __all__  # noqa: PLC0414
