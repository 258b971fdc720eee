"""wirewatch: media-monitoring streaming pipeline."""

__version__ = "0.1.0"
