"""What the methodology says about the protected release: the guarantee of everything released so
far, what holds for one person and what does not for groups, and each paragraph in both languages."""

from __future__ import annotations

import re

import pytest
from helpers import texts

from dashboard.build.release.budget import DEFAULT_BUDGET, Guarantee
from dashboard.common.methodology import disclosure_values, methodology_section
from dashboard.i18n import t
from dashboard.i18n.methodology import TEXT as METHOD_TEXT
from dashboard.settings import load_settings
from dashboard.sustainability.text import TEXT as SUSTAINABILITY_TEXT


def methodology(lang: str, release: dict | None = None) -> str:
    return texts(methodology_section(lang, load_settings({}), release))


@pytest.mark.parametrize(
    ("spent", "releases", "membership", "ranking"),
    [(0.5, 1, "69%", "76%"), (1.0, 2, "76%", "84%"), (1.5, 3, "81%", "89%")],
)
def test_the_guarantee_is_stated_for_the_total_spent_not_one_release(
    spent, releases, membership, ranking
):
    text = methodology(
        "en", {"rho": 0.5, "rho_spent_by_this_store": spent, "releases_published": releases}
    )
    assert f"is right at most {membership} of the time" in text
    assert f"a member ranks above a non-member at most {ranking} of the time" in text
    assert f"ρ = {spent:.2f}" in text and "EUIOM_RELEASE_RHO_TOTAL" in text


def test_the_membership_numbers_are_the_right_bounds_for_what_they_claim():
    """At equal odds the best test's accuracy is Φ(μ/2) (0.69 at μ = 1); Φ(μ/√2) (0.76) bounds the
    area under a test's ROC curve, a ranking, not an accuracy; zCDP adds up, so two releases are μ = √2."""
    assert DEFAULT_BUDGET.membership_accuracy() == pytest.approx(0.6915, abs=1e-4)
    assert DEFAULT_BUDGET.membership_ranking() == pytest.approx(0.7602, abs=1e-4)
    assert Guarantee(1.0).membership_accuracy() == pytest.approx(0.7602, abs=1e-4)
    assert DEFAULT_BUDGET.group(2).mu == pytest.approx(2 * DEFAULT_BUDGET.mu)


def test_one_person_is_protected_groups_are_not_hidden_and_nothing_is_overstated():
    for lang, person, groups, caveat in (
        ("en", "one person at a time", "What it does not hide: small groups", "still add up"),
        (
            "fr",
            "une personne à la fois",
            "Ce qu’elle ne cache pas\u00a0: les petits groupes",
            "s’additionnent toujours",
        ),
    ):
        text = methodology(
            lang, {"rho": 0.5, "rho_spent_by_this_store": 0.5, "releases_published": 1}
        )
        assert person in text and groups in text and caveat in text
    english = methodology("en")
    assert "almost nothing more" not in english and "a moderate guarantee" in english
    assert "presque rien de plus" not in methodology("fr")
    values = disclosure_values(
        "en",
        load_settings({}),
        {"rho": 0.5, "rho_spent_by_this_store": 2.0, "releases_published": 4},
    )
    assert values["strength"].startswith("a weak guarantee") and values["group5"] == "over 99%"


def test_every_methodology_paragraph_is_in_its_language_and_says_one_thing():
    # The French "what it costs" paragraph had an English sentence missing and a stale tail.
    cost = t("sustainability.method.cost", "fr", **disclosure_values("fr", load_settings({})))
    assert cost.startswith("Ce que cela coûte à un analyste\u00a0: les chiffres sont proches")
    assert "., " not in cost and "comparable à l’intervalle lui-même" not in cost
    # "a mean is a mean over responses" contradicted "Respondents, not responses".
    for lang in ("en", "fr"):
        assert "over responses" not in METHOD_TEXT["sustainability.method.scores"][lang]
        assert (
            "porte donc sur les réponses" not in METHOD_TEXT["sustainability.method.scores"][lang]
        )
    # French typography: a narrow no-break space before % as the app's own numbers write it.
    french = " ".join(value["fr"] for value in {**SUSTAINABILITY_TEXT, **METHOD_TEXT}.values())
    assert not re.search(r"\w %", french) and "95\u202f%" in french
