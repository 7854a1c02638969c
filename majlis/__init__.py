"""majlis: Arabic defence and diplomatic news to a warehouse of meeting events."""

__version__ = "0.6.0"
# Bumped whenever extraction or lexicons change in a way that alters facts; recorded on every row.
PIPELINE_VERSION = f"majlis-{__version__}"
