"""One-sentence text summaries of the charts, for screen readers. One module per subject."""
