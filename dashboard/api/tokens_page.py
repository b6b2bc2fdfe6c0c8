"""``/tokens``: a signed-in analyst creates and revokes their API tokens (plain HTML forms, CSRF)."""

from __future__ import annotations

import datetime as dt
import logging

from flask import Flask, Response, render_template_string, request

from dashboard import audit
from dashboard.auth import Permission, can, csrf_token, current_user
from dashboard.auth.tokens import TokenStore
from dashboard.i18n import LANGUAGES, t
from dashboard.server.server_pages import DOCUMENT_HEAD
from dashboard.settings import Settings

LOG = logging.getLogger(__name__)
PAGE = (
    DOCUMENT_HEAD
    + """<body>
<header class="navbar navbar-dark bg-dark py-2 px-3">
  <a class="navbar-brand fw-semibold" href="/?lang={{ lang }}">{{ app_title }}</a>
</header>
<main class="container py-4" id="tokens-main" style="max-width: 48rem">
  <h1 class="h4">{{ title }}</h1>
  <p>{{ intro }} <a href="/api/v1/docs?lang={{ lang }}">/api/v1/docs</a></p>
  {% if message %}<div class="alert alert-info" role="status" id="tokens-message">{{ message }}</div>{% endif %}
  {% if new_token %}
  <div class="alert alert-success" role="status">
    <p class="mb-1">{{ new_heading }}</p>
    <code id="tokens-new-token" class="user-select-all">{{ new_token }}</code>
  </div>
  {% endif %}
  {% if allowed %}
  <form method="post" action="/tokens" class="row g-2 mb-4" id="tokens-create-form">
    <input type="hidden" name="csrf_token" value="{{ csrf }}">
    <input type="hidden" name="lang" value="{{ lang }}">
    <input type="hidden" name="action" value="create">
    <div class="col-auto"><label for="tokens-label" class="form-label">{{ label_label }}</label>
      <input id="tokens-label" name="label" class="form-control" maxlength="80" required></div>
    <div class="col-auto align-self-end"><button class="btn btn-primary" type="submit">{{ create }}</button></div>
  </form>
  <table class="table table-sm"><caption>{{ list_caption }}</caption>
    <thead><tr><th scope="col">{{ label_label }}</th><th scope="col">{{ created_label }}</th>{#
      #}<th scope="col"></th></tr></thead>
    <tbody>{% for token in tokens %}
      <tr><td>{{ token.label }}</td><td>{{ token.created }}</td><td>
        <form method="post" action="/tokens"><input type="hidden" name="csrf_token" value="{{ csrf }}">
          <input type="hidden" name="lang" value="{{ lang }}"><input type="hidden" name="action" value="revoke">
          <input type="hidden" name="token_id" value="{{ token.token_id }}">
          <button class="btn btn-outline-danger btn-sm" type="submit">{{ revoke }} {{ token.label }}</button></form>
      </td></tr>{% endfor %}</tbody>
  </table>
  {% endif %}
</main>
</body>
</html>"""
)


def install_tokens_page(server: Flask, settings: Settings) -> None:
    """Add ``/tokens`` (GET shows, POST creates or revokes)."""
    store = TokenStore(settings.tokens_path)

    def page() -> tuple[str, int]:
        raw_lang = request.values.get("lang")
        lang = raw_lang if raw_lang in LANGUAGES else settings.language
        user = current_user()
        status, message, new_token = 200, "", ""
        allowed = settings.auth_mode != "open" and user.signed_in and can(Permission.EXPORT)
        if settings.auth_mode == "open":
            message = t("api.tokens.open", lang)
        elif not allowed:
            status, message = 403, t("api.tokens.forbidden", lang)
        elif request.method == "POST":
            who = {"user": user.name, "user_id": user.id, "address": request.remote_addr or ""}
            if request.form.get("action") == "create":
                try:
                    new_token, record = store.create(
                        user.name,
                        tuple(str(role) for role in user.roles),
                        request.form.get("label", "")[:80] or "token",
                        user_id=user.id,
                        stamp=user.stamp,
                    )
                except ValueError:
                    status, message = 400, t("api.tokens.too_many", lang)
                else:
                    try:  # a token nobody could find in the audit trail is not given out
                        audit.append(
                            settings.audit_path,
                            "token_created",
                            **who,
                            detail={"token_id": record.token_id, "label": record.label},
                        )
                    except audit.AuditError as error:
                        store.revoke(user.id, record.token_id)
                        LOG.error("token not created: %s", error)
                        new_token, status, message = "", 503, t("api.tokens.not_recorded", lang)
            elif store.revoke(user.id, token_id := request.form.get("token_id", "")[:32]):
                audit.record(
                    settings.audit_path, "token_revoked", **who, detail={"token_id": token_id}
                )
                message = t("api.tokens.revoked", lang)
            else:
                status, message = 404, t("api.tokens.unknown", lang)
        tokens = [
            {
                "label": record.label,
                "token_id": record.token_id,
                "created": dt.datetime.fromtimestamp(record.created, dt.UTC).strftime(
                    "%Y-%m-%d %H:%M UTC"
                ),
            }
            for record in (store.of_user(user.id) if allowed else [])
        ]
        texts = {
            key: t(f"api.tokens.{key}", lang)
            for key in (
                "title",
                "intro",
                "new_heading",
                "label_label",
                "create",
                "list_caption",
                "created_label",
                "revoke",
            )
        }
        html = render_template_string(
            PAGE,
            lang=lang,
            app_title=t("app.title", lang),
            message=message,
            new_token=new_token,
            allowed=allowed,
            csrf=csrf_token(),
            tokens=tokens,
            **texts,
        )
        return html, status

    def no_store(response: Response) -> Response:
        if request.path == "/tokens":
            response.headers["Cache-Control"] = "no-store"
        return response

    server.add_url_rule("/tokens", "api_tokens", page, methods=["GET", "POST"])
    server.after_request(no_store)
