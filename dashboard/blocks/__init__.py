"""HTML blocks built from data (cards, tables, profile sections, notes). One module per subject."""
