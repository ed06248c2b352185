"""Plain text files: decoding that remembers how to write the text back unchanged."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from newslint.inputs.errors import InputError

# How much of the start of a file is sniffed for NUL bytes (binary content).
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # codec to write back with ("utf-8", "utf-8-sig", "utf-16")

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


def _position_of_byte(data: bytes, index: int) -> str:
    line = data.count(b"\n", 0, index) + 1
    column = index - (data.rfind(b"\n", 0, index) + 1) + 1
    return f"line {line}, column {column} (byte {index})"


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an InputError."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        nul = data.find(b"\x00", 0, _SNIFF_BYTES)
        if nul != -1:
            raise InputError(name, f"binary file (NUL byte at {_position_of_byte(data, nul)}); not checked")
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        where = _position_of_byte(data, exc.start) if encoding != "utf-16" else f"byte {exc.start}"
        raise InputError(name, f"not valid {encoding.upper().replace('-SIG', '')} at {where}; "
                               "newslint reads UTF-8, or UTF-16 with a BOM") from None


def read_text_file(path: Path) -> DecodedText:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, str(path))
