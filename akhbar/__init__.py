"""akhbar: Arabic news scrapes in, a clean, deduplicated, entity-rich article warehouse out."""

__version__ = "0.1.0"
