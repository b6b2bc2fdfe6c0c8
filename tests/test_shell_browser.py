"""Browser tests of the shell: every page opens cleanly; filters live in the URL."""

from __future__ import annotations

import pytest
from browser_helpers import callback_requests, choose_region, serious_violations

from dashboard.auth.roles import OPEN_VISITOR_PERMISSIONS
from dashboard.site import PAGES

from conftest import wait_for_dash

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path", [page.path for page in PAGES if page.permission in OPEN_VISITOR_PERMISSIONS]
)
def test_every_page_opens_without_errors_or_outside_requests(live_server, page, path):
    page.goto(live_server.url + path)
    wait_for_dash(page)
    assert page.watch.console_errors == []
    assert page.watch.page_errors == []
    assert page.watch.failed_responses == []
    assert page.watch.outside_requests == []
    assert "Demo data" in page.inner_text("#shell-demo-banner")


def test_bad_url_values_are_dropped_with_a_notice(live_server, page):
    page.goto(live_server.url + "/?region=WCA,ATLANTIS&from=1999-Q9&country=%3Cscript%3E")
    wait_for_dash(page)
    notice = page.inner_text("#shell-url-notice")
    assert "ATLANTIS" in notice and "1999-Q9" in notice and "<script>" in notice
    assert "region=WCA" in page.url and "ATLANTIS" not in page.url
    assert page.watch.page_errors == []
    assert page.locator("script:text('<script>')").count() == 0


def test_filters_carry_across_pages(live_server, page):
    page.goto(live_server.url + "/?action=RADA")
    wait_for_dash(page)
    page.click("#shell-nav-about-link")
    wait_for_dash(page)
    assert "/about" in page.url and "action=RADA" in page.url
    assert "RADA" in page.inner_text("#filter-action-dropdown")


def test_language_switch_relabels_the_shell_and_lives_in_the_url(live_server, page):
    page.goto(live_server.url + "/about?region=WCA")
    wait_for_dash(page)
    page.select_option("#shell-language-select", "fr")
    page.wait_for_function(
        "() => document.querySelector('#shell-nav-map-link').innerText.includes('Carte')"
    )
    wait_for_dash(page)
    assert "lang=fr" in page.url and "region=WCA" in page.url
    assert page.inner_text("#filter-region-dropdown-label") == "Région"
    assert "Afrique centrale et de l’Ouest" in page.inner_text("#filter-region-dropdown")
    assert "5 000" in page.inner_text("#shell-demo-banner").replace("\u202f", " ")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert "À propos" in page.inner_text("#shell-page-content")


def test_a_french_link_opens_in_french(live_server, page):
    page.goto(live_server.url + "/about?lang=fr")
    wait_for_dash(page)
    assert page.inner_text("#shell-nav-about-link") == "À propos et méthodologie"
    assert page.input_value("#shell-language-select") == "fr"


def test_filters_are_keyboard_operable(live_server, page):
    page.goto(live_server.url + "/about")
    wait_for_dash(page)
    page.focus("#shell-open-data-toggle")  # the last control of the menu bar
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-region-dropdown"
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search", state="visible")
    page.keyboard.type("Central")
    page.wait_for_function("() => document.querySelectorAll('[role=option]').length === 1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('region=WCA')")
    assert "region=WCA" in page.url


@pytest.mark.inject_scripts
def test_open_data_menu_works_with_the_keyboard(live_server, page):

    page.goto(live_server.url + "/about?region=WCA&lang=fr")
    wait_for_dash(page)
    assert not page.is_visible("#shell-api-docs-link")
    page.focus("#shell-open-data-toggle")
    page.keyboard.press("Enter")
    page.wait_for_selector("#shell-api-docs-link", state="visible")
    assert page.inner_text("#shell-download-all-link") == "Télécharger toutes les données"
    assert "region=WCA" in page.get_attribute("#shell-download-all-link", "href")
    assert serious_violations(page) == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "shell-download-all-link"
    page.keyboard.press("Escape")
    page.wait_for_selector("#shell-api-docs-link", state="hidden")
    assert page.evaluate("document.activeElement.id") == "shell-open-data-toggle"
    page.keyboard.press("Space")
    page.wait_for_selector("#shell-api-docs-link", state="visible")
    page.click("#shell-page-content h1")  # a click elsewhere closes it
    page.wait_for_selector("#shell-api-docs-link", state="hidden")


def test_printable_brief_prints_the_view_with_filters_sources_and_disclaimer(live_server, page):
    page.goto(live_server.url + "/about?region=WCA&lang=fr")
    wait_for_dash(page)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.click("#shell-print-button")
    page.wait_for_function("() => window.__printed === true")
    page.emulate_media(media="print")
    header = page.inner_text("#shell-print-header")
    assert "Afrique centrale et de l’Ouest" in header
    # The seed documents are named by their titles, never by the store's internal file names.
    assert "DONNÉES DE DÉMONSTRATION" in header and "brochure du KMH" in header
    assert "004_fe997082141e9e19.txt" not in header and ".txt" not in header
    # Every kind of data the page shows is named: the real EUTF figures with their date and reuse terms.
    assert (
        "déclarés au 17 déc. 2021" in header
        and "2011/833/UE" in header
        and "CORRESPONDANCE DES PILIERS" in header
    )
    # The map's disclaimer is printed with the map, not in the brief's header (once per paper).
    assert "Organisation internationale pour les migrations" not in header
    assert not page.is_visible("#shell-filter-bar")
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_filters_collapse_on_a_phone_and_open_with_the_button(live_server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(live_server.url + "/about")
    wait_for_dash(phone)
    assert not phone.is_visible("#filter-region-dropdown")
    assert phone.get_attribute("#shell-filter-toggle-button", "aria-expanded") == "false"
    phone.click("#shell-filter-toggle-button")
    phone.wait_for_selector("#filter-region-dropdown", state="visible")
    assert phone.get_attribute("#shell-filter-toggle-button", "aria-expanded") == "true"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_menu_collapses_behind_a_button_on_a_phone(live_server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(live_server.url + "/about")
    wait_for_dash(phone)
    assert not phone.is_visible("#shell-nav-map-link")
    phone.click("#shell-nav-toggle-button")
    phone.wait_for_selector("#shell-nav-map-link", state="visible")
    assert phone.get_attribute("#shell-nav-toggle-button", "aria-expanded") == "true"
    context.close()


def test_the_printable_brief_follows_a_filter_change_in_one_request(live_server, page):
    """The brief's header reads the filters from the address it prints: one request per filter
    change (not one for the selection store and another when the address follows), which writes
    the image downloads' footers too."""
    page.goto(live_server.url + "/about")
    wait_for_dash(page)
    asked = callback_requests(page)
    choose_region(page, "West and Central Africa")
    page.wait_for_function(
        "() => document.querySelector('#shell-print-header').textContent"
        ".includes('West and Central Africa')"
    )
    page.wait_for_timeout(1000)  # let any second request arrive
    wait_for_dash(page)
    # One answer for the header and the image footers (the same view's description).
    headers = [
        body
        for body in asked
        if '"output":"..shell-print-header.children...shell-export-footer-store.data.."' in body
    ]
    assert len(headers) == 1, len(headers)
