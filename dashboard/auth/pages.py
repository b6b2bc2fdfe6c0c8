"""The sign-in and refusal pages: plain server-rendered HTML (no script), both languages; where a
sign-in returns to (``safe_next``) and in which language its page is shown."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from flask import render_template_string, request

from dashboard.i18n import LANGUAGES, t
from dashboard.server.server_pages import DOCUMENT_HEAD
from dashboard.settings import Settings

# A path on this site, never another site's address ("//evil", "/\\evil") nor one with control characters.
LOCAL_PATH = re.compile(r"/(?![/\\])[^\s\x00-\x1f\x7f\\]*")
PAGE = (
    DOCUMENT_HEAD
    + """<body class="bg-light">
<header class="navbar navbar-dark bg-dark py-2 px-3">
  <span class="navbar-brand fw-semibold">{{ app_title }}</span>
  <a class="link-light small" href="{{ other_language_href }}" lang="{{ other_lang }}">{{ other_language }}</a>
</header>
<main id="auth-main" class="container py-5" style="max-width: 28rem">
  <h1 class="h4 mb-4">{{ title }}</h1>
  {% if notice %}<div class="alert alert-info" role="status" id="auth-notice">{{ notice }}</div>{% endif %}
  {% if error %}<div class="alert alert-danger" role="alert" id="auth-error">{{ error }}</div>{% endif %}
  {% if form == "password" %}
  <form method="post" action="/auth/login" id="auth-login-form">
    <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
    <input type="hidden" name="next" value="{{ next }}">
    <input type="hidden" name="lang" value="{{ lang }}">
    <div class="mb-3">
      <label for="auth-user-name" class="form-label">{{ user_name_label }}</label>
      <input id="auth-user-name" name="username" class="form-control" autocomplete="username" required
             autofocus value="{{ username }}" maxlength="64">
    </div>
    <div class="mb-3">
      <label for="auth-password" class="form-label">{{ password_label }}</label>
      <input id="auth-password" name="password" type="password" class="form-control"
             autocomplete="current-password" required maxlength="1024">
    </div>
    <button type="submit" class="btn btn-primary" id="auth-submit">{{ sign_in }}</button>
  </form>
  {% elif form == "oidc" %}
  <a class="btn btn-primary" id="auth-oidc-start" href="{{ oidc_href }}">{{ sign_in_oidc }}</a>
  {% elif form == "back" %}
  <a class="btn btn-outline-primary" id="auth-back" href="/">{{ back }}</a>
  {% endif %}
  {% if session_note %}<p class="small text-muted mt-4">{{ session_note }}</p>{% endif %}
</main>
</body>
</html>"""
)


def auth_page(
    lang: str,
    *,
    title_key: str,
    form: str,
    next_path: str = "/",
    notice: str = "",
    error: str = "",
    csrf_token: str = "",
    username: str = "",
    session_note: str = "",
) -> str:
    """The page; ``form`` is ``password``, ``oidc``, ``back`` or empty."""
    other = "fr" if lang == "en" else "en"
    return render_template_string(
        PAGE,
        lang=lang,
        title=t(title_key, lang),
        app_title=t("app.title", lang),
        notice=notice,
        error=error,
        form=form,
        csrf_token=csrf_token,
        next=next_path,
        username=username,
        user_name_label=t("auth.user_name", lang),
        password_label=t("auth.password", lang),
        sign_in=t("auth.sign_in", lang),
        sign_in_oidc=t("auth.sign_in_oidc", lang),
        back=t("auth.back_to_dashboard", lang),
        session_note=session_note,
        other_lang=other,
        other_language=t("auth.other_language", lang),
        other_language_href="/auth/login?" + urlencode({"lang": other, "next": next_path}),
        oidc_href="/auth/oidc/start?" + urlencode({"next": next_path}),
    )


def safe_next(raw: str | None) -> str:
    """A local path to return to after sign-in; anything else (another site) becomes '/'."""
    # Browsers drop tabs and newlines from addresses ("/\t/evil" opens "//evil"): refuse any.
    if not isinstance(raw, str) or not LOCAL_PATH.fullmatch(raw) or len(raw) > 2000:
        return "/"
    return raw


def page_language(settings: Settings, next_path: str) -> str:
    """The sign-in page's language: ``lang`` of the request, else of the page asked for, else the default."""
    for candidate in (
        request.values.get("lang"),
        *parse_qs(urlsplit(next_path).query).get("lang", []),
    ):
        if candidate in LANGUAGES:
            return candidate
    return settings.language
