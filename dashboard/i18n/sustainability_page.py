"""Text of the sustainability page."""

TEXT: dict[str, dict[str, str]] = {}
