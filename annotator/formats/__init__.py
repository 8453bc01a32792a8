"""Importers and exporters, one module per format, a registry by name. No Qt, no SQL."""
