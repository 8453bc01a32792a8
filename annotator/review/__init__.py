"""Agreement measures, disagreement units, adjudication and merging of project files. No Qt, no SQL.

- `agreement.compute_agreement`: every figure of DESIGN.md's Agreement section (+ α_U, relations,
  per-document disagreement, confusion) over `data.ReviewDocument`s; `report` holds the results.
- `spans`, `tokens`, `coefficients`, `unitizing`: the measures one by one.
- `units`: units of disagreement and their variants; `adjudicate`: unanimous / majority / threshold.
The service functions that read and write a project are in `annotator.project.review_*`.
"""
