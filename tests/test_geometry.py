"""Checks on the shipped map geometry (built by ``scripts/build_geometry.py``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "data" / "geo" / "countries.geojson"
PROVINCES = ROOT / "data" / "geo" / "afghanistan_provinces.geojson"
TOPOJSON = ROOT / "assets" / "topojson" / "world_110m.json"


def reference_codes(*parts: str) -> set[str]:
    """The ``iso3`` column of a reference table."""
    with ROOT.joinpath("data", "reference", *parts).open(encoding="utf-8", newline="") as handle:
        return {row["iso3"] for row in csv.DictReader(handle)}


ACTION_COUNTRIES = reference_codes("countries.csv")
EUTF_COUNTRIES = reference_codes("eutf", "country_codes.csv")
RADA = {
    "AF-BAL": "Balkh",
    "AF-BGL": "Baghlan",
    "AF-KAB": "Kabul",
    "AF-KNR": "Kunar",
    "AF-KAN": "Kandahar",
    "AF-HER": "Herat",
    "AF-LAG": "Laghman",
    "AF-NAN": "Nangarhar",
}


def load(path: Path) -> dict[str, Any]:
    """Read a JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def geometries(path: Path) -> dict[str, BaseGeometry]:
    """Map each feature id of a FeatureCollection to its shapely geometry."""
    return {f["id"]: shape(f["geometry"]) for f in load(path)["features"]}


def polygons(geom: BaseGeometry) -> list[BaseGeometry]:
    """Split a (Multi)Polygon into its polygons."""
    return list(getattr(geom, "geoms", [geom]))


def coordinates(value: Any) -> list[float]:
    """Flatten nested GeoJSON coordinates."""
    if isinstance(value, (int, float)):
        return [value]
    return [c for item in value for c in coordinates(item)]


@pytest.fixture(scope="module")
def countries() -> dict[str, BaseGeometry]:
    """Country geometries keyed by ISO3."""
    return geometries(COUNTRIES)


@pytest.fixture(scope="module")
def provinces() -> dict[str, Any]:
    """Province features keyed by province code."""
    return {f["id"]: f for f in load(PROVINCES)["features"]}


def test_file_sizes() -> None:
    assert COUNTRIES.stat().st_size < 60_000
    assert PROVINCES.stat().st_size < 60_000


def test_countries_ids_and_properties() -> None:
    features = load(COUNTRIES)["features"]
    # Every Action country and every country the EUTF figures name (the Gambia, Eritrea, Tanzania).
    assert {f["id"] for f in features} == ACTION_COUNTRIES | EUTF_COUNTRIES
    assert len(features) == 32
    for f in features:
        assert f["properties"]["iso3"] == f["id"]
        assert f["properties"]["name"]


def test_the_gambia_keeps_its_shape(countries: dict[str, BaseGeometry]) -> None:
    # Natural Earth 1:50m, simplified: a strip along the river, inside Senegal's hollow.
    gambia = countries["GMB"]
    min_lon, min_lat, max_lon, max_lat = gambia.bounds
    assert max_lon - min_lon > 2.5 and max_lat - min_lat < 1
    assert gambia.contains(Point(-15.53, 13.43))  # Soma, on the Gambia river
    assert not countries["SEN"].intersection(gambia).area > 1e-6


def test_countries_are_valid_polygons(countries: dict[str, BaseGeometry]) -> None:
    for iso3, geom in countries.items():
        assert geom.geom_type in {"Polygon", "MultiPolygon"}, iso3
        assert geom.is_valid, iso3
        min_lon, min_lat, max_lon, max_lat = geom.bounds
        assert min_lon > -26 and max_lon < 93, iso3
        # South Africa's Prince Edward Islands lie at 47°S.
        assert min_lat > (-48 if iso3 == "ZAF" else -36) and max_lat < 39, iso3


def test_somalia_includes_somaliland(countries: dict[str, BaseGeometry]) -> None:
    somalia = countries["SOM"]
    assert somalia.contains(Point(44.06, 9.56))
    assert abs(somalia.centroid.x - 46) < 1.5
    assert abs(somalia.centroid.y - 6) < 1.5


def test_morocco_excludes_western_sahara(countries: dict[str, BaseGeometry]) -> None:
    assert countries["MAR"].bounds[1] > 27
    assert not countries["MAR"].contains(Point(-13.2, 27.15))


@pytest.mark.parametrize("path", [COUNTRIES, PROVINCES])
def test_exterior_rings_clockwise_for_d3(path: Path) -> None:
    for feature_id, geom in geometries(path).items():
        for polygon in polygons(geom):
            assert not polygon.exterior.is_ccw, feature_id
            assert all(ring.is_ccw for ring in polygon.interiors), feature_id


@pytest.mark.parametrize("path", [COUNTRIES, PROVINCES])
def test_coordinates_rounded(path: Path) -> None:
    for f in load(path)["features"]:
        values = coordinates(f["geometry"]["coordinates"])
        assert all(round(v, 3) == v for v in values), f["id"]


def test_provinces(provinces: dict[str, Any]) -> None:
    assert len(provinces) == 34
    for code, f in provinces.items():
        assert code.startswith("AF-")
        assert set(f["properties"]) == {"name_en", "name_fr", "rada"}
        assert shape(f["geometry"]).is_valid, code
    assert len({f["properties"]["name_en"] for f in provinces.values()}) == 34


def test_rada_provinces(provinces: dict[str, Any]) -> None:
    flagged = {
        code: f["properties"]["name_en"] for code, f in provinces.items() if f["properties"]["rada"]
    }
    assert flagged == RADA
    assert provinces["AF-KAB"]["properties"]["name_fr"] == "Kaboul"
    assert provinces["AF-KNR"]["properties"]["name_fr"] == "Kounar"
    assert provinces["AF-HER"]["properties"]["name_fr"] == "Hérat"


@pytest.mark.parametrize(
    ("code", "lon", "lat"),
    [
        ("AF-KAB", 69.18, 34.53),
        ("AF-HER", 62.20, 34.35),
        ("AF-KAN", 65.71, 31.61),
        ("AF-DAY", 66.13, 33.72),
        ("AF-URU", 65.87, 32.63),
        ("AF-PAN", 69.52, 35.31),
        ("AF-PAR", 69.17, 35.01),
        ("AF-PIA", 69.22, 33.60),
        ("AF-NAN", 70.45, 34.43),
    ],
)
def test_province_contains_capital(
    provinces: dict[str, Any], code: str, lon: float, lat: float
) -> None:
    assert shape(provinces[code]["geometry"]).contains(Point(lon, lat))


def test_base_map_topojson() -> None:
    topology = load(TOPOJSON)
    assert topology["type"] == "Topology"
    assert {"countries", "land"} & set(topology["objects"])


def test_every_country_the_store_can_colour_has_an_outline(tiny_cursor) -> None:
    # The Action countries (categories, indicators) and every country an EUTF figure names,
    # as the store holds them: a country with a figure but no outline would be counted and
    # listed, yet never drawn.
    from dashboard.map import geometry
    from dashboard.store import eutf
    from dashboard.store.catalog import load_catalog

    colourable = set(load_catalog(tiny_cursor).countries) | set(eutf.countries(tiny_cursor)["iso3"])
    assert colourable - geometry.country_ids() == set()
    assert {"GMB", "ERI", "TZA"} <= colourable
