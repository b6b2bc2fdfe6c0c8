"""The API's one error type: a 4xx status and a message a person can act on."""

from __future__ import annotations


class ApiError(Exception):
    """A request the API refuses, with the HTTP status and a clear message (sent as JSON)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        parameter: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.headers = headers or {}

    def body(self) -> dict[str, object]:
        """The JSON body: ``error`` (the message), ``status`` and the parameter at fault if any."""
        body: dict[str, object] = {"error": self.message, "status": self.status}
        if self.parameter:
            body["parameter"] = self.parameter
        return body
