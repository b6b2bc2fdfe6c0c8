"""The data managers' import page (``/import``): check and import a file, the history, rollbacks.
What the page does (``service``) calls ``dashboard.build``; the views turn its results into components."""

from dashboard.i18n import add_texts
from dashboard.imports.text import TEXT

add_texts(TEXT)  # the page's words, for every module that uses them (see dashboard.i18n)
