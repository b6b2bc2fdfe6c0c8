"""``create_app()``: the one place the Dash app is built and wired. Safe to call twice."""

from __future__ import annotations

from dash import Dash, html
from dash.development.base_component import Component
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import ASSETS_DIR
from dashboard.api import install_api
from dashboard.auth import Permission, can, current_user
from dashboard.auth.policy import VIEWING
from dashboard.auth.rate_limits import install_rate_limits
from dashboard.auth.web import install_auth
from dashboard.build import versions
from dashboard.common.pages import PageContext, Site
from dashboard.common.wiring import callback_needs, pure_callbacks
from dashboard.i18n import t
from dashboard.imports.service import MAX_UPLOAD_BYTES
from dashboard.map import geometry
from dashboard.server.health import install_health
from dashboard.server.http_errors import install_error_pages
from dashboard.server.lazy_scripts import defer_component_scripts
from dashboard.server.request_limits import (
    CALLBACK_BODY_BYTES,
    MIB,
    install_body_limits,
    install_path_guard,
)
from dashboard.server.response_cache import download_outputs, install_response_cache
from dashboard.server.security import install_callback_request_guard, install_security_headers
from dashboard.server.shared_state import open_shared_state
from dashboard.server.transport import install_compression
from dashboard.settings import Settings, load_settings
from dashboard.store.context import AppContext
from dashboard.store.door import TIME_LIMIT_KEY

# Dash's default template wraps its scripts in a <footer>, a second "contentinfo" landmark.
INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {{%metas%}}
        <title>{{%title%}}</title>
        {{%favicon%}}
        {{%css%}}
    </head>
    <body>
        {{%app_entry%}}
        <div class="dash-scripts">
            {{%config%}}
            {{%scripts%}}
            {{%renderer%}}
        </div>
    </body>
</html>"""


def install_store_switching(server: Flask, context: AppContext) -> None:
    """Per request: switch to a new store version if one was published, and keep this request on
    the version it started with until it ends (see ``dashboard.store.context``)."""

    def pin_store_version() -> None:
        context.refresh()
        context.pin()

    def release_store_version(_error: BaseException | None) -> None:
        context.release()

    server.before_request(pin_store_version)
    server.teardown_request(release_store_version)


def answer_audience() -> str:
    """What a cached answer may depend on about the visitor: their permissions, and whether they
    signed in (the open demo's local data manager sees other menu words than a signed-in one)."""
    user = current_user()
    return ",".join([*sorted(user.permissions), "signed-in" if user.signed_in else "visitor"])


COMPONENT_TYPE_ATTRIBUTES = (
    "_prop_names",
    "_valid_wildcard_attributes",
    "available_properties",
    "available_wildcard_properties",
)


def ids_only(layout: Component) -> html.Div:
    """Every component of ``layout`` that has an id, bare: its type and id, nothing else.

    Dash sends the validation layout inside every page it serves; its renderer needs only the ids
    and component types there, to check callbacks against. So it carries no names, options,
    values, file names or text from the store.
    """
    bare = []
    for component in html.Div(layout)._traverse():
        component_id = getattr(component, "id", None)
        if component_id is None:
            continue
        kind: type[Component] = type(component)
        copy = kind.__new__(kind)
        # What the component's constructor sets about its type (names of its properties...), and the id.
        copy.__dict__.update(
            {
                name: value
                for name, value in vars(component).items()
                if name in COMPONENT_TYPE_ATTRIBUTES
            },
            id=component_id,
        )
        bare.append(copy)
    return html.Div(bare)


def create_app(settings: Settings | None = None, site: Site | None = None) -> Dash:
    """Build the app for ``settings`` (default: from the environment) and the pages of ``site``
    (default: ``dashboard.site.SITE``)."""
    from callbacks import register_all
    from dashboard.site import SITE
    from layouts.shell import shell

    settings = settings or load_settings()
    site = site or SITE
    context = AppContext(settings)
    if context.store_directory is not None:
        versions.clean_at_start(context.store_directory)  # what an import killed halfway left
    app = Dash(
        __name__,
        assets_folder=str(ASSETS_DIR),
        title=t("app.title", settings.language),
        update_title=None,  # type: ignore[arg-type]  # Dash documents None (no "Updating..." title) but types str
        serve_locally=True,
        external_stylesheets=[],
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.server.config["EUIOM_CONTEXT"] = context
    app.server.config[TIME_LIMIT_KEY] = (
        settings.query_seconds or None
    )  # the store door's time limit
    install_store_switching(app.server, context)
    app.index_string = INDEX_TEMPLATE.format(lang=settings.language)
    defer_component_scripts(app)  # dash-ag-grid's script only once a grid is about to be seen

    state = open_shared_state(settings)
    install_health(app.server, context, state)
    limits = install_rate_limits(app.server, settings, state)
    auth = install_auth(app, settings, state, limits)

    def serve_layout() -> html.Div:
        return shell(
            site.pages, context.catalog, settings.language, context.imported_files, current_user()
        )

    validation_layout = ids_only(
        html.Div(
            [
                serve_layout(),
                *[
                    page.layout(
                        PageContext(
                            lang=settings.language,
                            catalog=context.catalog,
                            settings=settings,
                            cursor=context.cursor(),
                            params={},
                            charts=page.charts,
                        )
                    )
                    for page in site.pages
                ],
            ]
        )
    )
    app.validation_layout = validation_layout  # type: ignore[assignment]  # Dash annotates it as None only
    app.layout = serve_layout
    register_all(app, context, site)
    form_targets = [auth.provider.origin] if auth.provider is not None else []
    install_security_headers(
        app.server,
        app.csp_hashes(),
        settings.frame_options,
        form_targets,
        settings.embed_origins,
        https=settings.https,
    )
    install_api(
        app.server, context, site.charts(), {page.key: page.path for page in site.pages}, limits
    )
    server_callbacks = {key: spec for key, spec in app.callback_map.items() if "callback" in spec}
    declared = callback_needs(app)

    def authorize(body: dict) -> None:
        """What the callback the body names was declared to need (view for a name it does not know)."""
        output = body.get("output")
        auth.authorize_callback(
            declared.get(output, VIEWING).of(body) if isinstance(output, str) else VIEWING.of(body)
        )

    install_callback_request_guard(app.server, lambda: server_callbacks, authorize)
    install_compression(
        app.server, fixed_prefixes=[geometry.URL_PREFIX]
    )  # the map's shipped geometry
    # Pure callbacks only (file downloads never, even if one were declared pure by mistake).
    cacheable = frozenset(pure_callbacks(app)) - download_outputs(validation_layout)
    install_response_cache(app.server, context, cacheable, audience=answer_audience)
    install_error_pages(app.server)
    install_body_limits(app.server, callback_body_limit)
    install_path_guard(app.server)
    if settings.proxy_hops:
        # The client's address and scheme as the trusted proxies name them (rate limits, sign-in
        # counts, the local data manager); the Host header stays the one the proxy passes on.
        proxied = ProxyFix(
            app.server.wsgi_app, x_for=settings.proxy_hops, x_proto=settings.proxy_hops
        )
        # Flask declares wsgi_app a method; wrapping it is Werkzeug's documented way to add middleware.
        app.server.wsgi_app = proxied  # type: ignore[method-assign]
    return app


# The import page's file arrives base64-encoded (4/3 of its size) in a callback body.
UPLOAD_CALLBACK_BYTES = MAX_UPLOAD_BYTES * 4 // 3 + MIB


def callback_body_limit() -> int:
    """The largest callback body the current user may send: an upload for data managers only."""
    return UPLOAD_CALLBACK_BYTES if can(Permission.MANAGE_DATA) else CALLBACK_BODY_BYTES
