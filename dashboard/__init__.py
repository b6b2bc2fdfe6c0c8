"""EU-IOM Actions analytics dashboard."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# From a checkout, data/ and assets/ sit beside the package; an installed wheel carries them inside
# it (setup.py copies them to dashboard/_files).
_WHEEL_FILES = Path(__file__).resolve().parent / "_files"
_FILES_ROOT = _WHEEL_FILES if _WHEEL_FILES.is_dir() else PROJECT_ROOT
DATA_DIR = _FILES_ROOT / "data"
ASSETS_DIR = _FILES_ROOT / "assets"
