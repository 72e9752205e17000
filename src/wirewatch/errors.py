"""The exception tree. Every error wirewatch raises on purpose is a `WirewatchError` with a code.

    WirewatchError
    ├── InputRejected        input that cannot be read as an article (recorded, the run goes on)
    │   codes: empty, binary, too_large, broken_record, unreadable
    ├── ConfigError          a bad setting or settings file
    ├── PlanError            stages whose requirements are not met by the stages before them
    └── StoreError           the database could not be opened or written
"""

from __future__ import annotations


class WirewatchError(Exception):
    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class InputRejected(WirewatchError):
    """Raised by readers and decoders; the runner records it with the input's name."""

    code = "unreadable"

    def __init__(self, name: str, reason: str, *, code: str) -> None:
        super().__init__(f"{name}: {reason}", code=code)
        self.name = name
        self.reason = reason


class ConfigError(WirewatchError):
    code = "config"


class PlanError(WirewatchError):
    code = "plan"


class StoreError(WirewatchError):
    code = "store"
