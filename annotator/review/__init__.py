"""Agreement measures, disagreement units, adjudication and merging of project files. No Qt."""
