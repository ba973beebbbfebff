"""Reference implementations the production code is compared against (in-memory oracles of streaming paths)."""
