"""Claim annotator: mark claims and their sources in news articles, export training data."""

__version__ = "0.1.0"
