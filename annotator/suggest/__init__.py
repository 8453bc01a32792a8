"""Pre-annotation: proposed claims, sources and cues, repeated passages, similar claims. No Qt, no SQL.

Everything here is offline rules and libraries whose data ships in their wheels; nothing is downloaded.
"""

from annotator.suggest.engine import SuggestedLink, SuggestedSpan, Suggestions, attributions, suggest_text

__all__ = ["SuggestedLink", "SuggestedSpan", "Suggestions", "attributions", "suggest_text"]
