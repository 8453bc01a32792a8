"""Pre-annotation: proposed claims, sources and cues that an annotator accepts or rejects. No Qt."""
