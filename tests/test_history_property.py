"""Random sequences of imports and rollbacks, through the import page's callback route (sign-in on,
answer cache on) and the command line: after every step the page's history equals the command
line's, the served version is the one the log's last entry names, the served store holds exactly
the files the steps so far imply, no rollback brings back rows unless a version was named, and the
newest import can always be rolled back (before: an import made while serving the oldest kept
version pruned the version it was made from)."""

from __future__ import annotations

import base64
import contextlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dashboard import ids
from dashboard.__main__ import main as cli_main
from dashboard.app import create_app
from dashboard.build import history_log, versions
from dashboard.build.stores import build_store
from dashboard.i18n import t
from dashboard.store.files import ReadOnlyStore, current_version_name

from auth_helpers import SECRET, SignedInClient, write_users
from conftest import settings_for

FILES = ("a.csv", "b.csv", "c.csv", "d.csv")
KEEP = 4
HEADER = "action_code,iso3,period,sex,indicator_code,value"


def file_text(name: str) -> str:
    year = 2016 + FILES.index(name)
    return (
        f"{HEADER}\nJI-SLC,SEN,{year}-Q2,female,returns_assisted,{year}\n"
        f"JI-SLC,SEN,{year}-Q2,male,returns_assisted,1\n"
    )


# ------------------------------------------------------------------ the page, through its callback route


def _spec(client, output_part: str, input_part: str) -> dict:
    return next(
        spec
        for spec in client.get("/_dash-dependencies").get_json()
        if output_part in spec["output"]
        and any(input_part in item["id"] for item in spec["inputs"])
    )


def _outputs(spec: dict) -> list[dict]:
    parts = spec["output"].removeprefix("..").removesuffix("..").split("...")
    return [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].split("@")[0]}
        for part in parts
    ]


class PageClient:
    """The import page as the browser drives it: the same callback requests, in the same order."""

    def __init__(self, app) -> None:
        self.client = SignedInClient(app, "dana")

    def call(self, spec: dict, inputs: list, state: list, changed: str) -> dict:
        outputs = _outputs(spec)
        body = {
            "output": spec["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": inputs,
            "state": state,
            "changedPropIds": [changed],
        }
        response = self.client.post(
            "/_dash-update-component", data=json.dumps(body), content_type="application/json"
        )
        assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]
        return response.get_json() if response.status_code == 200 else {}

    def import_file(self, name: str) -> str:
        contents = "data:text/csv;base64," + base64.b64encode(file_text(name).encode()).decode()
        spec = _spec(self.client, "import-result.children", ids.IMPORT_CONFIRM)
        answer = self.call(
            spec,
            [{"id": ids.IMPORT_CONFIRM, "property": "n_clicks", "value": 1}],
            [
                {"id": ids.IMPORT_UPLOAD, "property": "contents", "value": contents},
                {"id": ids.IMPORT_UPLOAD, "property": "filename", "value": name},
                {"id": ids.IMPORT_KIND, "property": "value", "value": "auto"},
                {"id": ids.IMPORT_REPLACE_DEMO, "property": "value", "value": False},
                {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
                {"id": ids.IMPORT_HISTORY_TICK, "property": "data", "value": 0},
            ],
            f"{ids.IMPORT_CONFIRM}.n_clicks",
        )
        return _text(answer["response"][ids.IMPORT_RESULT]["children"])

    def roll_back(self, button: dict) -> str:
        """Click a history button, read the confirmation, confirm it: what the page says."""
        spec = _spec(self.client, ids.IMPORT_ROLLBACK_PLAN_STORE, ids.IMPORT_ROLLBACK_TYPE)
        clicked = {"id": button, "property": "n_clicks", "value": 1}
        undo = [clicked] if button["type"] == ids.IMPORT_ROLLBACK_TYPE else []
        serve = [clicked] if button["type"] == ids.IMPORT_SERVE_TYPE else []
        shown = self.call(
            spec,
            [undo, serve],
            [{"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"}],
            json.dumps(button, sort_keys=True, separators=(",", ":")) + ".n_clicks",
        )["response"]
        stored = shown[ids.IMPORT_ROLLBACK_PLAN_STORE]["data"]
        assert shown[ids.IMPORT_ROLLBACK_DIALOG]["is_open"] is True
        spec = _spec(self.client, ids.IMPORT_ROLLBACK_RESULT, ids.IMPORT_ROLLBACK_GO)
        answer = self.call(
            spec,
            [{"id": ids.IMPORT_ROLLBACK_GO, "property": "n_clicks", "value": 1}],
            [
                {"id": ids.IMPORT_ROLLBACK_PLAN_STORE, "property": "data", "value": stored},
                {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
                {"id": ids.IMPORT_HISTORY_TICK, "property": "data", "value": 0},
            ],
            f"{ids.IMPORT_ROLLBACK_GO}.n_clicks",
        )
        return _text(answer["response"][ids.IMPORT_ROLLBACK_RESULT]["children"])

    def history(self) -> list[tuple]:
        """The history table's rows as the page shows them, oldest first."""
        spec = _spec(self.client, f"{ids.IMPORT_HISTORY}.children", ids.IMPORT_HISTORY_TICK)
        answer = self.call(
            spec,
            [{"id": ids.IMPORT_HISTORY_TICK, "property": "data", "value": 0}],
            [{"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"}],
            f"{ids.IMPORT_HISTORY_TICK}.data",
        )
        rows = []
        for row in _find(answer["response"][ids.IMPORT_HISTORY]["children"], "Tr")[
            1:
        ]:  # the first is the header
            cells = {
                cell["props"]["className"].removeprefix("history-"): cell["props"].get("children")
                for cell in row["props"]["children"]
            }
            buttons = [button["props"]["id"] for button in _find(cells["actions"], "Button")]
            version = _text(cells["version"])
            what = cells["what"][0] if isinstance(cells["what"], list) else cells["what"]
            rows.append(
                (
                    int(_text(cells["id"])),
                    _text(cells["who"]),
                    _text(what).split(" ")[0],
                    version.split(" ")[0],
                    "(served)" in version,
                    int(_text(cells["rows"]).replace(",", "")) if _text(cells["rows"]) else None,
                    any(button["type"] == ids.IMPORT_ROLLBACK_TYPE for button in buttons),
                    any(button["type"] == ids.IMPORT_SERVE_TYPE for button in buttons),
                )
            )
        return sorted(rows)

    def buttons(self) -> list[dict]:
        spec = _spec(self.client, f"{ids.IMPORT_HISTORY}.children", ids.IMPORT_HISTORY_TICK)
        answer = self.call(
            spec,
            [{"id": ids.IMPORT_HISTORY_TICK, "property": "data", "value": 0}],
            [{"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"}],
            f"{ids.IMPORT_HISTORY_TICK}.data",
        )
        return [
            button["props"]["id"]
            for button in _find(answer["response"][ids.IMPORT_HISTORY]["children"], "Button")
        ]


def _find(tree: object, kind: str) -> list[dict]:
    found = []
    pending = [tree]
    while pending:
        node = pending.pop(0)
        if isinstance(node, list):
            pending[:0] = node
        elif isinstance(node, dict) and "props" in node:
            if node.get("type") == kind:
                found.append(node)
            pending.insert(0, node["props"].get("children"))
    return found


def _text(tree: object) -> str:
    if tree is None:
        return ""
    if isinstance(tree, str | int | float):
        return str(tree)
    if isinstance(tree, list):
        return "".join(_text(item) for item in tree)
    return _text(tree.get("props", {}).get("children")) if isinstance(tree, dict) else ""


# ------------------------------------------------------------------ the command line


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli_main(list(args))
    return code, out.getvalue()


ACTION_WORDS = {
    action: t(f"import.action.{action}", "en").split(" ")[0] for action in history_log.ACTIONS
}


def cli_history(store: Path) -> list[tuple]:
    code, out = cli("history", "--store", str(store), "--json")
    assert code == 0
    return sorted(
        (
            row["id"],
            row["user"],
            ACTION_WORDS[row["action"]],
            row["version"],
            row["served"],
            row.get("rows"),
            row["can_roll_back"],
            row["can_serve_again"],
        )
        for row in map(json.loads, out.splitlines())
    )


# ------------------------------------------------------------------ the model and the steps


@dataclass
class Model:
    """What the steps imply, kept without the dashboard's code: the files each version holds."""

    files_of: dict[str, frozenset] = field(default_factory=lambda: {"store-000001": frozenset()})
    served: str = "store-000001"


def served_files(store: Path) -> frozenset:
    """The imported files whose rows the served version really holds (read from the store itself)."""
    opened = ReadOnlyStore(store / current_version_name(store))
    try:
        rows = (
            opened.cursor()
            .execute("SELECT file_name FROM data_batches WHERE origin = 'import'")
            .fetchall()
        )
    finally:
        opened.close()
    return frozenset(name for (name,) in rows)


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["page", "cli"]),
        st.sampled_from(["import", "undo", "serve", "default"]),
        st.integers(0, 7),
    ),
    min_size=3,
    max_size=9,
)
# The reviewer's sequence, always tried: imports, then serve the oldest kept version again and
# import from it (KEEP = 4: four imports leave 000002 to 000005 kept; the third serve-again button,
# newest first, serves 000002, the oldest kept).
OLDEST_THEN_IMPORT = [
    ("cli", "import", 0),
    ("cli", "import", 1),
    ("cli", "import", 2),
    ("cli", "import", 3),
    ("page", "serve", 2),
    ("page", "import", 1),
    ("cli", "default", 0),
]


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(steps=OLDEST_THEN_IMPORT)
@given(steps=STEPS)
def test_page_and_command_line_tell_the_same_history_after_any_imports_and_rollbacks(
    tmp_path_factory, steps
):
    tmp_path = tmp_path_factory.mktemp("property")
    store = tmp_path / "store"
    build_store(store, demo=False, user="command line")
    for name in FILES:
        (tmp_path / name).write_text(file_text(name), encoding="utf-8")
    app = create_app(
        settings_for(
            store,
            store_check_seconds=0,
            auth_mode="users",
            secret_key=SECRET,
            users_file=write_users(tmp_path / "users.json"),
            cache_dir=tmp_path / "cache",
            keep_versions=KEEP,
        )
    )
    page, model = PageClient(app), Model()
    for where, what, number in steps:
        before = model.files_of[model.served]
        if what == "import":
            name = FILES[number % len(FILES)]
            if where == "page":
                said = page.import_file(name)
                imported = said.startswith("Imported")
            else:
                code, said = cli("import", str(tmp_path / name), "--store", str(store))
                imported = code == 0
            assert imported == (name not in before), (
                said
            )  # refused exactly when its rows are served already
            if imported:
                model.served = current_version_name(store).removesuffix(".duckdb")
                assert model.served in said and model.served not in model.files_of, (
                    said
                )  # a new version, really
                model.files_of[model.served] = before | {name}
        elif what in ("undo", "serve"):
            kind = ids.IMPORT_ROLLBACK_TYPE if what == "undo" else ids.IMPORT_SERVE_TYPE
            offered = [button for button in page.buttons() if button["type"] == kind]
            if not offered:
                continue
            button = offered[number % len(offered)]
            if where == "page":
                said = page.roll_back(button)
                assert " is served again (history entry #" in said, said
            else:
                args = [str(button["index"])] if what == "undo" else ["--version", button["index"]]
                code, said = cli("rollback", *args, "--store", str(store))
                assert code == 0, said
            model.served = current_version_name(store).removesuffix(".duckdb")
            if what == "serve":
                assert model.served == button["index"]
            else:
                undone = history_log.read_entries(store)[button["index"] - 1]["file"]
                assert undone not in model.files_of[model.served]
                assert model.files_of[model.served] <= before, (
                    "a rollback brought back rows rolled back before"
                )
        else:
            code, said = cli("rollback", "--store", str(store))
            if code == 0:
                model.served = current_version_name(store).removesuffix(".duckdb")
                assert model.files_of[model.served] < before
            else:
                assert not before  # nothing imported is served: nothing to roll back
        entries = history_log.read_entries(store)
        assert (
            history_log.served_by_log(entries)
            == model.served
            == current_version_name(store).removesuffix(".duckdb")
        )
        assert served_files(store) == model.files_of[model.served]
        history = cli_history(store)
        assert page.history() == history
        assert len(versions.version_names(store)) <= KEEP + 1
        newest_import = next(
            (entry for entry in reversed(entries) if entry["action"] == "import"), None
        )
        if newest_import is not None and newest_import["version"] == model.served:
            row = next(row for row in history if row[0] == newest_import["id"])
            assert row[6], f"the newest import #{newest_import['id']} cannot be rolled back"
            assert (store / f"{newest_import['previous']}.duckdb").exists()
