"""The visible mark of survey figures: protected (computed from the protected release) or exact."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.i18n import t

EXACT_COLOUR = "#A51C30"
PROTECTED_COLOUR = "#555555"


def mark_exact(figure: go.Figure, lang: str) -> go.Figure:
    """Stamp a survey figure as exact (unperturbed), so a PNG or SVG of it says so too."""
    figure.add_annotation(
        text=f"<b>{t('sustainability.disclosure.exact_mark', lang)}</b>", xref="paper", yref="paper", x=1,
        y=1.02, yshift=20, xanchor="right", yanchor="bottom", showarrow=False, font={"size": 11, "color": EXACT_COLOUR})
    return figure


def mark_protected(figure: go.Figure, lang: str) -> go.Figure:
    """Stamp a survey figure as computed from the protected release (differential privacy), so
    the page, a PNG or an SVG of it says so."""
    figure.add_annotation(
        text=t("sustainability.disclosure.protected_mark", lang), xref="paper", yref="paper", x=1,
        y=1.02, yshift=20, xanchor="right", yanchor="bottom", showarrow=False,
        font={"size": 10, "color": PROTECTED_COLOUR})
    return figure
