"""Rebuild the dashboard's own plotly.js bundle: only the trace types the app draws.

Dash serves the full ``plotly.min.js`` (4.8 MB, every trace type, WebGL and maps included) to any
page with a graph. The dashboard draws bar, box, heatmap, scatter (lines and markers) and geo
maps (choropleth, scattergeo), so it ships a bundle of plotly.js's ``lib/`` modules for exactly
those, built with esbuild the way plotly.js builds its own ``dist/`` partial bundles. A script in
``assets/`` that defines ``window.Plotly`` stops ``dcc.Graph`` from fetching the full bundle.

Writes ``assets/plotly-<version>-euiom.min.js`` (the only ``plotly-*.min.js`` in assets: older
builds are removed), its licence and the notices of the libraries it bundles in
``assets/LICENSES``. Needs network access to the npm registry at build time only.

A chart that needs another trace type (pie, histogram, ...) must be added to ``TRACES`` and the
bundle rebuilt: ``tests/test_plotly_bundle_browser.py`` draws every chart of every page with it
and fails on a console error such as "Trace type 'pie' is not registered".

Usage: ``python scripts/build_plotly.py``
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS_DIR = ROOT / "assets"
LICENSE_DIR = ASSETS_DIR / "LICENSES"

# The plotly.js release the installed plotly (Python) package bundles; keep them in step.
PLOTLY_JS = "4.1.1"
ESBUILD = "0.28.2"
TRACES = ("bar", "box", "heatmap", "choropleth", "scattergeo")  # scatter is in plotly.js's core

ENTRY = """'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([
{registers}
]);
module.exports = Plotly;
"""


def bundle_name(version: str = PLOTLY_JS) -> str:
    """File name of the bundle in ``assets/``."""
    return f"plotly-{version}-euiom.min.js"


def build(workdir: Path) -> Path:
    """Install plotly.js and esbuild into ``workdir`` and bundle the entry; returns the bundle."""
    subprocess.run(["npm", "init", "-y"], cwd=workdir, check=True, capture_output=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            f"plotly.js@{PLOTLY_JS}",
            f"esbuild@{ESBUILD}",
        ],
        cwd=workdir,
        check=True,
    )
    registers = ",\n".join(f"    require('plotly.js/lib/{trace}')" for trace in TRACES)
    (workdir / "entry.js").write_text(ENTRY.format(registers=registers), encoding="utf-8")
    output = workdir / bundle_name()
    # The options of plotly.js's own esbuild-config.js; CSS is only required by the MapLibre
    # traces, which this bundle leaves out.
    subprocess.run(
        [
            str(workdir / "node_modules" / ".bin" / "esbuild"),
            "entry.js",
            "--bundle",
            "--minify",
            "--format=iife",
            "--global-name=Plotly",
            "--target=es2016",
            "--define:global=window",
            "--define:define.amd=false",
            "--loader:.css=empty",
            "--alias:stream=stream-browserify",
            "--legal-comments=external",
            f"--outfile={output.name}",
        ],
        cwd=workdir,
        check=True,
    )
    banner = (
        f"/* plotly.js v{PLOTLY_JS} (MIT licence, assets/LICENSES/plotly.js-LICENSE.txt): "
        f"core + {', '.join(TRACES)}; built by scripts/build_plotly.py */\n"
    )
    output.write_text(banner + output.read_text(encoding="utf-8"), encoding="utf-8")
    return output


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="euiom-plotly-") as tmp:
        workdir = Path(tmp)
        bundle = build(workdir)
        for old in ASSETS_DIR.glob("plotly-*.min.js"):
            old.unlink()
        shutil.copy(bundle, ASSETS_DIR / bundle.name)
        LICENSE_DIR.mkdir(exist_ok=True)
        shutil.copy(
            workdir / "node_modules" / "plotly.js" / "LICENSE",
            LICENSE_DIR / "plotly.js-LICENSE.txt",
        )
        # The licence notices of the libraries bundled with plotly.js (d3, topojson-client, ...).
        shutil.copy(
            workdir / f"{bundle.name}.LEGAL.txt", LICENSE_DIR / "plotly.js-bundled-LEGAL.txt"
        )
    print(
        f"wrote {ASSETS_DIR / bundle_name()} ({(ASSETS_DIR / bundle_name()).stat().st_size:,} bytes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
