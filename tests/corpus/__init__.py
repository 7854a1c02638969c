"""Generators of invented test inputs (articles, bad files, synthetic landings); no real articles."""
