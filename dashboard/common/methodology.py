"""How the survey statistics are computed, in words: the methodology section the sustainability
page and the About page both show, with the configured values filled in."""

from __future__ import annotations

from collections.abc import Mapping

from dash import html

from dashboard.auth import disclosure_mode
from dashboard.build.aggregates import STAY_BAND
from dashboard.build.release.budget import Budget
from dashboard.cells import number_or_nan
from dashboard.i18n import format_number, format_percent, t
from dashboard.settings import Settings

# The chart over time follows at most this many groups (the largest); the methodology says so.
MAX_TIME_SERIES = 6
METHOD_PARAGRAPHS = ("scores", "composite", "respondents", "intervals", "suppression", "disclosure", "guarantee",
                     "cost", "mode", "threshold", "distribution", "time", "changes", "filters")


def disclosure_values(lang: str, settings: Settings, release: Mapping[str, object] | None = None) -> dict[str, str]:
    """The protected release's parameters, as the methodology text quotes them (the store's
    release when there is one, else the configured budget)."""
    release = release or {}
    budget = Budget(number_or_nan(release.get("rho", settings.release_rho)))
    return {
        "rho": format_number(budget.rho, lang, 2), "mu": format_number(budget.mu, lang, 2),
        "epsilon": format_number(budget.epsilon(1e-6), lang, 1),
        "membership": format_percent(budget.membership_accuracy(), lang),
        "spent": format_number(number_or_nan(release.get("rho_spent_by_this_store", budget.rho)), lang, 2),
        "records": format_number(int(number_or_nan(release.get("released_records", 0))), lang),
        "band": format_number(STAY_BAND, lang, 2),
        "mode": t(f"sustainability.method.mode.{disclosure_mode(settings)}", lang),
    }


def methodology_section(lang: str, settings: Settings, release: Mapping[str, object] | None = None) -> html.Section:
    """How the sustainability statistics are computed: scores, composite weights, intervals,
    suppression, threshold, distributions and bands, with the configured values filled in.

    Carries no component ids, so the About page can include it as it is.
    """
    economic, social, psychosocial = settings.composite_weights
    values = {
        "economic": format_number(economic, lang, 2), "social": format_number(social, lang, 2),
        "psychosocial": format_number(psychosocial, lang, 2), "min": format_number(settings.min_group_size, lang),
        "threshold": format_number(settings.threshold, lang, 2), "max": MAX_TIME_SERIES,
        **disclosure_values(lang, settings, release),
    }
    return html.Section(
        [
            html.H2(t("sustainability.method.heading", lang), className="h5"),
            *[html.P(t(f"sustainability.method.{name}", lang, **values), className="sustainability-method-text")
              for name in METHOD_PARAGRAPHS],
        ],
        className="sustainability-method",
    )
