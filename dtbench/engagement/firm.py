"""The consulting firm's identity: its name, address and logo, set once on this computer
and shown on every proposal's cover and document control.

Kept in the data folder (``firm.json`` and ``firm-logo.png``/``.jpg``) so that the command
line and the application read the same. Written atomically; a damaged or foreign file reads
as no identity (the documents then name no firm) rather than stopping an export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import msgspec

from dtbench.atomic_files import write_atomically
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.input_rules import MB, InputError, checked_text, clean_text, read_regular_file
from dtbench.paths import data_dir

FILE_NAME: Final = "firm.json"
LOGO_STEM: Final = "firm-logo"
MAX_LOGO_BYTES: Final = 5 * MB
MAX_FIELD_CHARS: Final = 500
# What Word shows everywhere (PNG and JPEG), recognised by their first bytes.
_LOGO_KINDS: Final = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


class LogoError(UserError):
    context = "FirmError"
    template = QT_TRANSLATE_NOOP(
        "FirmError", "%1 is not a PNG or JPEG picture; the logo was not changed."
    )


class Firm(msgspec.Struct, kw_only=True, frozen=True):
    """The firm as the documents name it, in Chinese and in English."""

    name_zh: str = ""
    name_en: str = ""
    address_zh: str = ""
    address_en: str = ""
    logo: str = ""  # file name in the data folder, "" when there is none

    def name(self, lang: str) -> str:
        """The name in ``lang``, else in the other language."""
        first, other = (
            (self.name_zh, self.name_en) if lang == "zh" else (self.name_en, self.name_zh)
        )
        return (first or other).strip()

    def address(self, lang: str) -> str:
        first, other = (
            (self.address_zh, self.address_en)
            if lang == "zh"
            else (self.address_en, self.address_zh)
        )
        return (first or other).strip()

    def logo_path(self, folder: Path | None = None) -> Path | None:
        """The logo file when there is one and it is still there."""
        if not self.logo:
            return None
        path = (folder or data_dir()) / Path(self.logo).name
        return path if path.is_file() else None


def _file(folder: Path | None) -> Path:
    return (folder or data_dir()) / FILE_NAME


def load_firm(folder: Path | None = None) -> Firm:
    """The firm set on this computer; an empty one when none is set or the file is damaged."""
    try:
        raw = read_regular_file(_file(folder), 64 * 1024)
        return msgspec.json.decode(raw, type=Firm)
    except (InputError, msgspec.DecodeError, msgspec.ValidationError):
        return Firm()


def save_firm(firm: Firm, folder: Path | None = None) -> Firm:
    """Keep ``firm`` (texts cleaned and limited); returns what was kept."""
    kept = Firm(
        name_zh=checked_text(clean_text(firm.name_zh).strip(), MAX_FIELD_CHARS),
        name_en=checked_text(clean_text(firm.name_en).strip(), MAX_FIELD_CHARS),
        address_zh=checked_text(clean_text(firm.address_zh).strip(), MAX_FIELD_CHARS),
        address_en=checked_text(clean_text(firm.address_en).strip(), MAX_FIELD_CHARS),
        logo=Path(firm.logo).name if firm.logo else "",
    )
    data = json.dumps(msgspec.to_builtins(kept), ensure_ascii=False, indent=1)
    target = _file(folder)
    target.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        tmp.write_text(data, encoding="utf-8")

    write_atomically(target, write)
    return kept


def import_logo(source: Path, folder: Path | None = None) -> str:
    """Copy a PNG or JPEG picture into the data folder as the firm's logo; returns the
    file name to keep in :class:`Firm`. Anything else is refused before it is copied."""
    data = read_regular_file(source, MAX_LOGO_BYTES)
    suffix = next((s for magic, s in _LOGO_KINDS.items() if data.startswith(magic)), None)
    if suffix is None:
        raise LogoError(source.name)
    target = (folder or data_dir()) / f"{LOGO_STEM}{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomically(target, write)
    for other in _LOGO_KINDS.values():
        stale = target.with_suffix(other)
        if other != suffix and stale.exists():
            stale.unlink()
    return target.name
