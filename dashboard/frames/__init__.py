"""The data behind each chart as a table (downloads and the "show as table" view): rows in the
chart's order, readable labels next to codes, column names in the page's language. One module
per subject."""
