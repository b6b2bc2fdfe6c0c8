"""The wheel built from pyproject.toml holds every package and the app's files, and the app runs from it.

Offline: the wheel is built without build isolation and installed without dependencies into a fresh
virtual environment, which sees this project's dependencies through a ``.pth`` line (the directory
is added to the path; its own ``.pth`` files, among them the checkout's editable finder, are not run).
Everything runs with its working directory outside the checkout and no PYTHONPATH, so only the
installed wheel can answer ``import dashboard``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import requests

from servers import free_port, stop, wait_until

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
# Not copied into the build: local environments, caches and what the app writes at run time.
NOT_COPIED = {
    ".venv",
    ".git",
    "data/store",
    "data/users.json",
    "data/api_tokens.json",
    "build",
    "dist",
    "test-artifacts",
    "node_modules",
}


def not_copied(directory: str, names: list[str]) -> set[str]:
    here = Path(directory).relative_to(ROOT)
    return {
        name
        for name in names
        if str(here / name).removeprefix("./") in NOT_COPIED
        or name == "__pycache__"
        or name.endswith((".egg-info", "_cache"))
    }


# Every package, including those a hand-written list once missed, and the files the app reads.
EXPECTED = (
    "dashboard/__main__.py",
    "dashboard/app.py",
    "dashboard/wsgi.py",
    "dashboard/common/charts.py",
    "dashboard/map/charts.py",
    "dashboard/pillars/charts.py",
    "dashboard/sustainability/charts.py",
    "dashboard/about/page.py",
    "dashboard/imports/page.py",
    "dashboard/build/release/build.py",
    "dashboard/store/door.py",
    "dashboard/api/routes.py",
    "layouts/shell.py",
    "callbacks/charts.py",
    "dashboard/_files/assets/10-app.css",
    "dashboard/_files/data/reference/eutf/projects.csv",
    "dashboard/_files/data/geo/countries.geojson",
    "dashboard/_files/assets/topojson/world_110m.json",
)


def run(command: list[str], cwd: Path, env: dict[str, str], seconds: float = 300) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=seconds
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=not_copied)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(work / "dist"),
            str(source),
        ],
        cwd=work,
        env=dict(os.environ),
    )
    (built,) = (work / "dist").glob("euiom_dashboard-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """(the fresh environment's python, its environment variables, a directory outside the checkout)."""
    work = tmp_path_factory.mktemp("installed")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=work, env=dict(os.environ))
    python = venv / "bin" / "python"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        cwd=work,
        env=dict(os.environ),
    )
    fresh_site = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=work,
            env={"PATH": os.environ["PATH"]},
        ).strip()
    )
    (fresh_site / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EUIOM_", "PYTHON", "VIRTUAL_ENV"))
    }
    return python, env, work


def test_the_wheel_holds_every_package_and_the_app_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in EXPECTED if name not in names]
    assert not missing, missing
    packages = {
        str(path.parent.relative_to(ROOT))
        for base in ("dashboard", "layouts", "callbacks")
        for path in (ROOT / base).rglob("__init__.py")
    }
    assert {package for package in packages if f"{package}/__init__.py" not in names} == set()
    assert any(name.startswith("dashboard/_files/assets/topojson/") for name in names)
    assert not any("/store/" in name and name.endswith(".duckdb") for name in names)


def test_the_installed_wheel_answers_and_the_checkout_is_not_used(installed):
    python, env, work = installed
    where = run(
        [
            str(python),
            "-c",
            "import dashboard, layouts, callbacks; "
            "print(dashboard.__file__, layouts.__file__, callbacks.__file__, dashboard.ASSETS_DIR)",
        ],
        cwd=work,
        env=env,
    )
    assert str(ROOT) not in where and str(work / "venv") in where, where

    store = work / "store"
    run([str(python), "-m", "dashboard", "build-empty", "--store", str(store)], cwd=work, env=env)
    port = free_port()
    server_env = {
        **env,
        "EUIOM_STORE": str(store),
        "EUIOM_STATE_DIR": str(work / "state"),
        "EUIOM_CACHE_DIR": str(work / "cache"),
    }
    (work / "state").mkdir(mode=0o700)  # the server refuses a state directory others may read
    log = work / "gunicorn.log"
    server = subprocess.Popen(
        [
            str(python),
            "-m",
            "gunicorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "dashboard.wsgi:server",
        ],
        cwd=work,
        env=server_env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:

        def up() -> bool:
            assert server.poll() is None, log.read_text()
            try:
                return requests.get(f"{base}/", timeout=2).status_code == 200
            except requests.RequestException:
                return False

        wait_until(up, 120, "the app from the wheel answering /")
        for path in ("/", "/_dash-layout", "/assets/10-app.css", "/api/v1/charts"):
            response = requests.get(base + path, timeout=30)
            assert response.status_code == 200, (path, response.status_code, response.text[:300])
        assert "/assets/" in requests.get(base + "/", timeout=30).text
    finally:
        stop([server])
