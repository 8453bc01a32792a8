"""The schema editor: add, rename, recolour and re-key labels; stored in the project."""
