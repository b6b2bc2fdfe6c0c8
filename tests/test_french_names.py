"""French names inside generated sentences: "de" and "pour" with each name's article and elision
("Moyennes de l’Afrique centrale et de l’Ouest", "du Niger", "des femmes"), for every region,
country and Action of the reference data and every fixed group of the sustainability page."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.build.reference import read_reference_csv
from dashboard.i18n import for_name, of_name, t
from dashboard.i18n.names import known_article
from dashboard.pillars.summaries import eutf_results_summary
from dashboard.sustainability.labels import FIXED_CODES, difference_verdict

# "de" before a vowel or a mute h, "de le" and "de les", "à le": never in French.
WRONG = re.compile(r"\b(de [AEIOUYHÉÈÂÎaeiouyhéèâî]|de le |de les |à le |à les )")


def every_french_name() -> list[str]:
    names = [
        *read_reference_csv("countries")["name_fr"],
        *read_reference_csv("regions")["name_fr"],
        *read_reference_csv("actions")["short_name_fr"],
        *read_reference_csv("actions")["name_fr"],
    ]
    names += [
        t(f"sustainability.code.{grouping}.{code}", "fr")
        for grouping, codes in FIXED_CODES.items()
        for code in codes
    ]
    return sorted(set(names))


@pytest.mark.parametrize("name", every_french_name())
def test_every_name_reads_right_after_de_and_pour(name):
    of, for_ = of_name(name, "fr"), for_name(name, "fr")
    assert WRONG.search(f"Moyennes {of}") is None, of
    assert of.startswith(("du ", "des ", "de la ", "de l’", "d’", "de ")) and of.endswith(name[1:])
    assert for_ == name or for_.endswith(name[1:])
    # Every place and group name has its article listed (a new country gets one, or this test
    # fails); only the months bands ("0–5 mois") are not names of anything.
    assert known_article(name) is not None or "mois" in name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Afrique centrale et de l’Ouest", "de l’Afrique centrale et de l’Ouest"),
        ("Niger", "du Niger"),
        ("Guinée", "de la Guinée"),
        ("Éthiopie", "de l’Éthiopie"),
        ("Djibouti", "de Djibouti"),
        ("Femmes", "des femmes"),
        ("Aide sociale", "de l’aide sociale"),
        ("Prottasha", "de Prottasha"),
        ("Moyen-Orient et Afrique du Nord", "du Moyen-Orient et Afrique du Nord"),
        ("Afghanistan", "de l’Afghanistan"),
        ("Comores", "des Comores"),
        ("Oman", "d’Oman"),
        ("18–24 ans", "des 18–24 ans"),
    ],
)
def test_de_takes_the_article_and_elides(name, expected):
    assert of_name(name, "fr") == expected
    assert of_name(name, "en") == name


def test_the_comparison_caption_and_verdict_in_french():
    caption = t(
        "sustainability.compare.caption",
        "fr",
        a="Afrique centrale et de l’Ouest",
        b="Niger",
        of_a=of_name("Afrique centrale et de l’Ouest", "fr"),
        of_b=of_name("Niger", "fr"),
        n_a="3",
        n_b="4",
    )
    assert caption.startswith(
        "Moyennes de l’Afrique centrale et de l’Ouest (n=3) et du Niger (n=4)"
    )
    verdict = difference_verdict(0.1, 0.2, label_a="Femmes", label_b="Hommes", lang="fr")
    assert verdict.startswith("score plus élevé pour les femmes que pour les hommes")
    assert difference_verdict(0.1, 0.2, label_a="Women", label_b="Men", lang="en").startswith(
        "Women higher than Men"
    )


def test_the_pillars_eutf_summary_names_the_top_country_with_its_article():
    rows = pd.DataFrame(
        {
            "scope": ["country", "country", "regional"],
            "actual": [40888, 120, 5000],
            "indicator_number": ["3.4", "3.4", "3.4"],
            "place": ["Niger", "Mali", "Sahel et lac Tchad"],
        }
    )
    text = eutf_results_summary(rows, "2. Protection", "fr")
    assert "est celle du Niger · 3.4 (40\u202f888)" in text
    assert "is Niger · 3.4 (40,888)" in eutf_results_summary(rows, "2. Protection", "en")
