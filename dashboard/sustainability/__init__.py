"""The reintegration sustainability page (``/sustainability``): survey scores per group from the
protected release (exact figures for roles given that right). One folder holds the page: options,
queries, charts (the registry), figures, frames, summaries, blocks, labels, text, layout and
callbacks."""

from dashboard.i18n import add_texts
from dashboard.sustainability.text import TEXT

add_texts(TEXT)  # the page's words, for every module that uses them (see dashboard.i18n)
