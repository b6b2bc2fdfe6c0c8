"""Settings come from the environment; bad values are refused by name."""

from __future__ import annotations

import pytest

from dashboard.settings import SettingsError, load_settings


def test_defaults():
    settings = load_settings({})
    assert (settings.port, settings.threshold, settings.min_group_size, settings.language) == (
        8050,
        0.5,
        10,
        "en",
    )
    assert settings.composite_weights == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_weights_are_normalised():
    assert load_settings({"EUIOM_WEIGHTS": "2,1,1"}).composite_weights == (0.5, 0.25, 0.25)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("EUIOM_PORT", "eighty"),
        ("EUIOM_PORT", "70000"),
        ("EUIOM_THRESHOLD", "1.5"),
        ("EUIOM_MIN_GROUP", "0"),
        ("EUIOM_LANG", "de"),
        ("EUIOM_WEIGHTS", "1,1"),
        ("EUIOM_WORKERS", "-2"),
        ("EUIOM_DUCKDB_MEMORY", "lots"),
        ("EUIOM_DUCKDB_MEMORY", "256"),
        ("EUIOM_DUCKDB_THREADS", "0"),
    ],
)
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})


def test_store_defaults_to_a_store_directory_with_versions_kept_and_checked():
    from dashboard.store.files import is_store_directory

    settings = load_settings({})
    assert is_store_directory(settings.store_path) and settings.store_path.name == "store"
    assert (settings.keep_versions, settings.store_check_seconds) == (5, 1.0)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("EUIOM_KEEP_VERSIONS", "0"),
        ("EUIOM_STORE_CHECK_SECONDS", "-1"),
        ("EUIOM_STORE_CHECK_SECONDS", "soon"),
    ],
)
def test_bad_store_settings_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})
