"""Benchmark: a deterministic synthetic corpus and a measured end-to-end run of the majlis flow."""
