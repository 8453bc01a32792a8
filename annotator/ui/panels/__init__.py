"""Small panels the main window places: palette, details, document header, guidelines, save state."""
