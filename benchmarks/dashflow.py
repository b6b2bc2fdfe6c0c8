"""Drive a Dash app the way its browser renderer does: real ``/_dash-update-component`` payloads.

Everything is derived from what the server publishes (``/_dash-dependencies``, ``/_dash-layout``
and the page layouts the routing callback returns), so the benchmark and the load test follow the
pages as they change, with no list of callbacks to keep up to date.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

SELECTION = ("shell-selection-store", "data")
PROFILE_STORE = ("map-selected-store", "data")
DEFAULT_PROFILE_COUNTRY = "GIN"
LANGUAGE = ("shell-language-store", "data")
URL = "shell-url"
PAGE_CONTENT_OUTPUT = "shell-page-content.children"
FILTER_IDS = {
    "regions": "filter-region-dropdown",
    "statuses": "filter-status-dropdown",
    "actions": "filter-action-dropdown",
    "countries": "filter-country-dropdown",
    "pillars": "filter-pillar-dropdown",
    "period_start": "filter-period-start-dropdown",
    "period_end": "filter-period-end-dropdown",
}

Prop = tuple[str, str]


class Transport(Protocol):
    """GET JSON and POST JSON: the Flask test client or a keep-alive HTTP connection."""

    def get(self, path: str) -> tuple[int, bytes]: ...

    def post(self, path: str, body: Mapping[str, Any]) -> tuple[int, bytes]: ...


class FlaskTransport:
    """In-process transport on ``app.server.test_client()``."""

    def __init__(self, flask_app: Any) -> None:
        self.client = flask_app.test_client()

    def get(self, path: str) -> tuple[int, bytes]:
        response = self.client.get(path)
        return response.status_code, response.get_data()

    def post(self, path: str, body: Mapping[str, Any]) -> tuple[int, bytes]:
        response = self.client.post(path, json=body)
        return response.status_code, response.get_data()


@dataclass(frozen=True)
class CallbackSpec:
    """One server-side callback as the renderer sees it."""

    output: str
    outputs: list[Prop]
    inputs: list[Prop]
    state: list[Prop]
    prevent_initial_call: bool
    page: str = "shell"

    @property
    def multi(self) -> bool:
        return self.output.startswith("..")

    @property
    def name(self) -> str:
        """Short label: the first output, plus how many more."""
        first = ".".join(self.outputs[0]).split("@")[0]
        return first + (f" (+{len(self.outputs) - 1})" if len(self.outputs) > 1 else "")

    def reads(self, prop: Prop) -> bool:
        return prop in self.inputs


def parse_outputs(output: str) -> list[Prop]:
    """``..a.x...b.y..`` or ``a.x`` -> [("a", "x"), ("b", "y")] (property keeps any ``@hash``)."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    return [tuple(part.rsplit(".", 1)) for part in parts]  # type: ignore[misc]


def id_key(component_id: Any) -> str:
    """A component id as the server's dependency list spells it (a dict id as sorted JSON)."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def _is_wildcard(component_id: Any) -> bool:
    """Whether an id matches many components (ALL, MATCH, ALLSMALLER): a dict id with a list value."""
    text = id_key(component_id)
    return text.startswith("{") and any(
        isinstance(value, list) for value in json.loads(text).values()
    )


def _is_pattern(spec: Mapping[str, Any]) -> bool:
    items = [*spec.get("inputs", []), *spec.get("state", [])]
    return any(_is_wildcard(component) for component, _ in parse_outputs(spec["output"])) or any(
        _is_wildcard(item["id"]) for item in items
    )


def _body_id(component: str) -> Any:
    """The id as the renderer posts it: a dict id as a dict."""
    return json.loads(component) if component.startswith("{") else component


def server_callbacks(dependencies: list[Mapping[str, Any]]) -> list[CallbackSpec]:
    """Server-side callbacks without wildcard ids (a page's options store, a dict id naming one
    component, is driven like a plain id), in the order the server lists them."""
    specs = []
    for dep in dependencies:
        if dep.get("clientside_function") or _is_pattern(dep):
            continue
        specs.append(
            CallbackSpec(
                output=dep["output"],
                outputs=parse_outputs(dep["output"]),
                inputs=[(id_key(item["id"]), item["property"]) for item in dep.get("inputs", [])],
                state=[(id_key(item["id"]), item["property"]) for item in dep.get("state", [])],
                prevent_initial_call=bool(dep.get("prevent_initial_call")),
            )
        )
    return specs


def walk(node: Any) -> Iterator[Mapping[str, Any]]:
    """Every component (``{"type", "namespace", "props"}``) in a layout's JSON."""
    if isinstance(node, list):
        for item in node:
            yield from walk(item)
    elif isinstance(node, dict):
        if "props" in node and "type" in node:
            yield node
            for value in node["props"].values():
                yield from walk(value)
        else:
            for value in node.values():
                yield from walk(value)


def component_props(layout: Any) -> dict[str, dict[str, Any]]:
    """``{id: props}`` of every component with an id (a dict id keyed as ``id_key`` spells it)."""
    found: dict[str, dict[str, Any]] = {}
    for component in walk(layout):
        component_id = component["props"].get("id")
        if isinstance(component_id, str | dict):
            found[id_key(component_id)] = component["props"]
    return found


def build_body(
    spec: CallbackSpec, values: Mapping[Prop, Any], changed: list[Prop]
) -> dict[str, Any]:
    """The JSON body the renderer posts to ``/_dash-update-component``."""
    outputs = [{"id": _body_id(component), "property": prop} for component, prop in spec.outputs]
    return {
        "output": spec.output,
        "outputs": outputs if spec.multi else outputs[0],
        "inputs": [
            {"id": _body_id(c), "property": p, "value": values.get((c, p))} for c, p in spec.inputs
        ],
        "state": [
            {"id": _body_id(c), "property": p, "value": values.get((c, p))} for c, p in spec.state
        ],
        "changedPropIds": [f"{c}.{p}" for c, p in changed],
    }


def response_values(raw: bytes) -> dict[Prop, Any]:
    """``{(id, prop): value}`` of a callback response (empty for 204 or no JSON)."""
    try:
        payload = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return {
        (component, prop): value
        for component, props in (payload.get("response") or {}).items()
        for prop, value in props.items()
    }


@dataclass
class DashSite:
    """What a browser knows after loading the app: callbacks, shell and page layouts."""

    transport: Transport
    page_paths: tuple[str, ...]
    callbacks: list[CallbackSpec] = field(default_factory=list)
    shell: dict[str, dict[str, Any]] = field(default_factory=dict)
    pages: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def load(self, search: str = "") -> DashSite:
        """Fetch the dependencies, the shell layout and every page's layout."""
        status, raw = self.transport.get("/_dash-dependencies")
        _expect(status, "/_dash-dependencies")
        specs = server_callbacks(json.loads(raw))
        status, raw = self.transport.get("/_dash-layout")
        _expect(status, "/_dash-layout")
        self.shell = component_props(json.loads(raw))
        render = next(spec for spec in specs if spec.output == PAGE_CONTENT_OUTPUT)
        for path in self.page_paths:
            values = {(URL, "pathname"): path, (URL, "search"): search, LANGUAGE: "en"}
            status, raw = self.transport.post(
                "/_dash-update-component", build_body(render, values, [(URL, "pathname")])
            )
            if (
                status == 403
            ):  # a page a visitor who is not signed in may not open (the import page)
                continue
            _expect(status, f"render {path}")
            self.pages[path] = component_props(json.loads(raw))
        self.page_paths = tuple(path for path in self.page_paths if path in self.pages)
        self.callbacks = [
            CallbackSpec(**{**spec.__dict__, "page": self._page_of(spec)}) for spec in specs
        ]
        return self

    def _page_of(self, spec: CallbackSpec) -> str:
        ids = {component for component, _ in spec.outputs}
        for path, components in self.pages.items():
            if ids & set(components):
                return path
        return "shell"

    def defaults(self, path: str) -> dict[Prop, Any]:
        """Every property value the shell and page ``path`` start with."""
        values: dict[Prop, Any] = {}
        for components in (self.shell, self.pages.get(path, {})):
            for component_id, props in components.items():
                for prop, value in props.items():
                    values[(component_id, prop)] = value
        values[(URL, "pathname")] = path
        values[(URL, "search")] = ""
        values[(URL, "href")] = "http://127.0.0.1" + path
        values[LANGUAGE] = "en"
        return values

    def main_callbacks(self, path: str) -> list[CallbackSpec]:
        """Callbacks of page ``path`` (and the shell) that run when the filters change."""
        return [
            spec
            for spec in self.callbacks
            if spec.reads(SELECTION) and spec.page in (path, "shell")
        ]

    def filter_options(self) -> dict[str, list[Any]]:
        """Values offered by each filter drop-down of the shell."""
        options = {}
        for name, component_id in FILTER_IDS.items():
            raw = self.shell.get(component_id, {}).get("options") or []
            options[name] = [item["value"] if isinstance(item, dict) else item for item in raw]
        return options


def selection_values(values: dict[Prop, Any], selection: Mapping[str, Any]) -> dict[Prop, Any]:
    """``values`` with the selection in the store and the filter drop-downs, and the map's country
    profile open on the first chosen country (or a busy one), as after a click on the map."""
    values[SELECTION] = dict(selection)
    for name, component in FILTER_IDS.items():
        values[(component, "value")] = selection.get(name)
    values[PROFILE_STORE] = (selection.get("countries") or [DEFAULT_PROFILE_COUNTRY])[0]
    return values


def _expect(status: int, what: str) -> None:
    if status != 200:
        raise RuntimeError(f"{what} answered HTTP {status}")


def random_selection(rng: random.Random, options: Mapping[str, list[Any]]) -> dict[str, Any]:
    """A random filter state in the shape of ``Selection.to_dict()`` from the offered values."""

    def some(name: str, chance: float, most: int) -> list[Any]:
        values = options.get(name) or []
        if not values or rng.random() > chance:
            return []
        return sorted(rng.sample(values, rng.randint(1, min(most, len(values)))))

    selection: dict[str, Any] = {
        "regions": some("regions", 0.3, 2),
        "statuses": some("statuses", 0.2, 1),
        "actions": some("actions", 0.3, 3),
        "countries": some("countries", 0.25, 4),
        "pillars": some("pillars", 0.2, 2),
        "period_start": None,
        "period_end": None,
    }
    quarters = options.get("period_start") or []
    if quarters and rng.random() < 0.4:
        first, last = sorted(rng.sample(range(len(quarters)), 2))
        selection["period_start"], selection["period_end"] = quarters[first], quarters[last]
    return selection


def selections(
    count: int,
    seed: int,
    options: Mapping[str, list[Any]],
    normalise: Callable[[dict[str, Any]], dict[str, Any]] = lambda raw: raw,
) -> list[dict[str, Any]]:
    """``count`` distinct selections: the empty one, single countries (one in six), random mixes."""
    rng = random.Random(seed)
    empty = {
        "regions": [],
        "statuses": [],
        "actions": [],
        "countries": [],
        "pillars": [],
        "period_start": None,
        "period_end": None,
    }
    chosen = [normalise(empty)]
    seen = {json.dumps(chosen[0], sort_keys=True)}
    countries = list(options.get("countries") or [])
    attempts = 0
    while len(chosen) < count and attempts < count * 50:
        attempts += 1
        if countries and len(chosen) % 6 == 1:
            candidate = {**empty, "countries": [rng.choice(countries)]}
        else:
            candidate = random_selection(rng, options)
        candidate = normalise(candidate)
        key = json.dumps(candidate, sort_keys=True)
        if key not in seen:
            seen.add(key)
            chosen.append(candidate)
    return chosen
