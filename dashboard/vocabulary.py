"""The code lists and labels several layers share: the options parsers, the layouts, the
callbacks and the figure builders all name groupings, scores, groups and map colourings the same
way. A bottom-level module: it imports only the translations, the catalog and the survey's fixed
code lists, so every layer above can import it and imports point one way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from dashboard.catalog import Catalog
from dashboard.i18n import t
from dashboard.queries.sustainability import FIXED_CODES

# The map's categorical colourings (the amount colourings are added by ``dashboard.map_options``).
COLOUR_MODES = ("action", "region", "status")
DEFAULT_COLOUR_MODE = "action"


def colour_mode(value: object) -> str:
    """A known colouring mode, or the default for anything else (URL values included)."""
    return value if value in COLOUR_MODES else DEFAULT_COLOUR_MODE


def grouping_label(grouping: str, lang: str, lower: bool = False) -> str:
    """The name of a grouping (``lower`` for use inside a sentence)."""
    return t(f"sustainability.grouping{'_lower' if lower else ''}.{grouping}", lang)


def measure_label(measure: str, lang: str, lower: bool = False) -> str:
    """The name of a score dimension (``lower`` for use inside a sentence)."""
    return t(f"sustainability.measure{'_lower' if lower else ''}.{measure}", lang)


def _sort_key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def group_labels(grouping: str, lang: str, catalog: Catalog) -> dict[str, str]:
    """Every known code of ``grouping`` with its label in ``lang``, in display order.

    Fixed vocabularies keep their natural order (age bands, months bands), Actions the order
    of the source page, regions and countries alphabetical order in ``lang``.
    """
    if grouping in FIXED_CODES:
        return {code: t(f"sustainability.code.{grouping}.{code}", lang) for code in FIXED_CODES[grouping]}
    if grouping == "action":
        return {code: named.name(lang) for code, named in catalog.actions.items()}
    source = catalog.regions if grouping == "region" else catalog.countries
    labels = {code: named.name(lang) for code, named in source.items()}
    return dict(sorted(labels.items(), key=lambda item: _sort_key(item[1])))


def group_options(codes: Iterable[str], labels: Mapping[str, str]) -> list[dict[str, str]]:
    """Dropdown options for the codes present, in label order; unknown codes last, by code."""
    present = set(codes)
    known = [{"label": label, "value": code} for code, label in labels.items() if code in present]
    unknown = [{"label": code, "value": code} for code in sorted(present - labels.keys())]
    return known + unknown
