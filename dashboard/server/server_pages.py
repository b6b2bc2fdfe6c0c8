"""The document head shared by the pages Flask renders without Dash (sign-in, API docs, tokens, embeds).

Each page's Jinja template starts with ``DOCUMENT_HEAD`` (its ``lang`` and ``title`` variables)
and adds its own body: the app's vendored styles, no script, nothing from outside.
"""

DOCUMENT_HEAD = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ title }}</title>
  <link rel="icon" href="/_favicon.ico">
  <link rel="stylesheet" href="/assets/00-bootstrap-5.3.9.min.css">
  <link rel="stylesheet" href="/assets/10-app.css">
</head>
"""
