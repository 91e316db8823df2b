"""Rules every input obeys, whoever typed or sent it: text as dtbench stores it, ids,
JSON nesting, files and limits.

Each rule is checked before the work it protects: a file's kind and size before a byte is
read, JSON nesting before it is parsed, the length of a text before it is stored. A refusal
is a ``UserError`` whose one-line message names the limit. No Qt here.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Final, TypeVar

from dtbench.errors import QT_TRANSLATE_NOOP, UserError, os_reason

MB: Final = 1024 * 1024
MAX_TEXT_CHARS: Final = 100_000  # one note, finding or description: about 50 pages
MAX_TITLE_CHARS: Final = 200  # a title: a sentence, read as a heading
MAX_JSON_DEPTH: Final = 64  # an engagement or template nests about 8 levels
MAX_LIST_ITEMS: Final = 5_000  # entries of one plan list (KPIs, initiatives…) in an import
EXCERPT: Final = 30  # characters of user data quoted in a message

# What XML 1.0 (so Excel and Word) cannot hold: C0 controls but tab and line feed (line
# breaks Word pastes as vertical tab or form feed are kept as line breaks, see clean_text),
# lone surrogates and the two non-characters U+FFFE and U+FFFF.
_ILLEGAL: Final = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS: Final = re.compile("\r\n|[\r\x0b\x0c]")


# ---------------------------------------------------------------- errors
class InputError(UserError):
    """An input refused by one of these rules."""

    context = "InputError"
    template = QT_TRANSLATE_NOOP("InputError", "%1 was refused.")


class TextTooLongError(InputError, ValueError):
    # also a ValueError: callers that validate records report it like any invalid value
    template = QT_TRANSLATE_NOOP(
        "InputError",
        "The text “%1…” is too long (%2 characters): at most %3 characters can be kept in "
        "one field. Nothing was changed.",
    )


class NotRegularFileError(InputError):
    template = QT_TRANSLATE_NOOP(
        "InputError",
        "%1 was refused: it is not a regular file (it is a folder, a device or a pipe). "
        "Nothing was read.",
    )


class FileTooLargeError(InputError):
    template = QT_TRANSLATE_NOOP(
        "InputError",
        "%1 was refused: it is larger than %2, far more than such a file holds. Nothing was read.",
    )


class FileUnreadableError(InputError):
    template = QT_TRANSLATE_NOOP("InputError", "%1 cannot be read: %2")


class TooDeepError(InputError):
    template = QT_TRANSLATE_NOOP(
        "InputError",
        "%1 was refused: its data is nested more than %2 levels deep, which no dtbench file "
        "is. Nothing was imported.",
    )


class TooManyEntriesError(InputError):
    template = QT_TRANSLATE_NOOP(
        "InputError",
        "%1 was refused: its list “%2” has %3 entries, more than the %4 dtbench accepts. "
        "Nothing was imported.",
    )


# ---------------------------------------------------------------- text
def clean_text(value: str) -> str:
    """Text as dtbench stores it: line breaks as ``\\n`` (Word's vertical tab and form feed
    included) and no character an Excel or Word file cannot hold. Blanks are kept."""
    return _ILLEGAL.sub("", _BREAKS.sub("\n", value))


def excerpt(value: str) -> str:
    """The start of a text, short enough to quote in a message."""
    return " ".join(value[:EXCERPT].split())


def checked_text(value: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``clean_text`` of a text a person typed or a file brought, refused when longer than
    ``limit`` characters (TextTooLongError)."""
    if len(value) > limit:  # before cleaning: a 10 MB paste is not scanned
        raise TextTooLongError(excerpt(value), f"{len(value):,}", f"{limit:,}")
    return clean_text(value)


T = TypeVar("T")


def clean_strings(value: T, limit: int = MAX_TEXT_CHARS) -> T:
    """``checked_text`` of every string in plain data (lists, dicts and their keys)."""
    cleaned: T = _deep(value, lambda text: checked_text(text, limit))
    return cleaned


def _deep(value: Any, fix: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, list | tuple):
        return type(value)(_deep(v, fix) for v in value)
    if isinstance(value, dict):
        return {_deep(k, fix): _deep(v, fix) for k, v in value.items()}
    return value


# ---------------------------------------------------------------- ids
_UUID_FORM: Final = re.compile(
    r"(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?"
    r"([0-9a-f]{12})\}?",
    re.IGNORECASE,
)


def canonical_uuid(value: str) -> str | None:
    """The canonical form (lower case, hyphens) of a uuid written any usual way (upper
    case, braces, no hyphens, surrounding blanks); None when ``value`` is not a uuid."""
    found = _UUID_FORM.fullmatch(value.strip()) if len(value) <= 100 else None
    return "-".join(found.groups()).lower() if found else None


# ---------------------------------------------------------------- JSON
_JSON_STRING: Final = re.compile(rb'"[^"]*"')  # once escaped quotes are gone
_INNERMOST: Final = re.compile(rb"[\[{][\]}]")
_NOT_BRACKETS: Final = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth_exceeds(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text nests arrays and objects more than ``limit`` deep.

    Parsers recurse once per level (a file nested thousands deep raises RecursionError), so
    this runs before them, mostly at C speed: brackets in strings are dropped, then
    innermost pairs are removed ``limit`` times; only when something is left are the
    levels counted one by one.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    # Escapes first (pairs of backslashes, then escaped quotes): strings are then plain.
    unescaped = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = _JSON_STRING.sub(b"", unescaped).translate(None, _NOT_BRACKETS)
    left = brackets
    for _ in range(limit):
        if not left:
            return False
        left = _INNERMOST.sub(b"", left)
    if not left:
        return False
    # Deeper than the limit, or not well-formed: count, stopping as soon as it is too deep.
    depth = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        if depth > limit:
            return True
    return False


# ---------------------------------------------------------------- files
def size_text(limit: int) -> str:
    """A limit in bytes as people say it (2 GB, 20 MB)."""
    if limit >= 1024 * MB and limit % (1024 * MB) == 0:
        return f"{limit // (1024 * MB)} GB"
    return f"{limit // MB} MB" if limit >= MB else f"{limit:,} bytes"


def check_regular_file(path: Path, limit: int) -> int:
    """The size of ``path``, refused unless it is a regular file of at most ``limit`` bytes.

    A pipe, a device or a folder would be read forever (or block); nothing is opened here,
    so checking one cannot hang."""
    label = path.name or str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise FileUnreadableError(label, os_reason(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(label)
    if info.st_size > limit:
        raise FileTooLargeError(label, size_text(limit))
    return info.st_size


def open_regular_file(path: Path, limit: int) -> BinaryIO:
    """``path`` opened for reading, refused unless it is a regular file of at most
    ``limit`` bytes (checked before it is opened, and again on what was opened)."""
    label = path.name or str(path)
    check_regular_file(path, limit)
    try:
        # Non-blocking: should a pipe replace the file after the check, open does not wait.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        stream = os.fdopen(os.open(path, flags), "rb")
    except OSError as exc:
        raise FileUnreadableError(label, os_reason(exc)) from exc
    try:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(label)
        if info.st_size > limit:
            raise FileTooLargeError(label, size_text(limit))
    except BaseException:
        stream.close()
        raise
    return stream


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (checked before and while
    reading: a file that grows meanwhile is still cut off)."""
    label = path.name or str(path)
    with open_regular_file(path, limit) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise FileUnreadableError(label, os_reason(exc)) from exc
    if len(data) > limit:
        raise FileTooLargeError(label, size_text(limit))
    return data
