"""The open-data API: numbers equal the charts', bad input is a 4xx JSON, suppression holds,
paging, caching, the rate limit, the zip, embeds' frame policy and tokens with sign-in on."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.auth.users_file import add_user, remove_user
from dashboard.common.charts import ChartRequest
from dashboard.i18n import plain_texts
from dashboard.selection import Selection
from dashboard.site import all_charts

from auth_helpers import PASSWORD, SECRET, csrf_header, form_token, sign_in, write_users
from conftest import settings_for

# Filters and options that every page takes (values the tiny store knows).
QUERIES = ("", "region=WCA", "action=JI-SLC,JI-HOA&from=2019-Q1&to=2020-Q4", "country=GIN&lang=fr")
PAGE_OPTIONS = {
    "sustainability": "group=sex&measure=economic&threshold=0.6",
    "pillars": "indicator=returns_assisted&trend=action&by_sex=1",
    "map": "colour=region&profile=GIN",
}


@pytest.fixture(scope="module")
def app(demo_store_path):
    return create_app(settings_for(demo_store_path))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def tiny_client(tiny_store_path):
    return create_app(settings_for(tiny_store_path)).server.test_client()


def chart_frame(app, chart, query: str) -> pd.DataFrame:
    """What the chart's own data function gives for the page address ``?query``, with the texts'
    plain spelling that files and answers keep (``plain_texts``)."""
    context = app.server.config["EUIOM_CONTEXT"]
    params = dict(item.split("=", 1) for item in query.split("&") if item)
    lang = params.pop("lang", "en")
    selection = Selection.from_query_string(query, context.catalog)
    options = {
        key: value
        for key, value in params.items()
        if key not in ("region", "action", "from", "to", "country", "status", "pillar")
    }
    request = ChartRequest(
        context.cursor(), context.catalog, context.settings, selection, options, lang
    )
    with plain_texts():
        return chart.data(request)


@pytest.mark.parametrize("query", QUERIES)
def test_every_chart_endpoint_gives_its_chart_data(app, client, query):
    for chart in all_charts().values():
        full = "&".join(part for part in (query, PAGE_OPTIONS.get(chart.page, "")) if part)
        response = client.get(f"/api/v1/charts/{chart.key}?{full}&limit=10000")
        assert response.status_code == 200, (chart.key, response.get_json())
        body = response.get_json()
        expected = chart_frame(app, chart, full)
        assert body["total"] == len(expected)
        assert body["columns"] == [str(column) for column in expected.columns]
        got = pd.DataFrame(body["rows"], columns=body["columns"])
        for column in expected.columns:
            left, right = expected[column], got[str(column)]
            if pd.api.types.is_numeric_dtype(left) and not pd.api.types.is_bool_dtype(left):
                assert right.isna().tolist() == left.isna().tolist(), (chart.key, column)
                assert (
                    pd.to_numeric(right).fillna(0).round(9).tolist()
                    == left.fillna(0).astype(float).round(9).tolist()
                )
            else:
                assert right.isna().tolist() == left.isna().tolist(), (chart.key, column)
        assert body["kind_of_data"]["label"]
        assert body["chart"] == chart.key


def test_json_and_csv_agree_and_csv_names_the_kind_of_data(client):
    url = "/api/v1/charts/sustainability-means?group=region&region=WCA,EHOA"
    body = client.get(url).get_json()
    frame = pd.read_csv(io.BytesIO(client.get(url + "&format=csv").data))
    assert frame.columns.tolist() == [*body["columns"], "kind_of_data", "kind_of_data_code"]
    assert frame["kind_of_data"].unique().tolist() == [body["kind_of_data"]["label"]]
    assert (
        frame["kind_of_data_code"].unique().tolist()
        == [body["kind_of_data"]["code"]]
        == ["survey_release"]
    )
    assert "DEMO" in body["kind_of_data"]["label"]
    count = next(column for column in body["columns"] if "(n)" in column)
    assert frame[count].tolist() == [row[count] for row in body["rows"]]
    by_accept = client.get(url, headers={"Accept": "text/csv"})
    assert by_accept.content_type.startswith("text/csv")


def test_chart_figure_and_api_show_the_same_means(app, client):
    chart = all_charts()["sustainability-means"]
    context = app.server.config["EUIOM_CONTEXT"]
    selection = Selection.from_query_string("region=WCA", context.catalog)
    figure = chart.figure(
        ChartRequest(
            context.cursor(), context.catalog, context.settings, selection, {"group": "sex"}, "en"
        )
    )
    rows = client.get("/api/v1/charts/sustainability-means?region=WCA&group=sex").get_json()["rows"]
    economic = next(trace for trace in figure["data"] if "Economic" in trace.get("name", ""))
    shown = sorted(round(value, 9) for value in economic["x"] if value is not None)
    assert shown == sorted(
        round(row["Economic: mean"], 9) for row in rows if row["Economic: mean"] is not None
    )


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/api/v1/charts/sustainability-means?region=XX", 400, "region"),
        ("/api/v1/charts/sustainability-means?pillar=9", 400, "pillar"),
        ("/api/v1/charts/sustainability-means?from=2019-Q9", 400, "from"),
        ("/api/v1/charts/sustainability-means?group=nonsense", 400, "group"),
        ("/api/v1/charts/sustainability-means?threshold=2", 400, "threshold"),
        ("/api/v1/charts/sustainability-means?colour=region", 400, "colour"),
        ("/api/v1/charts/sustainability-means?bogus=1", 400, "bogus"),
        ("/api/v1/charts/sustainability-means?limit=abc", 400, "limit"),
        ("/api/v1/charts/sustainability-means?limit=1e3", 400, "limit"),
        ("/api/v1/charts/sustainability-means?limit=0", 400, "limit"),
        ("/api/v1/charts/sustainability-means?limit=100001", 400, "limit"),
        ("/api/v1/charts/sustainability-means?offset=-1", 400, "offset"),
        ("/api/v1/charts/sustainability-means?format=xml", 400, "format"),
        ("/api/v1/charts/sustainability-means?lang=de", 400, "lang"),
        ("/api/v1/charts/no-such-chart", 404, "chart"),
        ("/api/v1/reference/no-such-table", 404, "table"),
        ("/api/v1/reference/actions?region=WCA", 400, "region"),
        (
            "/api/v1/charts/sustainability-means?region=%3Cscript%3Ealert(1)%3C/script%3E",
            400,
            "region",
        ),
        ("/api/v1/charts/sustainability-means?country=GIN%27%20OR%201=1--", 400, "country"),
        ("/api/v1/charts/sustainability-means?action=%00%0A", 400, "action"),
        ("/api/v1/charts/sustainability-means?region=%FF%FE", 400, None),
        ("/api/v1/charts/sustainability-means?region=" + "A" * 600, 400, "region"),
        (
            "/api/v1/charts/sustainability-means?" + "&".join(f"x{i}=1" for i in range(900)),
            414,
            None,
        ),
        ("/api/v1/charts/%3Cimg%20src=x%3E", 404, "chart"),
        ("/api/v2/charts", 404, None),
    ],
)
def test_bad_and_hostile_parameters_get_a_clear_json_error(client, url, status, parameter):
    response = client.get(url)
    assert response.status_code == status
    assert response.content_type.startswith("application/json")
    body = response.get_json()
    assert body["status"] == status and len(body["error"]) > 10
    assert "Traceback" not in body["error"]
    if parameter:
        assert body["parameter"] == parameter
    assert (
        "<script>" not in response.get_data(as_text=True).replace("\\u003c", "<")
        or "Unknown value" in body["error"]
    )


def test_paging_walks_every_row_once_with_links(client):
    whole = client.get("/api/v1/reference/countries").get_json()
    seen, url = [], "/api/v1/reference/countries?limit=7"
    while url:
        response = client.get(url)
        body = response.get_json()
        seen.extend(body["rows"])
        url = body["links"]["next"]
        if url:
            assert 'rel="next"' in response.headers["Link"]
    assert seen == whole["rows"] and whole["total"] == len(seen)


def test_small_survey_groups_stay_suppressed_through_api_and_zip(tiny_client):
    # The tiny store has 7 survey records: every group is under the minimum of 10.
    body = tiny_client.get("/api/v1/charts/sustainability-means?group=sex").get_json()
    assert body["rows"] and body["suppression"]["min_group_size"] == 10
    for row in body["rows"]:
        assert all(
            value is None for key, value in row.items() if key.endswith("mean") or "CI" in key
        )
    csv = pd.read_csv(
        io.BytesIO(tiny_client.get("/api/v1/charts/sustainability-means?group=sex&format=csv").data)
    )
    assert csv.filter(like="mean").isna().all().all()
    archive = zipfile.ZipFile(io.BytesIO(tiny_client.get("/api/v1/download.zip?group=sex").data))
    zipped = pd.read_parquet(
        io.BytesIO(archive.read("charts/sustainability/sustainability-means.parquet"))
    )
    assert zipped.filter(like="mean").isna().all().all()
    for name in ("sustainability-spread", "sustainability-share", "sustainability-time"):
        frame = pd.read_csv(
            io.BytesIO(archive.read(f"charts/sustainability/{name}.csv")), encoding="utf-8-sig"
        )
        numbers = frame.select_dtypes("number").drop(
            columns=[c for c in frame.columns if "(n)" in c or c == "n"], errors="ignore"
        )
        assert (
            numbers.filter(regex="mean|share|median|percentile|Q1|Q3|min|max", axis=1)
            .isna()
            .all()
            .all()
        ), name


def test_download_all_zip_holds_every_table_dictionary_and_provenance(client):
    response = client.get("/api/v1/download.zip?region=WCA&hxl=1&lang=fr")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = set(archive.namelist())
    for chart in all_charts().values():
        assert f"charts/{chart.page}/{chart.key}.csv" in names
        assert f"charts/{chart.page}/{chart.key}.parquet" in names
    assert {
        "data_dictionary.csv",
        "provenance.json",
        "reference/actions.csv",
        "reference/published-figures.parquet",
    } <= names
    provenance = json.loads(archive.read("provenance.json"))
    assert provenance["filters"] == {"region": "WCA"} and provenance["language"] == "fr"
    assert provenance["disclosure_control"]["min_group_size"] == 10
    assert {entry["kind_of_data"] for entry in provenance["files"]} >= {"reference", "published"}
    first_rows = archive.read("reference/countries.csv").decode("utf-8").splitlines()[:2]
    assert first_rows[1].startswith("#country+code")
    dictionary = pd.read_csv(io.BytesIO(archive.read("data_dictionary.csv")), encoding="utf-8-sig")
    assert {"file", "column", "type", "hxl", "kind_of_data"} <= set(dictionary.columns)


def test_answers_carry_etag_and_cache_control_and_revalidate(client):
    first = client.get("/api/v1/charts/pillar-counts?region=WCA")
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public")
    again = client.get("/api/v1/charts/pillar-counts?region=WCA", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.data
    other = client.get("/api/v1/charts/pillar-counts?region=EHOA")
    assert other.headers["ETag"] != tag


def test_rate_limit_answers_429_with_retry_after(demo_store_path):
    limited = create_app(settings_for(demo_store_path, api_rate="3/minute")).server.test_client()
    statuses = [limited.get("/api/v1/reference/pillars").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    refused = limited.get("/api/v1/reference/pillars")
    assert int(refused.headers["Retry-After"]) >= 1 and refused.get_json()["status"] == 429


def test_openapi_lists_every_chart_and_docs_page_in_both_languages(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    for chart in all_charts().values():
        assert f"/api/v1/charts/{chart.key}" in document["paths"]
    english = client.get("/api/v1/docs").get_data(as_text=True)
    french = client.get("/api/v1/docs?lang=fr").get_data(as_text=True)
    assert "Open data API" in english and "API de données ouvertes" in french
    assert (
        "/api/v1/charts/sustainability-means?region=WCA&amp;from=2019-Q1&amp;format=csv" in english
    )


def test_embed_frame_policy_lists_partner_origins_other_pages_keep_theirs(demo_store_path):
    partner = "https://partner.example.org"
    client = create_app(
        settings_for(demo_store_path, embed_origins=(partner,))
    ).server.test_client()
    embed = client.get("/embed/pillar-counts?region=WCA&lang=fr")
    assert embed.status_code == 200
    assert f"frame-ancestors 'self' {partner}" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    html = embed.get_data(as_text=True)
    assert 'lang="fr"' in html and "embed-kind" in html and "/pillars?region=WCA" in html
    page = client.get("/")
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    assert partner not in page.headers["Content-Security-Policy"]
    assert client.get("/embed/nope").status_code == 404


def test_with_sign_in_the_api_needs_a_token_an_analyst_creates_and_revokes(
    tiny_store_path, tmp_path
):
    users = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users)
    )
    anonymous = app.server.test_client()
    refused = anonymous.get("/api/v1/charts/pillar-counts")
    assert refused.status_code == 401 and refused.get_json()["status"] == 401
    assert "Location" not in refused.headers
    assert (
        anonymous.get(
            "/api/v1/charts/pillar-counts", headers={"Authorization": "Bearer euiom_forged"}
        ).status_code
        == 401
    )
    assert anonymous.get("/api/v1/openapi.json").status_code == 200

    analyst = app.server.test_client()
    assert sign_in(analyst, "ana").status_code == 302
    page = analyst.get("/tokens").get_data(as_text=True)
    created = analyst.post(
        "/tokens", data={"action": "create", "label": "my script", "csrf_token": form_token(page)}
    ).get_data(as_text=True)
    token = re.search(r'id="tokens-new-token"[^>]*>([^<]+)<', created).group(1)
    assert token not in users.parent.joinpath("api_tokens.json").read_text()
    bearer = {"Authorization": f"Bearer {token}"}
    assert anonymous.get("/api/v1/charts/pillar-counts", headers=bearer).status_code == 200
    token_id = re.search(r'name="token_id" value="([^"]+)"', created).group(1)
    analyst.post(
        "/tokens",
        data={"action": "revoke", "token_id": token_id, "csrf_token": form_token(created)},
    )
    assert anonymous.get("/api/v1/charts/pillar-counts", headers=bearer).status_code == 401

    viewer = app.server.test_client()
    assert sign_in(viewer, "vera").status_code == 302
    assert viewer.get("/tokens").status_code == 403


def create_token(app, name: str) -> tuple[object, dict[str, str]]:
    """Sign ``name`` in and create an API token on /tokens: (their client, the bearer header)."""
    client = app.server.test_client()
    assert sign_in(client, name).status_code == 302
    page = client.get("/tokens").get_data(as_text=True)
    created = client.post(
        "/tokens", data={"action": "create", "label": "script", "csrf_token": form_token(page)}
    ).get_data(as_text=True)
    token = re.search(r'id="tokens-new-token"[^>]*>([^<]+)<', created).group(1)
    return client, {"Authorization": f"Bearer {token}"}


def test_a_password_change_or_a_removed_user_ends_their_tokens_and_a_name_added_back_gets_none(
    tiny_store_path, tmp_path
):
    users = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users)
    )
    anonymous = app.server.test_client()
    chart = "/api/v1/charts/pillar-counts"
    ana, ana_bearer = create_token(app, "ana")
    assert anonymous.get(chart, headers=ana_bearer).status_code == 200
    ana.post("/auth/logout", data={"csrf_token": csrf_header(ana)["X-CSRFToken"]})
    assert (
        anonymous.get(chart, headers=ana_bearer).status_code == 200
    )  # signing out keeps scripts' tokens
    add_user(users, "ana", "a changed password, long enough", ["analyst"])
    assert anonymous.get(chart, headers=ana_bearer).status_code == 401

    _, all_bearer = create_token(app, "all-roles")
    remove_user(users, "all-roles")
    assert anonymous.get(chart, headers=all_bearer).status_code == 401
    add_user(users, "all-roles", PASSWORD, ["analyst", "data_manager"])  # same name, same password
    assert (
        anonymous.get(chart, headers=all_bearer).status_code == 401
    )  # another user: not their token


def test_the_api_is_read_only(client):
    response = client.post("/api/v1/charts/pillar-counts")
    assert response.status_code == 405 and response.get_json()["status"] == 405


def test_protected_survey_figures_stay_protected_through_the_api(demo_store_path, client):
    # The API gives the figures of the protected release, in JSON, CSV and the zip: the same as
    # the query layer reads from the release, never those of the survey records.
    from dashboard.selection import Selection
    from dashboard.store.files import ReadOnlyStore
    from dashboard.sustainability import queries as survey_queries
    from dashboard.sustainability.disclosure import EXACT, PROTECTED

    url = "/api/v1/charts/sustainability-means?group=region&region=WCA,EHOA,MENA"
    protected = pd.DataFrame(client.get(url).get_json()["rows"])
    means = [column for column in protected.columns if column.endswith(": mean")]
    store = ReadOnlyStore(demo_store_path)
    try:
        selection = Selection(regions=("WCA", "EHOA", "MENA"))
        direct = {
            mode.mode: survey_queries.group_means(
                store.cursor(), selection, "region", min_group_size=10, disclosure=mode
            ).set_index("group_code")
            for mode in (EXACT, PROTECTED)
        }
    finally:
        store.close()
    by_code = protected.set_index("Region: code")
    for code in ("WCA", "EHOA"):
        assert by_code.at[code, "Composite: mean"] == pytest.approx(
            direct["protected"].at[code, "composite_mean"]
        )
        assert by_code.at[code, "Composite: mean"] != pytest.approx(
            direct["exact"].at[code, "composite_mean"], abs=1e-6
        )
    csv = pd.read_csv(io.BytesIO(client.get(url + "&format=csv").data))
    assert (csv[means] - protected[means]).abs().max().max() < 1e-9
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/api/v1/download.zip?group=region&region=WCA,EHOA,MENA").data)
    )
    zipped = pd.read_parquet(
        io.BytesIO(archive.read("charts/sustainability/sustainability-means.parquet"))
    )
    assert (zipped[means] - protected[means]).abs().max().max() < 1e-9
    assert (
        json.loads(archive.read("provenance.json"))["disclosure_control"]["disclosure"]
        == "protected"
    )


def test_the_pillar_filter_says_it_does_not_apply_to_survey_charts(client):
    survey = client.get("/api/v1/charts/sustainability-means?pillar=1").get_json()
    assert survey["notes"][0] == (
        "The pillar filter does not apply to survey scores: every RSS record concerns "
        "reintegration (pillar 3)."
    )
    assert survey["notes"][1].startswith("Survey figures come from the protected release.")
    assert client.get("/api/v1/charts/pillar-counts?pillar=1").get_json()["notes"] == []
    assert "The pillar filter does not apply" in client.get(
        "/embed/sustainability-means?pillar=1"
    ).get_data(as_text=True)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/download.zip?pillar=1").data))
    assert json.loads(archive.read("provenance.json"))["notes"]
