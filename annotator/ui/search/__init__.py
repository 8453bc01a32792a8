"""Find in the document (Ctrl+F) and search across the corpus (Ctrl+Shift+F)."""
