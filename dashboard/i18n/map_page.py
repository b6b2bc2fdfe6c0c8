"""Text of the map page."""

TEXT: dict[str, dict[str, str]] = {}
