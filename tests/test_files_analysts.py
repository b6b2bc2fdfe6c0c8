"""Every way a chart's data leaves the dashboard says the chart's own kind of data, and every CSV
reads back typed with no options: the page's CSV and Excel export, the API's JSON and CSV, the
zip's CSV and Parquet (a valid Frictionless Data Package, HXL checked with libhxl), the embed and
the printable brief's kinds; in English and French."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from callbacks.exports import export_header
from dashboard.api.hxl import CORE_HASHTAGS
from dashboard.app import create_app
from dashboard.common.charts import ChartRequest
from dashboard.common.data_kinds import (
    KIND_CODE_COLUMN,
    KIND_COLUMN,
    kind_code,
    kind_source,
    kind_text,
    page_kind_texts,
)
from dashboard.common.exports import to_csv_bytes, to_excel_bytes
from dashboard.i18n import french_spacing, plain_texts
from dashboard.selection import Selection
from dashboard.site import all_charts

from conftest import settings_for

LANGS = ("en", "fr")
# Options that make every chart show rows (the map coloured by a real EUTF measure, a profile open).
OPTIONS = {
    "map": "colour=eutf&measure=returns&profile=NER",
    "pillars": "",
    "sustainability": "group=region",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def app(demo_store_path):
    return create_app(settings_for(demo_store_path))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def zips(client):
    """The plain zip in each language, and the HXL one."""
    options = "&".join(value for value in OPTIONS.values() if value)
    return {
        lang: zipfile.ZipFile(
            io.BytesIO(client.get(f"/api/v1/download.zip?lang={lang}&{options}").data)
        )
        for lang in LANGS
    } | {
        "hxl": zipfile.ZipFile(io.BytesIO(client.get(f"/api/v1/download.zip?hxl=1&{options}").data))
    }


def declared(app, chart, lang: str) -> dict[str, str]:
    """The kind the chart declares for the request, in code, words and source, as files and API
    answers write them (the texts' plain spelling: ``plain_texts``)."""
    context = app.server.config["EUIOM_CONTEXT"]
    params = dict(item.split("=", 1) for item in OPTIONS[chart.page].split("&") if item)
    request = ChartRequest(
        context.cursor(), context.catalog, context.settings, Selection(), params, lang
    )
    kind = chart.kind_of(request)
    with plain_texts():
        return {
            "kind": kind,
            "code": kind_code(kind, context.catalog),
            "label": kind_text(kind, context.catalog, context.imported_files, lang),
            "source": kind_source(kind, context.catalog, context.imported_files, lang),
            "request": request,
        }


@pytest.mark.parametrize("lang", LANGS)
def test_every_way_out_says_the_charts_own_kind_of_data(app, client, zips, lang):
    context = app.server.config["EUIOM_CONTEXT"]
    archive = zips[lang]
    provenance = json.loads(archive.read("provenance.json"))
    files = {entry["files"][0]: entry for entry in provenance["files"]}
    package = {
        resource["path"]: resource
        for resource in json.loads(archive.read("datapackage.json"))["resources"]
    }
    seen_codes = set()
    for chart in all_charts().values():
        expected = declared(app, chart, lang)
        seen_codes.add(expected["code"])
        query = f"lang={lang}&{OPTIONS[chart.page]}"
        body = client.get(f"/api/v1/charts/{chart.key}?{query}").get_json()
        assert body["kind_of_data"] == {"code": expected["code"], "label": expected["label"]}, (
            chart.key
        )
        assert body["source"] == expected["source"], chart.key
        csv = pd.read_csv(
            io.BytesIO(client.get(f"/api/v1/charts/{chart.key}?{query}&format=csv").data)
        )
        assert set(csv[KIND_COLUMN]) == {expected["label"]} and set(csv[KIND_CODE_COLUMN]) == {
            expected["code"]
        }
        stem = f"charts/{chart.page}/{chart.key}"
        zipped = pd.read_csv(io.BytesIO(archive.read(f"{stem}.csv")))
        assert set(zipped[KIND_COLUMN]) == {expected["label"]} and set(
            zipped[KIND_CODE_COLUMN]
        ) == {expected["code"]}
        parquet = pd.read_parquet(io.BytesIO(archive.read(f"{stem}.parquet")))
        assert set(parquet[KIND_CODE_COLUMN]) == {expected["code"]}, chart.key
        assert files[f"{stem}.csv"]["kind_of_data"] == expected["code"]
        assert files[f"{stem}.csv"]["source"] == expected["source"]
        assert package[f"{stem}.csv"]["kind_of_data"] == {
            "code": expected["code"],
            "label": expected["label"],
        }
        assert provenance["kinds_of_data"][expected["code"]] == {
            "label": expected["label"],
            "source": expected["source"],
        }
        # On screen and paper (embed, brief), the same words with French typography.
        shown = french_spacing(expected["label"]) if lang == "fr" else expected["label"]
        embed = client.get(f"/embed/{chart.key}?{query}").get_data(as_text=True)
        assert shown.split("(")[0].strip().replace("’", "&#39;")[:40] in embed.replace("’", "&#39;")
        with plain_texts():  # as the page's download callback writes its files
            header = export_header(context, chart, expected["request"], dt.date(2026, 12, 6))
            page_csv = pd.read_csv(
                io.BytesIO(to_csv_bytes(chart.data(expected["request"]), header))
            )
            about = pd.read_excel(
                io.BytesIO(to_excel_bytes(chart.data(expected["request"]), header)),
                sheet_name=1,
                header=None,
            )
        assert set(page_csv[KIND_COLUMN]) == {expected["label"]}, chart.key
        assert expected["label"] in about[1].tolist()
        brief = page_kind_texts(chart.page, context.catalog, context.imported_files, lang)
        assert shown in brief, (chart.key, "the printable brief names its kind")
    # The demo store's facts are called demo, never "facts"; real charts never read "DEMO".
    assert "facts" not in seen_codes and "demo" in seen_codes
    dictionary = pd.read_csv(io.BytesIO(archive.read("data_dictionary.csv")))
    assert "facts" not in set(dictionary["kind_of_data"])
    assert "data_source" not in provenance


def test_real_charts_never_say_demo(client):
    for key, query in (
        ("country-eutf-results", "profile=NER"),
        ("programme-map", "colour=eutf&measure=returns"),
        ("eutf-pillar-results", ""),
        ("published-figures", ""),
        ("pillar-counts", ""),
    ):
        body = client.get(f"/api/v1/charts/{key}?{query}").get_json()
        assert "DEMO" not in body["source"] and "DEMO" not in body["kind_of_data"]["label"], key


def typed_checks(frame: pd.DataFrame, name: str) -> None:
    """Numbers numeric, counts integer, dates parsable, codes text, as pandas reads with no options."""
    for column in frame.columns:
        values = frame[column].dropna()
        if re.search(
            r"\(n\)|^n$|respondents|répondants|countries$|^actions$|^pays$", str(column), re.I
        ) and pd.api.types.is_numeric_dtype(frame[column]):
            assert (values == values.round()).all(), (name, column)
            if not frame[column].isna().any():
                assert pd.api.types.is_integer_dtype(frame[column]), (
                    name,
                    column,
                    frame[column].dtype,
                )
        if (
            pd.api.types.is_float_dtype(frame[column])
            and len(values)
            and (values == values.round()).all()
            and not frame[column].isna().any()
        ):
            pytest.fail(f"{name}: {column} holds whole numbers written as decimals")
        if values.dtype == object or pd.api.types.is_string_dtype(frame[column]):
            texts = values.astype(str)
            if len(texts) and texts.str.match(ISO_DATE.pattern).all():
                pd.to_datetime(texts, format="%Y-%m-%d")
            assert not texts.str.fullmatch(r"-?\d+\.0").any(), (
                name,
                column,
                "a count written 12.0",
            )
        if re.search(r"code|number|numéro", str(column), re.I) and len(values):
            assert not pd.api.types.is_float_dtype(frame[column]), (
                name,
                column,
                "a code read as a number",
            )


@pytest.mark.parametrize("lang", LANGS)
def test_every_csv_reads_back_typed_with_no_options(app, client, zips, lang):
    context = app.server.config["EUIOM_CONTEXT"]
    archive = zips[lang]
    for name in archive.namelist():
        if name.endswith(".csv"):
            raw = archive.read(name)
            assert not raw.startswith(b"\xef\xbb\xbf"), name
            typed_checks(pd.read_csv(io.BytesIO(raw)), name)
    for chart in all_charts().values():
        query = f"lang={lang}&{OPTIONS[chart.page]}&format=csv"
        raw = client.get(f"/api/v1/charts/{chart.key}?{query}").data
        assert not raw.startswith(b"\xef\xbb\xbf")
        typed_checks(pd.read_csv(io.BytesIO(raw)), f"api {chart.key}")
        expected = declared(app, chart, lang)
        header = export_header(context, chart, expected["request"], dt.date(2026, 12, 6))
        raw = to_csv_bytes(chart.data(expected["request"]), header)
        assert not raw.startswith(b"\xef\xbb\xbf")
        typed_checks(pd.read_csv(io.BytesIO(raw)), f"page {chart.key}")


def test_eutf_amounts_are_numbers_with_their_status_apart(client):
    raw = client.get("/api/v1/charts/programme-map?colour=eutf&measure=returns&format=csv").data
    frame = pd.read_csv(io.BytesIO(raw))
    value, status = "Value shown", "Status of the value"
    assert pd.api.types.is_numeric_dtype(frame[value])
    assert set(frame.loc[frame[value].isna(), status]) == {"no EUTF figure"}
    assert frame.loc[frame[value].notna(), value].gt(0).all()
    niger = frame.set_index("Country code (ISO 3166-1 alpha-3)").loc["NER", value]
    assert niger == 40888 and b",40888," in raw and b"40888.0" not in raw


def test_a_csv_without_limit_holds_every_row_and_json_dates_have_no_time(client):
    csv = pd.read_csv(io.BytesIO(client.get("/api/v1/reference/eutf-results?format=csv").data))
    assert len(csv) == 1426
    assert csv["indicator_number"].dropna().str.startswith("COI ").all()
    paged = client.get("/api/v1/reference/eutf-results?format=csv&limit=100")
    assert len(pd.read_csv(io.BytesIO(paged.data))) == 100 and 'rel="next"' in paged.headers["Link"]
    body = client.get("/api/v1/reference/eutf-results?limit=5").get_json()
    assert len(body["rows"]) == 5 and ISO_DATE.match(body["rows"][0]["as_of"])
    assert client.get("/api/v1/reference/eutf-results").get_json()["limit"] == 1000


def test_empty_api_csv_still_says_its_kind(client):
    raw = client.get(
        "/api/v1/charts/country-eutf-results?format=csv"
    ).data  # no profile open: no rows
    frame = pd.read_csv(io.BytesIO(raw))
    assert (
        len(frame) == 1 and frame.drop(columns=[KIND_COLUMN, KIND_CODE_COLUMN]).isna().all().all()
    )
    assert frame[KIND_CODE_COLUMN].tolist() == ["eutf"]


@pytest.mark.parametrize("kind", ["plain", "hxl"])
def test_the_zip_is_a_valid_frictionless_data_package(zips, tmp_path, kind):
    frictionless = pytest.importorskip("frictionless")
    archive = zips["en" if kind == "plain" else "hxl"]
    archive.extractall(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert all(resource["schema"]["fields"] for resource in package["resources"])
    keys = {
        resource["name"]: resource["schema"].get("primaryKey") for resource in package["resources"]
    }
    assert keys["reference-eutf-results"] == ["result_id"] and keys["reference-actions"] == [
        "action_code"
    ]
    eutf = next(
        resource
        for resource in package["resources"]
        if resource["name"] == "reference-eutf-results"
    )
    assert eutf["licenses"][0]["path"].startswith("https://eur-lex.europa.eu/")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[
        :10
    ]


def test_hxl_hashtags_are_core_and_valid_under_libhxl(zips, tmp_path):
    hxl = pytest.importorskip("hxl")
    archive = zips["hxl"]
    archive.extractall(tmp_path)
    countries = archive.read("reference/countries.csv").decode("utf-8").splitlines()[1].split(",")
    assert countries[0] == "#country+code"
    programme = (
        archive.read("charts/map/programme-map.csv").decode("utf-8").splitlines()[1].split(",")
    )
    assert programme[:2] == ["#country+code", "#country+name"]
    for name in archive.namelist():
        if not name.endswith(".csv") or name == "data_dictionary.csv":
            continue
        data = hxl.data(str(tmp_path / name), hxl.InputOptions(allow_local=True))
        for column in data.columns:
            assert column.tag in CORE_HASHTAGS, (name, column.display_tag)
            assert column.display_tag == column.display_tag.lower()
        report = hxl.validate(data)
        assert report["stats"]["error"] == 0, (name, report["issues"][:2])


def test_the_zip_is_named_for_its_filters_and_date(client):
    response = client.get("/api/v1/download.zip?region=WCA")
    name = re.search(r'filename="([^"]+)"', response.headers["Content-Disposition"]).group(1)
    assert re.fullmatch(
        r"all-data_euiom_Region-West-and-Central-Africa_\d{4}-\d{2}-\d{2}\.zip", name
    )
    hxl = client.get("/api/v1/download.zip?hxl=1").headers["Content-Disposition"]
    assert "all-data-hxl_euiom_" in hxl


@pytest.mark.skipif(
    not Path("/usr/bin/Rscript").exists(), reason="R is not installed (apt-get install r-base-core)"
)
def test_r_read_csv_reads_the_first_column_name_as_written(client, tmp_path):
    import subprocess

    path = tmp_path / "map.csv"
    path.write_bytes(
        client.get("/api/v1/charts/programme-map?colour=eutf&measure=returns&format=csv").data
    )
    names = subprocess.run(
        [
            "/usr/bin/Rscript",
            "-e",
            f"cat(names(read.csv('{path}'))[1:4], sep='|');"
            f"cat('\\n'); cat(class(read.csv('{path}')[[4]]))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    assert names[0].split("|")[0] == "Country.code..ISO.3166.1.alpha.3."
    assert names[1] in ("integer", "numeric")
