"""The links that carry the address (nav links, "download all data") are built in the browser
(``assets/address-links.js``): the same hrefs the server's rule gives (``shell_search`` for the
nav links, ``api_search`` for the zip, which the embed snippets use), hostile addresses kept as
text, and a filter change asks the server nothing for them."""

from __future__ import annotations

import json
import random

import pytest
from browser_helpers import callback_requests, choose_region

from callbacks.open_data import all_option_params
from dashboard import ids
from dashboard.api.links import api_search
from dashboard.common.options import SHELL_KEYS, shell_search
from dashboard.common.shell_text import nav_link_id
from dashboard.site import PAGES, SITE

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

OPTIONS = all_option_params(SITE)
API_KEEP = sorted({"region", "status", "action", "country", "pillar", "from", "to", *OPTIONS})
HOSTILE = [
    "",
    "?",
    "??region=WCA",
    "?region=WCA,EHOA&lang=fr&group=sex&profile=GIN",
    "?region=%3Cscript%3Ealert(1)%3C/script%3E&country=%22%3E%3Cimg%20src=x%3E",
    "?region=javascript:alert(1)&lang=fr",
    "?region=a+b&country=%E9%E8&country=%C3%A9&status=%F0%9F%98%80",
    "?region=&country&&=x&region=%zz%2&region=%25%2C%20",
    "?region=~!*'()%7E%21&action=%2B+&to=%00%0A%0D",
    "?region=%EF%BB%BFbom&pillar=%ED%A0%80%F0%9F",
    "?x=1&?region=2&region==3&lang=%3Cb%3E",
    "?Region=WCA&REGION=x&region=%2B&from=2019-Q1'%20OR%201=1%20--",
    "?region=a=b=c;d&status=%22%3C%3E%60%7B%7D%7C%5C%5E&hxl=1&format=csv",
]


def fuzzed(count: int, seed: int = 20) -> list[str]:
    """Random queries of address pieces: names the links keep, escapes good and broken, separators."""
    rng = random.Random(seed)
    pieces = [*"=&?%+,;#AZaz09~!*'()-_.", "%E9", "%C3", "%A9", "%F0%9F", "%ZZ", "%2", "%3C"]
    pieces += ["region", "lang", "status", "from", "group", "profile", "hxl"]
    return [
        "?" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(count)
    ]


def test_the_browser_writes_the_query_strings_the_server_writes(live_server, page):
    page.goto(live_server.url + "/about")
    wait_for_dash(page)
    searches = HOSTILE + fuzzed(1500)
    got = page.evaluate(
        """([searches, shellKeep, apiKeep]) => searches.map((search) => [
            window.euiomLinks.query(search, shellKeep, []),
            window.euiomLinks.query(search, apiKeep, [['lang', 'fr']]),
            window.euiomLinks.query(search, apiKeep, [['lang', 'en'], ['hxl', '1']]),
        ])""",
        [searches, sorted(SHELL_KEYS), API_KEEP],
    )
    expected = [
        [
            shell_search(search),
            api_search(search, OPTIONS, "fr"),
            api_search(search, OPTIONS, "en", hxl="1"),
        ]
        for search in searches
    ]
    differ = [
        (search, want, have)
        for search, want, have in zip(searches, expected, got, strict=True)
        if want != have
    ]
    assert not differ, json.dumps(differ[:5], ensure_ascii=False)


@pytest.mark.parametrize("search", HOSTILE[3:7])
def test_links_follow_a_hostile_address_as_text(live_server, page, search):
    page.goto(live_server.url + "/about" + search)
    wait_for_dash(page)
    address = page.evaluate("window.location.search")  # the address once the shell tidied it
    for one in PAGES:
        assert page.get_attribute(f"#{nav_link_id(one.key)}", "href") == one.path + shell_search(
            address
        )
    lang = "fr" if "lang=fr" in address else "en"
    assert page.get_attribute(
        f"#{ids.DOWNLOAD_ALL_LINK}", "href"
    ) == "/api/v1/download.zip" + api_search(address, OPTIONS, lang)
    assert page.get_attribute(
        f"#{ids.DOWNLOAD_ALL_HXL_LINK}", "href"
    ) == "/api/v1/download.zip" + api_search(address, OPTIONS, lang, hxl="1")
    assert page.get_attribute(f"#{ids.API_DOCS_LINK}", "href") == f"/api/v1/docs?lang={lang}"
    assert page.locator("img[src=x]").count() == 0 and page.watch.page_errors == []


def test_a_filter_change_asks_the_server_only_for_the_filters_and_the_view_description(
    live_server, page
):
    """On a page without charts: the shell's filter callback once, the print header with the image
    footers once; the links built in the browser."""
    page.goto(live_server.url + "/about?lang=fr")
    wait_for_dash(page)
    bodies = callback_requests(page)
    choose_region(page, "Afrique centrale et de l’Ouest")
    page.wait_for_timeout(1000)  # let any later request arrive
    wait_for_dash(page)
    asked = [json.loads(body or "{}").get("output", "") for body in bodies]
    assert sorted(asked) == sorted(
        [
            next(key for key in asked if ids.URL_WRITE_STORE in key),
            next(key for key in asked if ids.PRINT_HEADER in key),
        ]
    ), asked
    assert ids.EXPORT_FOOTER_STORE in next(key for key in asked if ids.PRINT_HEADER in key)
    assert page.get_attribute("#shell-nav-pillars-link", "href") == "/pillars?region=WCA&lang=fr"
    assert (
        page.get_attribute(f"#{ids.DOWNLOAD_ALL_HXL_LINK}", "href")
        == "/api/v1/download.zip?region=WCA&lang=fr&hxl=1"
    )
