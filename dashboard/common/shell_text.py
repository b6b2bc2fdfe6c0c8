"""Every piece of shell text, keyed by (component id, property), so one language switch can
re-label the shell without reloading it and without touching the filter values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard import ids
from dashboard.auth import Permission, User
from dashboard.auth.roles import Role
from dashboard.common.describe import imported_sources
from dashboard.common.pages import Page
from dashboard.common.wiring import impure
from dashboard.i18n import dropdown_labels, format_number, quarter_label, t
from dashboard.store.catalog import Catalog

# (component id, catalog field or None for quarters, label key, multi-select)
FILTER_CONTROLS = (
    (ids.FILTER_REGION, "regions", "filters.region", True),
    (ids.FILTER_STATUS, "statuses", "filters.status", True),
    (ids.FILTER_ACTION, "actions", "filters.action", True),
    (ids.FILTER_COUNTRY, "countries", "filters.country", True),
    (ids.FILTER_PILLAR, "pillars", "filters.pillar", True),
    (ids.FILTER_PERIOD_START, None, "filters.period_start", False),
    (ids.FILTER_PERIOD_END, None, "filters.period_end", False),
)


def label_id(component_id: str) -> str:
    """Id of the visible label of a filter control."""
    return f"{component_id}-label"


def nav_link_id(page_key: str) -> str:
    """Id of a page's navigation link."""
    return f"shell-nav-{page_key}-link"


def filter_options(catalog: Catalog, field: str | None, lang: str) -> list[dict[str, object]]:
    """Options of one filter control in ``lang``."""
    if field is None:
        return [
            {"label": quarter_label(quarter, lang), "value": quarter}
            for quarter in catalog.quarters
        ]
    return catalog.options(field, lang)


def banner_text(catalog: Catalog, lang: str, imported_files: list[str]) -> str:
    """What kind of data the charts show."""
    if catalog.is_demo:
        return t(
            "banner.demo",
            lang,
            seed=catalog.info.get("demo_seed", "?"),
            rows=format_number(int(catalog.info.get("demo_rows", 0)), lang),
        )
    if catalog.data_origin == "imported":
        parts = []
        if imported_files:  # indicator files, by name
            parts.append(t("banner.imported_indicators", lang, files=", ".join(imported_files)))
        if (
            catalog.survey_imports
        ):  # survey files, counted: their names are shown to data managers only
            parts.append(
                t("banner.imported_survey", lang, files=imported_sources(catalog, [], lang))
            )
        if not parts:
            return t("banner.imported", lang, files="?")
        return t("banner.imported_kinds", lang, kinds=t("list.separator", lang).join(parts))
    return t("banner.empty", lang)


@impure("names the signed-in user, whom the answer cache's key does not hold")
def account_text(user: User, lang: str) -> str:
    """'Signed in as alice (viewer, analyst)', or nothing for a visitor who did not sign in."""
    if not user.signed_in:
        return ""
    roles = ", ".join(t(f"auth.role.{role}", lang) for role in Role if user.has_role(role))
    return t("auth.signed_in_as", lang, name=user.name, roles=roles)


def imports_locally(user: User) -> bool:
    """Whether ``user`` is the open demo's local data manager (imports on this computer only)."""
    return user.can(Permission.MANAGE_DATA) and not user.signed_in


def shell_texts(
    catalog: Catalog,
    lang: str,
    imported_files: list[str],
    *,
    pages: Sequence[Page],
    local_import: bool = False,
) -> dict[tuple[str, str], Any]:
    """(component id, property) -> value for every translatable property of the shell (``pages``:
    the pages of the navigation; ``local_import``: the visitor is the local data manager, see
    :func:`imports_locally`) but the signed-in user's name (:func:`account_text`)."""
    # Values of several component properties (children, titles, options, labels).
    texts: dict[tuple[str, str], Any] = {
        (ids.BRAND_TITLE, "children"): t("app.title", lang),
        (ids.BRAND_SUBTITLE, "title"): t("app.subtitle", lang),
        (ids.SKIP_LINK, "children"): t("nav.skip", lang),
        (ids.LANGUAGE_LABEL, "children"): t("nav.language", lang),
        (ids.DEMO_BANNER, "children"): banner_text(catalog, lang, imported_files),
        (ids.FILTER_TOGGLE, "children"): t("filters.title", lang),
        (ids.FILTER_TOGGLE, "title"): t("filters.toggle", lang),
        (ids.FILTER_RESET, "children"): t("filters.reset", lang),
        (ids.FOOTER, "children"): t("footer.sources", lang),
        (ids.NAV_TOGGLE, "title"): t("nav.menu", lang),
        (ids.PRINT_BUTTON, "children"): t("print.button", lang),
        (ids.PRINT_BUTTON, "title"): t("print.button_title", lang),
        (ids.OPEN_DATA_TOGGLE, "children"): t("api.menu", lang),
        (ids.DOWNLOAD_ALL_LINK, "children"): t("api.download_all", lang),
        (ids.DOWNLOAD_ALL_LINK, "title"): t("api.download_all_title", lang),
        (ids.DOWNLOAD_ALL_HXL_LINK, "children"): t("api.download_all_hxl", lang),
        (ids.API_DOCS_LINK, "children"): t("api.docs_link", lang),
        (ids.SIGN_OUT_BUTTON, "children"): t("auth.sign_out", lang),
        (ids.ACCOUNT_LANGUAGE_FIELD, "value"): lang,
    }
    for page in pages:
        # The open demo's local data manager imports on this computer only: the menu says so.
        local = page.key == "import" and local_import
        texts[(nav_link_id(page.key), "children")] = t(
            page.nav_key + ("_local" if local else ""), lang
        )
    for component_id, field, key, _ in FILTER_CONTROLS:
        texts[(label_id(component_id), "children")] = t(key, lang)
        texts[(component_id, "placeholder")] = t("filters.all", lang)
        texts[(component_id, "options")] = filter_options(catalog, field, lang)
        texts[(component_id, "labels")] = dropdown_labels(lang)
    return texts
