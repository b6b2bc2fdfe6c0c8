"""Every page of the dashboard, in menu order: the one registry ``create_app``, the shell, the
callbacks and the API read. A new page is a package with a ``page.py`` and one line here."""

from __future__ import annotations

from dashboard.about.page import PAGE as ABOUT
from dashboard.common.charts import ChartSpec
from dashboard.common.options import OptionTable
from dashboard.common.pages import Page, Site
from dashboard.imports.page import PAGE as IMPORT
from dashboard.map.page import PAGE as MAP
from dashboard.pillars.page import PAGE as PILLARS
from dashboard.sustainability.page import PAGE as SUSTAINABILITY
from layouts.print_brief import print_header

PAGES: tuple[Page, ...] = (MAP, PILLARS, SUSTAINABILITY, ABOUT, IMPORT)
SITE = Site(PAGES, print_header)


def all_charts() -> dict[str, ChartSpec]:
    """Every chart of every page, by key (the API, the zip, embeds, exports)."""
    return SITE.charts()


def option_tables() -> dict[str, OptionTable]:
    """Each page's options table, by page key."""
    return SITE.option_tables()
