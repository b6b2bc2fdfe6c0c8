"""French punctuation on screen and in print: no line starts with ":", ";", "?", "!" or "»", and
none ends with "«": every French interface text has a no-break space there (``t`` adds it), and
so do the dashboard's own French reference texts (written so in data/reference, like their
guillemets). Files and API answers keep the interface texts' plain spelling, byte for byte:
analysts' scripts read column names such as "Région : code"."""

from __future__ import annotations

import io
import re
import string
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import dashboard.about
import dashboard.imports
import dashboard.map
import dashboard.pillars
import dashboard.sustainability  # noqa: F401 (each page package adds its texts)
from callbacks.shell import dropped_notice
from dashboard.app import create_app
from dashboard.i18n import TEXT, plain_texts, t
from dashboard.selection import Dropped, Selection

from conftest import settings_for

# A space a line may break at before high punctuation, or after an opening guillemet.
BREAKABLE = re.compile(r"[ \t\n][:;?!»]|«[ \t\n]")
REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"


def placeholders(text: str) -> dict[str, str]:
    """A word for every ``{name}`` of ``text`` (none for a text that is not a template: an API
    example's JSON braces)."""
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        values = {name.split(".")[0].split("[")[0]: "mot" for name in names}
        text.format(**values)
    except (ValueError, KeyError, IndexError):
        return {}
    return values


def shown(key: str, lang: str) -> str:
    """The text as ``t`` gives it, every placeholder filled."""
    return t(key, lang, **placeholders(TEXT[key][lang]))


def as_written(key: str, lang: str) -> str:
    """The text as written in its table, every placeholder filled."""
    text, values = TEXT[key][lang], placeholders(TEXT[key][lang])
    return text.format(**values) if values else text


def test_no_french_interface_text_lets_punctuation_start_a_line():
    loose = {key: found for key in TEXT if (found := BREAKABLE.findall(shown(key, "fr")))}
    assert loose == {}
    # The texts as written have plenty of ordinary spaces there: the check above is not empty.
    assert sum(len(BREAKABLE.findall(as_written(key, "fr"))) for key in TEXT) > 100


def test_english_texts_are_left_as_written():
    assert all(shown(key, "en") == as_written(key, "en") for key in TEXT)


def test_files_get_the_texts_as_written():
    with plain_texts():
        assert all(shown(key, "fr") == as_written(key, "fr") for key in TEXT)
    assert "\u00a0:" in t("print.filters", "fr")


@pytest.fixture(scope="module")
def client(demo_store_path):
    return create_app(settings_for(demo_store_path)).server.test_client()


def test_the_zip_and_the_api_keep_the_plain_column_names(client):
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/api/v1/download.zip?lang=fr&group=region").data)
    )
    headers = {
        name: archive.read(name).decode("utf-8").split("\r\n", 1)[0]
        for name in archive.namelist()
        if name.endswith(".csv")
    }
    means = headers["charts/sustainability/sustainability-means.csv"]
    assert means.startswith("Région : code,Région,") and "Économique : moyenne" in means
    assert all("\u00a0" not in header for header in headers.values())
    dictionary = pd.read_csv(io.BytesIO(archive.read("data_dictionary.csv")))
    assert "Région : code" in set(dictionary["column"])
    assert (
        not dictionary.astype(str).apply(lambda column: column.str.contains("\u00a0")).any().any()
    )
    parquet = pd.read_parquet(
        io.BytesIO(archive.read("charts/sustainability/sustainability-means.parquet"))
    )
    assert list(parquet.columns) == means.split(",")
    api = client.get(
        "/api/v1/charts/sustainability-means?lang=fr&group=region&format=csv"
    ).data.decode("utf-8")
    assert api.split("\r\n", 1)[0].startswith("Région : code,Région,") and "\u00a0:" not in api


def test_the_dashboards_own_french_reference_texts_keep_punctuation_with_its_word():
    # The French the dashboard wrote for its reference tables (data/reference, not the EUTF
    # export's text in data/reference/eutf): names, descriptions, notes, rationales.
    loose = {}
    for path in sorted(REFERENCE.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in (column for column in frame.columns if column.endswith("_fr")):
            found = [text for text in frame[column] if BREAKABLE.search(text)]
            if found:
                loose[f"{path.name}:{column}"] = found
    assert loose == {}


def test_a_list_written_into_a_french_sentence_keeps_its_semicolons_with_their_words():
    """The notice naming a link's ignored values joins them with the language's separator: "» ;"
    never breaks before ";" on screen, and a file keeps the plain " ; "."""
    selection = Selection(dropped=(Dropped("regions", "ZZZ"), Dropped("statuses", "bogus")))
    notice, shown = dropped_notice(selection, None, "fr")
    assert shown
    assert "»\u00a0; " in notice and not BREAKABLE.search(notice)
    assert t("list.separator", "en") == "; "
    with plain_texts():
        assert t("list.separator", "fr") == " ; "
