"""Labels the pillar figures, summaries, export frames and tables share: cell states and pillar
names."""

from __future__ import annotations

import textwrap

# Cell state -> (symbol, fill colour, hover label key, level for the discrete colour scale).
CELL_STATES = {
    "none": ("", "#f4f5f7", "pillars.basis.none", 0),
    "excluded": ("✕", "#fbe1dd", "pillars.basis.excluded", 1),
    "mapped": ("◐", "#fde7c5", "pillars.basis.mapped", 2),
    "country exception": ("◆", "#d4efe1", "pillars.basis.country_exception", 3),
    "stated": ("●", "#cfe3f5", "pillars.basis.stated", 4),
}


HOVER_WIDTH = 60


LABEL_WIDTH = 14


def wrap(text: str | None, width: int = HOVER_WIDTH, separator: str = "<br>") -> str:
    """Text broken into lines of at most ``width`` characters (paragraphs kept)."""
    if not text:
        return ""
    return separator.join(
        separator.join(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)) for paragraph in str(text).split("\n") if paragraph
    )


def pillar_label(pillar_no: int, name: str, *, width: int | None = LABEL_WIDTH) -> str:
    """'1. Capacity building', wrapped for an axis when ``width`` is given."""
    label = f"{int(pillar_no)}. {name}"
    return wrap(label, width) if width else label


def _state(basis: object) -> str:
    return basis if isinstance(basis, str) and basis in CELL_STATES else "none"
