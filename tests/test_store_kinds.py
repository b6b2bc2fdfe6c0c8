"""Every page renders on an empty store and on an imported one, and says what data it shows."""

from __future__ import annotations

import pytest
from helpers import texts

from callbacks.shell import render_page
from dashboard.build.stores import build_store
from dashboard.common.shell_text import banner_text
from dashboard.site import PAGES, SITE
from dashboard.store.context import AppContext

from conftest import settings_for


@pytest.fixture(scope="module")
def empty_context(tmp_path_factory):
    return AppContext(
        settings_for(build_store(tmp_path_factory.mktemp("empty") / "empty.duckdb", demo=False))
    )


@pytest.mark.parametrize("path", [page.path for page in PAGES])
def test_every_page_renders_on_an_empty_store(empty_context, path):
    assert render_page(empty_context, SITE, path, "", "en") is not None


def test_banners_say_what_the_data_is(empty_context, tiny_store_path):
    assert "holds no indicator or survey data" in banner_text(empty_context.catalog, "en", [])
    imported = AppContext(settings_for(tiny_store_path))
    text = banner_text(imported.catalog, "en", imported.imported_files)
    # Indicator files by name; survey files counted, their names for data managers only.
    assert "indicator values from tiny_indicators.csv; survey scores from a survey file" in text
    assert "tiny_survey.csv" not in text


@pytest.mark.parametrize(
    ("lang", "demo_part", "real_part"),
    [
        (
            "en",
            "Demo data in the indicator and survey charts",
            "Real, with their source: EUTF results",
        ),
        (
            "fr",
            "Données de démonstration dans les graphiques d’indicateurs et d’enquête",
            "Réels, avec leur source\u00a0: résultats et budgets du FFUE",
        ),
    ],
)
def test_demo_banner_says_which_figures_are_demo_and_which_are_real(
    demo_store_path, lang, demo_part, real_part
):
    text = banner_text(AppContext(settings_for(demo_store_path)).catalog, lang, [])
    assert text.startswith(demo_part) and real_part in text
    assert (
        "on this screen" not in text and "de cet écran" not in text
    )  # the EUTF figures on it are real


def test_about_page_lists_imported_files(tiny_store_path):
    context = AppContext(settings_for(tiny_store_path))
    about = texts(render_page(context, SITE, "/about", "", "en"))
    assert "tiny_indicators.csv" in about and "004_fe997082141e9e19.txt" in about
    # Outside a data manager's request, a survey file is neither named nor counted in rows.
    assert (
        "tiny_survey.csv" not in about
        and "a survey file (its name and row count are shown to data managers)" in about
    )
    assert (
        "actions (start, end, funding)" in about
        and "https://reliefweb.int/report/bangladesh" in about
    )


def test_a_store_of_an_older_schema_is_refused_with_the_fix_and_can_be_upgraded(tmp_path):
    from dashboard.build.stores import upgrade_store
    from dashboard.store.files import StoreError, connect_writable

    path = build_store(tmp_path / "old.duckdb", demo=True, rows=300)
    connection = connect_writable(path)
    connection.execute("DROP TABLE survey_group_cells")
    connection.execute("UPDATE store_info SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(StoreError, match="upgrade --store"):
        _ = AppContext(settings_for(path)).catalog
    assert upgrade_store(path) == "1"
    assert AppContext(settings_for(path)).catalog.is_demo
