"""Responses travel compressed, with browser cache headers; callback answers are cached per store version."""

from __future__ import annotations

import gzip
import json
import re

import brotli
from helpers import as_sent

from dashboard.app import create_app
from dashboard.store.files import connect_writable

from conftest import settings_for

BROTLI = {"Accept-Encoding": "br, gzip"}


def callback_body(client, output_part: str, selection: dict) -> dict:
    """The body the browser sends for the callback whose output names ``output_part``."""
    spec = next(
        d for d in client.get("/_dash-dependencies").get_json() if output_part in d["output"]
    )
    outputs = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
        for part in spec["output"].strip(".").split("...")
    ]
    values = {("shell-selection-store", "data"): selection, ("shell-language-store", "data"): "en"}

    def filled(items):
        return [
            {**as_sent(item), "value": values.get((item["id"], item["property"]))} for item in items
        ]

    return {
        "output": spec["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]),
        "state": filled(spec["state"]),
        "changedPropIds": ["shell-selection-store.data"],
    }


def post(client, body: dict):
    return client.post(
        "/_dash-update-component",
        data=json.dumps(body),
        content_type="application/json",
        headers=BROTLI,
    )


def page_script_urls(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_pages_scripts_and_callbacks_are_compressed_and_keep_their_headers(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    page = client.get("/", headers=BROTLI)
    assert page.headers["Content-Encoding"] == "br"
    assert "Accept-Encoding" in page.headers["Vary"]
    assert 'id="_dash-config"' in brotli.decompress(page.data).decode()
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"

    only_gzip = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert only_gzip.headers["Content-Encoding"] == "gzip"
    assert 'id="_dash-config"' in gzip.decompress(only_gzip.data).decode()
    assert (
        "Content-Encoding" not in client.get("/").headers
    )  # a client that asks for none gets none

    for url in page_script_urls(client):
        script = client.get(url, headers=BROTLI)
        assert script.status_code == 200 and script.headers["Content-Encoding"] == "br", url

    answer = post(client, callback_body(client, "pillars-headline-cards.children", {}))
    assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "br"
    assert "pillars-headline-cards" in json.loads(brotli.decompress(answer.data))["response"]


def test_fingerprinted_files_are_cached_for_a_year_and_the_rest_revalidated(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    urls = page_script_urls(client)
    suite = next(url for url in urls if url.startswith("/_dash-component-suites/") and ".v" in url)
    asset = next(url for url in urls if url.startswith("/assets/plotly-") and "?m=" in url)
    for url in (suite, asset):
        cache_control = client.get(url, headers=BROTLI).headers["Cache-Control"]
        assert "max-age=31536000" in cache_control and "public" in cache_control, url
    assert "immutable" in client.get(asset).headers["Cache-Control"]

    for path in ("/_dash-layout", "/_dash-dependencies", "/assets/topojson/world_110m.json"):
        first = client.get(path, headers=BROTLI)
        assert first.status_code == 200 and first.headers.get("ETag"), path
        assert "max-age=31536000" not in first.headers.get("Cache-Control", "")
        again = client.get(path, headers={**BROTLI, "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path


def test_the_page_loads_the_apps_own_plotly_bundle_not_dashs_full_one(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    urls = page_script_urls(client)
    bundle = [url for url in urls if re.match(r"/assets/plotly-\d", url)]  # plotly-4.1.1-…
    assert len(bundle) == 1
    # The French toolbar locale registers itself with the bundle's Plotly, so it comes after it.
    locale = next(i for i, url in enumerate(urls) if url.startswith("/assets/plotly-locale-fr.js"))
    assert urls.index(bundle[0]) < locale
    # dcc.Graph only fetches Dash's plotly.min.js when no window.Plotly exists when a graph loads.
    assert not any("plotly.min.js" in url for url in urls)
    assert urls.index(bundle[0]) < next(
        i for i, url in enumerate(urls) if "dash_core_components." in url
    )
    assert client.get("/assets/LICENSES/plotly.js-LICENSE.txt").status_code == 200


def test_a_callback_answer_is_cached_until_the_store_changes(writable_copy, tmp_path):
    cache_dir = tmp_path / "cache"
    settings = settings_for(writable_copy, cache_dir=cache_dir)
    app = create_app(settings)
    client = app.server.test_client()
    body = callback_body(client, "pillars-headline-cards.children", {})
    first = brotli.decompress(post(client, body).data)
    assert len(list(cache_dir.glob("*.answer"))) == 1
    assert brotli.decompress(post(client, body).data) == first
    assert len(list(cache_dir.glob("*.answer"))) == 1  # answered from the cache, nothing new stored

    app.server.config["EUIOM_CONTEXT"].store.close()
    with connect_writable(writable_copy) as connection:
        connection.execute("UPDATE indicator_values SET value = value * 10")
    client = create_app(settings).server.test_client()
    changed = brotli.decompress(post(client, body).data)
    assert changed != first
    assert len(list(cache_dir.glob("*.answer"))) == 2


def test_file_downloads_are_not_cached_and_the_cache_can_be_turned_off(tiny_store_path, tmp_path):
    cache_dir = tmp_path / "cache"
    client = create_app(settings_for(tiny_store_path, cache_dir=cache_dir)).server.test_client()
    spec = next(
        d
        for d in client.get("/_dash-dependencies").get_json()
        if d["output"] == "shell-export-download.data"
    )
    assert spec  # the export download exists, and is left out by install_response_cache
    from dashboard.server.response_cache import download_outputs

    assert download_outputs(create_app(settings_for(tiny_store_path)).validation_layout) == {
        "shell-export-download.data",
        "pillars-explorer-download.data",
    }

    off = create_app(settings_for(tiny_store_path, cache_dir=None)).server.test_client()
    answer = post(off, callback_body(off, "pillars-headline-cards.children", {}))
    assert answer.status_code == 200
    assert not cache_dir.exists() or not any(cache_dir.glob("*.answer"))
