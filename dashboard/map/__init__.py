"""The programme map page (``/``): the Action countries coloured by category or by an amount, and
a country's profile. One folder holds the page: options, queries, charts (the registry), figures,
frames, summaries, blocks, labels, text, layout and callbacks."""

from dashboard.i18n import add_texts
from dashboard.map.text import TEXT

add_texts(TEXT)  # the page's words, for every module that uses them (see dashboard.i18n)
