"""Reading inputs and writing fixed files: bytes to text (and back the same way).

A file is UTF-8 (with or without a byte-order mark) or UTF-16 with one;
anything else is an :class:`InputError` whose message is the one line the
user sees.  A fixed file is written back in its own encoding by
:func:`resolint.fixes.write_atomic`, the one place that writes files.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from .. import fixes
from ..fixes import WriteError

WORD_SUFFIXES = (".docx", ".doc", ".odt", ".rtf")


class InputError(Exception):
    """An input resolint cannot read: the message is the one line the user sees."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file's bytes became text, so that --fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file as it was read: its bytes (to detect a change before writing), text and encoding."""

    path: Path
    data: bytes
    text: str
    encoding: Encoding

    def write(self, text: str) -> None:
        """Replace the file with ``text`` in its own encoding; WriteError when it cannot."""
        fixes.write_atomic(self.path, self.encoding.encode(text), expected=self.data)


def read_document(path: Path) -> str:
    """The text of ``path``, or InputError with a message that says what to do."""
    return read_input(path).text


def read_input(path: Path, found_by_walk: bool = False) -> InputFile:
    if path.suffix.lower() in WORD_SUFFIXES:
        raise InputError(
            f"{path}: Word documents are not read yet; save the document as plain text (.txt) or Markdown (.md)"
        )
    data = read_bytes(path, found_by_walk)
    text, encoding = decode_with_encoding(data, str(path))
    return InputFile(path, data, text, encoding)


def read_bytes(path: Path, found_by_walk: bool = False) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory where a file was expected")
        return path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        if found_by_walk:
            raise InputError(f"{path}: disappeared during the run (deleted or moved); not checked") from None
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; not checked") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory where a file was expected") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{path}: symbolic link loop (the link leads back to itself); not checked") from None
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def decode(data: bytes, name: str) -> str:
    return decode_with_encoding(data, name)[0]


def decode_with_encoding(data: bytes, name: str) -> tuple[str, Encoding]:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is a one-line error."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), Encoding(codec, bom)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise _binary_error(data, name)
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), Encoding("utf-8", b"\xef\xbb\xbf")
        return data.decode("utf-8"), Encoding()
    except UnicodeDecodeError as error:
        bad = data[error.start]
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{bad:02x} at offset {error.start}, line {line}); "
            f"it looks like {_legacy_guess(data)}: re-save it as UTF-8 (e.g. iconv -f {_ICONV[_legacy_guess(data)]} -t UTF-8)"
        ) from None


def _binary_error(data: bytes, name: str) -> InputError:
    """A NUL byte: UTF-16 without a byte-order mark, or not text at all."""
    guess = _utf16_guess(data)
    offset = data.index(b"\x00")
    if guess:
        return InputError(
            f"{name}: not valid UTF-8 (byte 0x00 at offset {offset}); it looks like {guess} without a byte-order mark: "
            "re-save it as UTF-8"
        )
    return InputError(f"{name}: binary file, not a text document (a NUL byte at offset {offset})")


_ICONV = {"windows-1252": "WINDOWS-1252", "ISO-8859-1 (Latin-1)": "ISO-8859-1"}


def _utf16_guess(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd > len(sample) // 4 and even < odd // 8:
        return "UTF-16 (little-endian)"
    if even > len(sample) // 4 and odd < even // 8:
        return "UTF-16 (big-endian)"
    return None


def _legacy_guess(data: bytes) -> str:
    try:
        data.decode("cp1252")
        return "windows-1252"
    except UnicodeDecodeError:
        return "ISO-8859-1 (Latin-1)"


__all__ = ["InputError", "Encoding", "InputFile", "WriteError", "read_document", "read_input", "decode"]
