"""The OSD narrative redaction benchmark: generator, frozen splits, scorer, adapters (see README.md)."""
