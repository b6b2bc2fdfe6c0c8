"""Responses carry a CSP limited to the app's own origin and the other protective headers."""

from __future__ import annotations

import json
import re

from dashboard.app import create_app

from conftest import settings_for


def test_headers_on_pages_and_callbacks(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    for path in ("/", "/_dash-layout", "/assets/00-bootstrap-5.3.9.min.css"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
        assert "http" not in policy and "*" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embedding_can_be_allowed(tiny_store_path):
    client = create_app(settings_for(tiny_store_path, frame_options="ALLOW")).server.test_client()
    headers = client.get("/").headers
    assert "X-Frame-Options" not in headers
    assert "frame-ancestors *" in headers["Content-Security-Policy"]


def test_no_dev_tools_in_the_served_page(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    page = app.server.test_client().get("/").get_data(as_text=True)
    config = json.loads(
        re.search(
            r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert config["ui"] is False and config["props_check"] is False
    assert config["suppress_callback_exceptions"] is False
