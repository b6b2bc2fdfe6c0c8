"""How the survey statistics are computed, in words: the methodology section the sustainability
page and the About page both show, with the configured values filled in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html

from dashboard.auth import disclosure_mode
from dashboard.build.aggregates import STAY_BAND
from dashboard.build.release import utility
from dashboard.build.release.budget import Budget, Guarantee
from dashboard.i18n import format_number, format_percent, t
from dashboard.settings import Settings

# The chart over time follows at most this many groups (the largest); the methodology says so.
MAX_TIME_SERIES = 6
METHOD_PARAGRAPHS = (
    "scores",
    "composite",
    "respondents",
    "intervals",
    "suppression",
    "disclosure",
    "guarantee",
    "groups",
    "cost",
    "mode",
    "threshold",
    "distribution",
    "time",
    "changes",
    "filters",
)


def strength(guarantee: Guarantee) -> str:
    """How the methodology qualifies a guarantee: strong up to ε = 2 at δ = 10⁻⁶ (μ ≈ 0.5), moderate
    up to ε = 6 (one release at the default ρ = 0.5 is ε ≈ 4.9), weak beyond."""
    epsilon = guarantee.epsilon(1e-6)
    return "strong" if epsilon <= 2 else "moderate" if epsilon <= 6 else "weak"


def _chance(share: float, lang: str) -> str:
    """A chance as a whole percentage, 'over 99%' rather than a 100% that would read as certain."""
    return (
        t("sustainability.method.over_99", lang) if share >= 0.995 else format_percent(share, lang)
    )


def disclosure_values(
    lang: str, settings: Settings, release: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """The protected release's parameters and the guarantee of everything released so far, as the
    methodology text quotes them (the store's release and privacy ledger when there is one, else
    the configured budget). The guarantee is stated for the total ρ the ledger counts, never for
    one release alone (``release``: the store's release_info, JSON values)."""
    release = release or {}
    budget = Budget(float(release.get("rho", settings.release_rho)))
    spent = float(release.get("rho_spent_by_this_store", 0.0) or 0.0)
    # Before any release of survey data, the statements are those of the first one.
    total = Guarantee(spent) if spent > 0 else budget
    releases = int(release.get("releases_published", 1 if spent > 0 else 0))
    ledger = "none" if spent <= 0 else "one" if releases == 1 else "many"
    numbers = {
        "rho": format_number(budget.rho, lang, 2),
        "spent": format_number(spent, lang, 2),
        "releases": format_number(releases, lang),
        "cap": format_number(settings.release_rho_total, lang, 2),
    }
    return {
        **numbers,
        "mu": format_number(budget.mu, lang, 2),
        "epsilon": format_number(budget.epsilon(1e-6), lang, 1),
        "ledger": t(f"sustainability.method.ledger.{ledger}", lang, **numbers),
        "mu_total": format_number(total.mu, lang, 2),
        "epsilon_total": format_number(total.epsilon(1e-6), lang, 1),
        "strength": t(f"sustainability.method.strength.{strength(total)}", lang),
        "membership": format_percent(total.membership_accuracy(), lang),
        "ranking": format_percent(total.membership_ranking(), lang),
        "group2": _chance(total.group(2).membership_accuracy(), lang),
        "group5": _chance(total.group(5).membership_accuracy(), lang),
        "records": format_number(int(release.get("released_records", 0)), lang),
        "band": format_number(STAY_BAND, lang, 2),
        "mode": t(f"sustainability.method.mode.{disclosure_mode(settings)}", lang),
        "coverage": utility.interval_coverage_text(lang),
        "large_median": format_number(utility.LARGE_GROUP_MEDIAN_ERROR, lang, 4),
        "large_p95": format_number(utility.LARGE_GROUP_P95_ERROR, lang, 4),
        "mid_within": format_percent(utility.MID_GROUPS_WITHIN_002, lang, 1),
        "verdicts": format_percent(utility.CLEAR_CUT_SAME_VERDICT, lang, 1),
        "reversed": format_percent(utility.REVERSED, lang, 2),
    }


def methodology_section(
    lang: str, settings: Settings, release: Mapping[str, object] | None = None
) -> html.Section:
    """How the sustainability statistics are computed: scores, composite weights, intervals,
    suppression, threshold, distributions and bands, with the configured values filled in.

    Carries no component ids, so the About page can include it as it is.
    """
    economic, social, psychosocial = settings.composite_weights
    values = {
        "economic": format_number(economic, lang, 2),
        "social": format_number(social, lang, 2),
        "psychosocial": format_number(psychosocial, lang, 2),
        "min": format_number(settings.min_group_size, lang),
        "threshold": format_number(settings.threshold, lang, 2),
        "max": MAX_TIME_SERIES,
        **disclosure_values(lang, settings, release),
    }
    return html.Section(
        [
            html.H2(t("sustainability.method.heading", lang), className="h5"),
            *[
                html.P(
                    t(f"sustainability.method.{name}", lang, **values),
                    className="sustainability-method-text",
                )
                for name in METHOD_PARAGRAPHS
            ],
        ],
        className="sustainability-method",
    )
