"""Text of the about page."""

TEXT: dict[str, dict[str, str]] = {}
