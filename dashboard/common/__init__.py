"""What two pages or more share, public names only: the chart record (``charts``), page options
(``options``), figure helpers and theme, exports, kinds of data, the words of the current view,
the EUTF results' shared pieces and how callbacks are declared (``wiring``)."""
