"""Labels the presentation modules of a subject share (figures, summaries, export frames, HTML
blocks): units, quarters, group orders, verdicts. One module per subject; labels import only
``dashboard.i18n``, ``dashboard.theme`` and each other, never figures."""
