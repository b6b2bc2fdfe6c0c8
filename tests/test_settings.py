"""Settings come from the environment; bad values are refused by name."""

from __future__ import annotations

import pytest

from dashboard.settings import SettingsError, load_settings


def test_defaults():
    settings = load_settings({})
    assert (settings.port, settings.threshold, settings.min_group_size, settings.language) == (8050, 0.5, 10, "en")
    assert settings.composite_weights == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_weights_are_normalised():
    assert load_settings({"EUIOM_WEIGHTS": "2,1,1"}).composite_weights == (0.5, 0.25, 0.25)


@pytest.mark.parametrize(("name", "value"), [
    ("EUIOM_PORT", "eighty"), ("EUIOM_PORT", "70000"), ("EUIOM_THRESHOLD", "1.5"),
    ("EUIOM_MIN_GROUP", "0"), ("EUIOM_LANG", "de"), ("EUIOM_WEIGHTS", "1,1"), ("EUIOM_WORKERS", "-2"),
    ("EUIOM_DUCKDB_MEMORY", "lots"), ("EUIOM_DUCKDB_MEMORY", "256"),
])
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value})
