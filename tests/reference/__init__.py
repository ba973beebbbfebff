"""In-memory reference implementations: the simple way to compute what the streaming stages compute.

They are not on the production path. Tests compare the streaming code against them (same files, accounting,
content hash and check results); `bench/` uses them as baselines. Memory grows with the dataset here.
"""
