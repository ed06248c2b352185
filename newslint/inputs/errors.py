"""Input problems: reported as one line naming the file and position, never as a traceback."""

from __future__ import annotations


class InputError(Exception):
    def __init__(self, path: str, message: str, record: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.record = record

    def __reduce__(self):  # picklable, so pool workers can hand input errors back
        return (type(self), (self.path, self.message, self.record))

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}:{self.record}"
        return f"{where}: {self.message}"
