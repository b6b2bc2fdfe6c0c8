"""The about and methodology page (``/about``): sources and how figures are made."""

from dashboard.about.text import TEXT
from dashboard.i18n import add_texts

add_texts(TEXT)  # the page's words, for every module that uses them (see dashboard.i18n)
