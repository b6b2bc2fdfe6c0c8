"""Text of the pillars page."""

TEXT: dict[str, dict[str, str]] = {}
