"""Benchmarks that are data plus a scorer (not timing scripts: those are in bench/)."""
