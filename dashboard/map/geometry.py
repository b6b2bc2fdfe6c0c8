"""The shipped map geometry, read once per process and served by the app itself.

The two GeoJSON files of ``data/geo`` (built offline by ``scripts/build_geometry.py``) are read on
first use and kept in memory. Map figures refer to them by URL (``COUNTRIES_URL``,
``PROVINCES_URL``): plotly.js fetches each URL once per page and caches it, so a figure update
never carries geometry, and nothing is fetched from outside the app's own server.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from dashboard import DATA_DIR

GEO_DIR = DATA_DIR / "geo"
URL_PREFIX = "/map-geometry/"

# Served name -> shipped file: an allow-list, the only files the geometry route answers with.
GEOMETRY_FILES = MappingProxyType(
    {
        "countries.geojson": GEO_DIR / "countries.geojson",
        "afghanistan_provinces.geojson": GEO_DIR / "afghanistan_provinces.geojson",
    }
)
COUNTRIES_URL = URL_PREFIX + "countries.geojson"
PROVINCES_URL = URL_PREFIX + "afghanistan_provinces.geojson"


@dataclass(frozen=True)
class GeometryFile:
    """The bytes of one shipped geometry file and an entity tag for HTTP caching."""

    content: bytes
    etag: str


@dataclass(frozen=True)
class Province:
    """One Afghan province of the shipped geometry."""

    code: str
    name_en: str
    name_fr: str


@cache
def geometry_file(name: str) -> GeometryFile:
    """The shipped file served as ``name``; KeyError for a name not in ``GEOMETRY_FILES``."""
    content = GEOMETRY_FILES[name].read_bytes()
    return GeometryFile(content, hashlib.sha256(content).hexdigest()[:16])


@cache
def _feature_collection(name: str) -> dict[str, Any]:
    return json.loads(geometry_file(name).content)


def country_ids() -> frozenset[str]:
    """ISO3 codes of the countries the shipped country file draws."""
    return frozenset(
        feature["id"] for feature in _feature_collection("countries.geojson")["features"]
    )


@cache
def afghan_provinces() -> tuple[Province, ...]:
    """The 34 provinces of the shipped Afghan file, ordered by code."""
    features = _feature_collection("afghanistan_provinces.geojson")["features"]
    return tuple(
        sorted(
            (
                Province(f["id"], f["properties"]["name_en"], f["properties"]["name_fr"])
                for f in features
            ),
            key=lambda province: province.code,
        )
    )
