"""A number and its unit never part at a line's end: "95%" whole in English, "95 %" with a
narrow no-break space in French, "1,200 EUR" with a no-break space; over every interface text
and the texts the charts and tables generate (a chart's subtitle is wrapped by the app). French
guillemets keep their word beside them too (a line never starts with "»")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import AsPlotly

import dashboard.about
import dashboard.imports
import dashboard.map
import dashboard.pillars
import dashboard.sustainability  # noqa: F401 (each page package adds its texts)
from dashboard.i18n import TEXT, format_percent, with_unit
from dashboard.map.amounts import AmountSpec, as_value_text
from dashboard.selection import Selection
from dashboard.sustainability import figures
from dashboard.sustainability import queries as q
from dashboard.sustainability.disclosure import EXACT

UNITS = r"(%|EUR\b)"
# A number (or a placeholder for one) then a space a line may break at, then its unit.
BREAKABLE = re.compile(r"(\d|\})[ \t\n]" + UNITS)
# French: the unit after a narrow no-break space, never glued nor after a wide one.
FRENCH_BADLY_SPACED = re.compile(r"(\d|\})(\u00a0)?" + UNITS)
# French guillemets with a space a line may break at inside them.
LOOSE_GUILLEMETS = re.compile(r"«[ \t\n]|[ \t\n]»")
REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"


def unit_problems(text: str, lang: str) -> list[str]:
    """Where a unit could start a line, or (in French) is not after a narrow no-break space."""
    found = [match.group(0) for match in BREAKABLE.finditer(text)]
    if lang == "fr":
        found += [match.group(0) for match in FRENCH_BADLY_SPACED.finditer(text)]
        found += [match.group(0) for match in LOOSE_GUILLEMETS.finditer(text)]
    return found


def test_the_dashboards_own_reference_texts_keep_guillemets_with_their_word():
    # The French notes the dashboard wrote for its reference tables (not the EUTF export's text).
    text = (REFERENCE / "global_components.csv").read_text(encoding="utf-8")
    assert LOOSE_GUILLEMETS.findall(text) == []


# Texts quoting the source's own writing ("80%" as a target is written in the EUTF data).
QUOTING_THE_SOURCE = {("about.eutf.meaning", "fr")}


def test_no_interface_text_lets_a_unit_start_a_line():
    problems = {
        (key, lang): found
        for key, texts in TEXT.items()
        for lang, text in texts.items()
        if (found := unit_problems(text, lang)) and (key, lang) not in QUOTING_THE_SOURCE
    }
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_generated_numbers_keep_their_unit(lang):
    for text in (
        format_percent(0.953, lang, 1),
        with_unit("1,200", "EUR", lang),
        as_value_text(8_300_000, _spec("EUR"), lang),
        as_value_text(45, _spec("%"), lang),
    ):
        assert unit_problems(text, lang) == [] and " " not in text, text


def _spec(unit: str) -> AmountSpec:
    fields = {name: "" for name in AmountSpec.__dataclass_fields__}
    return AmountSpec(**{**fields, "unit": unit, "missing_label": "–"})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_comparison_subtitle_never_starts_a_line_with_a_unit(tiny_cursor, lang):
    for min_size, (a, b) in ((1, ("female", "male")), (3, ("male", "female"))):
        compared = q.compare_groups(
            tiny_cursor, Selection(), "sex", a, b, min_group_size=min_size, disclosure=EXACT
        )
        for label in ("Women", "West and Central Africa and Horn of Africa", "x" * 30):
            chart = AsPlotly(figures).comparison_chart(
                compared, label_a=label, label_b="Men", lang=lang, demo=False, min_group_size=1
            )
            subtitle = str(chart.layout.title.subtitle.text or "")
            assert subtitle and unit_problems(subtitle, lang) == []
            assert not any(re.match(r"\s*" + UNITS, line) for line in subtitle.split("<br>")), (
                subtitle
            )
