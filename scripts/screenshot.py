"""Screenshot pages of a running dashboard with headless Debian Chromium.

Usage: python scripts/screenshot.py http://127.0.0.1:8050/path [more URLs] [--out DIR] [--width W]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    """Save one full-page PNG per URL."""
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--out", type=Path, default=Path("test-artifacts"))
    parser.add_argument("--width", type=int, default=1400)
    args = parser.parse_args()
    args.out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        for index, url in enumerate(args.urls):
            page.goto(url)
            page.wait_for_selector("#shell-page-content")
            page.wait_for_timeout(2500)
            target = args.out / f"shot-{index}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
