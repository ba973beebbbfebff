"""Open Safety Data: the Dagster pipeline and its plain-Python building blocks."""
