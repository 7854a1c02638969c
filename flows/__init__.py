"""Prefect flows of majlis: they wire the library's stages together and add retries and schedules."""
