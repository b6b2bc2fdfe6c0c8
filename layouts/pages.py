"""The page registry: path, navigation label and layout function of every page, in menu order."""

from __future__ import annotations

from dashboard.auth import Permission
from dashboard.pages import Page, Site
from layouts import about_page, import_page, map_page, pillars_page, sustainability_page
from layouts.print_brief import print_header

PAGES = tuple(
    Page(key, path, nav_key, module.layout, getattr(module, "PERMISSION", Permission.VIEW))
    for key, path, nav_key, module in (
        ("map", "/", "nav.map", map_page),
        ("pillars", "/pillars", "nav.pillars", pillars_page),
        ("sustainability", "/sustainability", "nav.sustainability", sustainability_page),
        ("about", "/about", "nav.about", about_page),
        ("import", "/import", "nav.import", import_page),
    )
)


def site() -> Site:
    """The pages and the print header builder, as ``create_app`` hands them to the callbacks."""
    return Site(PAGES, print_header)
