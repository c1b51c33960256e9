"""Analysis: pure functions from records to numbers and plain sentences (no Textual, no I/O).

The modules depend on each other in one direction only: stats <- insights <- history_view,
stats/insights <- report; suggest stands alone.
"""
