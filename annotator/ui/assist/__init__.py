"""Assistance in the GUI: keyboard review of suggestions, similar claims and clusters (issue 7).

Standalone pieces for the main window to wire in: `SuggestionKeys` (an event filter on the document
view) and `SimilarClaimsPanel` (a widget for the details panel). Both change data only through
`annotator.project` and report every change as a signal carrying what changed.
"""

from annotator.ui.assist.keys import SuggestionKeys
from annotator.ui.assist.similar import SimilarClaimsPanel

__all__ = ["SimilarClaimsPanel", "SuggestionKeys"]
