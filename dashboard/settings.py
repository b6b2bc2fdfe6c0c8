"""Settings read from environment variables, each with a name, a default and a help text."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard import DATA_DIR


class SettingsError(ValueError):
    """A setting from the environment has a value the app cannot use."""


@dataclass(frozen=True)
class SettingSpec:
    """One documented setting: environment variable, default, parser and help text."""

    env: str
    default: str
    help: str
    parse: Callable[[str], Any] = field(repr=False)


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError("must be at least 1")
    return value


def _port(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= 65535:
        raise ValueError("must be between 1 and 65535")
    return value


def _unit_interval(raw: str) -> float:
    value = float(raw)
    if not 0.0 <= value <= 1.0:
        raise ValueError("must be between 0 and 1")
    return value


def _language(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("en", "fr"):
        raise ValueError("must be 'en' or 'fr'")
    return value


def _weights(raw: str) -> tuple[float, float, float]:
    parts = [float(part) for part in raw.split(",")]
    if len(parts) != 3 or any(part < 0 for part in parts) or sum(parts) <= 0:
        raise ValueError("must be three non-negative numbers, economic,social,psychosocial")
    total = sum(parts)
    return (parts[0] / total, parts[1] / total, parts[2] / total)


def _memory_size(raw: str) -> str:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)\s*", raw, re.IGNORECASE)
    if not match:
        raise ValueError("must be a size such as 256MB or 1GB")
    return f"{match.group(1)}{match.group(2).upper().replace('IB', 'iB')}"


def _disclosure(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("protected", "exact"):
        raise ValueError("must be 'protected' or 'exact'")
    return value


def _frame_options(raw: str) -> str:
    value = raw.strip().upper()
    if value not in ("DENY", "SAMEORIGIN", "ALLOW"):
        raise ValueError("must be DENY, SAMEORIGIN or ALLOW")
    return value


SETTINGS_SPECS: dict[str, SettingSpec] = {
    "store_path": SettingSpec(
        "EUIOM_STORE", str(DATA_DIR / "store" / "demo.duckdb"),
        "DuckDB store the app reads (opened read-only).", Path),
    "host": SettingSpec("EUIOM_HOST", "127.0.0.1", "Address the server listens on.", str),
    "port": SettingSpec("EUIOM_PORT", "8050", "Port the server listens on.", _port),
    "workers": SettingSpec("EUIOM_WORKERS", "2", "gunicorn worker processes (production only).",
                           _positive_int),
    "threshold": SettingSpec(
        "EUIOM_THRESHOLD", "0.5",
        "Score at or above which a returnee counts as sustainably reintegrated in the threshold "
        "chart. A setting of this dashboard, not IOM's official cut-off.", _unit_interval),
    "min_group_size": SettingSpec(
        "EUIOM_MIN_GROUP", "10",
        "Smallest group of survey respondents shown; smaller groups are suppressed.",
        _positive_int),
    "disclosure": SettingSpec(
        "EUIOM_DISCLOSURE", "protected",
        "Protection of survey statistics: protected (the cell key method perturbs every count and "
        "statistic slightly so that no view, difference of views or export reveals one returnee) "
        "or exact (unperturbed figures for trusted analysts; every view then says so).", _disclosure),
    "composite_weights": SettingSpec(
        "EUIOM_WEIGHTS", "1,1,1",
        "Weights economic,social,psychosocial used to compute a composite score when an imported "
        "record has none (normalised to sum to 1). Not IOM's official weights.", _weights),
    "language": SettingSpec("EUIOM_LANG", "en", "Default interface language: en or fr.", _language),
    "duckdb_memory": SettingSpec(
        "EUIOM_DUCKDB_MEMORY", "256MB",
        "Memory limit of each worker's DuckDB connection (its buffer pool and query memory).",
        _memory_size),
    "frame_options": SettingSpec(
        "EUIOM_FRAME_OPTIONS", "SAMEORIGIN",
        "X-Frame-Options for embedding: DENY, SAMEORIGIN or ALLOW (no header).", _frame_options),
}


@dataclass(frozen=True)
class Settings:
    """The app's settings; build with :func:`load_settings`."""

    store_path: Path
    host: str
    port: int
    workers: int
    threshold: float
    min_group_size: int
    disclosure: str
    composite_weights: tuple[float, float, float]
    language: str
    duckdb_memory: str
    frame_options: str


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read every setting from ``environ`` (default: the process environment).

    Raises:
        SettingsError: naming the variable and why its value was refused.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, spec in SETTINGS_SPECS.items():
        raw = environ.get(spec.env, spec.default)
        try:
            values[name] = spec.parse(raw)
        except ValueError as error:
            raise SettingsError(f"{spec.env}={raw!r} is not valid: {error}") from None
    return Settings(**values)
