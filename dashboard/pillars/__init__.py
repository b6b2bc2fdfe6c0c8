"""The pillars and indicators page (``/pillars``): pillar coverage, programme indicators, the
EUTF reported results and their explorer. One folder holds the page: options, queries, charts (the
registry), figures, frames, summaries, blocks, labels, text, layout and callbacks; the explorer's
request parser, rows, layout and callbacks (``explorer*.py``)."""

from dashboard.i18n import add_texts
from dashboard.pillars.text import TEXT

add_texts(TEXT)  # the page's words, for every module that uses them (see dashboard.i18n)
