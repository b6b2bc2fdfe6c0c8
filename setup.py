"""The wheel carries the app's files beside its code: ``assets/`` (CSS, JS, topojson) and the
reference data (``data/reference``, ``data/geo``) go into ``dashboard/_files/``, where
``dashboard.ASSETS_DIR`` and ``dashboard.DATA_DIR`` look when the app runs from an installed wheel.
Everything else (name, dependencies, packages found automatically) is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# What the app reads at run time; data/store and the users file are written there, never shipped.
APP_FILES = ("assets", "data/reference", "data/geo", "data/README.md")


class BuildWithAppFiles(build_py):
    """build_py, then the app's files copied into the built ``dashboard`` package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        target = Path(self.build_lib) / "dashboard" / "_files"
        for name in APP_FILES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithAppFiles})
