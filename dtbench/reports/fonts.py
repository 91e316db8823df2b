"""Find a font that draws Chinese for matplotlib, without Qt and without global rcParams.

Charts pass :func:`font_properties` to every text artist. Its family list puts the CJK family
first and DejaVu Sans second: matplotlib (3.6 and later) falls back per glyph along that list,
so nothing is drawn as an empty box. :func:`find_cjk_font` returns None when the machine has no
Chinese font at all; the UI uses that to tell the user (see :data:`NO_CJK_FONT_HELP`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.font_manager import FontEntry, FontProperties
from matplotlib.ft2font import FT2Font

from dtbench.paths import resource_path

log = logging.getLogger(__name__)

CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "SimSun",
    "Sarasa Gothic SC",
    "Droid Sans Fallback",
)

LATIN_FAMILY = "DejaVu Sans"

NO_CJK_FONT_HELP = (
    "No font that can draw Chinese was found, so Chinese text in charts would show as empty "
    "boxes. Install a Chinese font and restart dtbench: on Debian/Ubuntu run "
    "'sudo apt install fonts-noto-cjk' (or the smaller fonts-wqy-microhei); Windows (Microsoft "
    "YaHei) and macOS (PingFang SC) already ship one."
)

# Characters a usable font must cover; common in DB2102/T diagnosis texts.
PROBE_TEXT = "中数转型化"

_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
# Lower-case hints in a family or file name that suggest a Chinese font.
_CJK_HINTS = (
    "cjk",
    "hei",
    "song",
    "ming",
    "han",
    "kai",
    "fang",
    "noto sans sc",
    "notosanssc",
    "wqy",
    "msyh",
    "simsun",
    "simhei",
    "pingfang",
    "yahei",
    "sarasa",
    "droidsansfallback",
    "droid sans fallback",
)


@dataclass(frozen=True)
class CjkFont:
    """A font family that draws Chinese, and one file that holds it."""

    family: str
    path: Path


def bundled_font_files() -> list[Path]:
    """Font files shipped in resources/fonts (absent in a plain checkout)."""
    try:
        folder = resource_path("fonts")
    except FileNotFoundError:
        return []
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in _FONT_SUFFIXES)


def _registered_fonts() -> list[FontEntry]:
    """The fonts matplotlib knows about (its cached scan plus anything added)."""
    return list(font_manager.fontManager.ttflist)


def _unregistered_system_fonts() -> list[Path]:
    """CJK-looking system font files missing from matplotlib's (possibly stale) font cache."""
    known = {Path(entry.fname) for entry in _registered_fonts()}
    found: list[Path] = []
    try:
        files = font_manager.findSystemFonts(fontext="ttf")
    except Exception:  # pragma: no cover - depends on the platform's font tools
        log.debug("system font scan failed", exc_info=True)
        return []
    for name in sorted(files):
        path = Path(name)
        if path not in known and path.suffix.lower() in _FONT_SUFFIXES and _looks_cjk(path.name):
            found.append(path)
    return found


def _looks_cjk(name: str) -> bool:
    lowered = name.lower()
    return any(hint in lowered for hint in _CJK_HINTS)


def covers(path: Path, text: str = PROBE_TEXT, face_index: int = 0) -> bool:
    """Whether the font file (face ``face_index``) has a glyph for every character of text."""
    try:
        charmap = FT2Font(str(path), face_index=face_index).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(char) in charmap for char in text)


def _register(paths: list[Path]) -> None:
    known = {Path(entry.fname) for entry in _registered_fonts()}
    for path in paths:
        if path in known:
            continue
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            log.warning("cannot load font file %s", path, exc_info=True)


def _pick(entries: list[FontEntry]) -> CjkFont | None:
    # 1. a preferred family, in order of preference
    by_name: dict[str, list[FontEntry]] = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry)
    for family in CJK_FAMILIES:
        for entry in by_name.get(family, []):
            if covers(Path(entry.fname), face_index=entry.index):
                return CjkFont(family, Path(entry.fname))
    # 2. any font whose name suggests Chinese and whose charmap proves it
    for entry in entries:
        if (_looks_cjk(entry.name) or _looks_cjk(Path(entry.fname).name)) and covers(
            Path(entry.fname), face_index=entry.index
        ):
            return CjkFont(entry.name, Path(entry.fname))
    return None


@cache
def find_cjk_font() -> CjkFont | None:
    """The font used for Chinese in charts, or None when the machine has none.

    Fonts shipped in resources/fonts are registered with matplotlib first and win when they
    draw Chinese. The result is cached; ``find_cjk_font.cache_clear()`` forgets it.
    """
    bundled = bundled_font_files()
    if bundled:
        _register(bundled)
        bundled_set = set(bundled)
        chosen = _pick([e for e in _registered_fonts() if Path(e.fname) in bundled_set])
        if chosen is not None:
            return chosen
    chosen = _pick(_registered_fonts())
    if chosen is not None:
        return chosen
    # matplotlib's font cache predates a font installed later: look at the system directly.
    extra = _unregistered_system_fonts()
    if extra:
        _register(extra)
        extra_set = set(extra)
        chosen = _pick([e for e in _registered_fonts() if Path(e.fname) in extra_set])
        if chosen is not None:
            return chosen
    log.warning(NO_CJK_FONT_HELP)
    return None


def has_bold_face() -> bool:
    """Whether the CJK family has a bold face (WenQuanYi Micro Hei has none).

    Asking matplotlib for a weight the family lacks logs a findfont warning on every text.
    """
    font = find_cjk_font()
    if font is None:
        return True  # DejaVu Sans has a bold face
    return any(
        entry.name == font.family and _weight(entry.weight) >= 600 for entry in _registered_fonts()
    )


def _weight(value: int | str) -> int:
    if isinstance(value, int):
        return value
    return int(font_manager.weight_dict.get(value, 400))


def font_families() -> list[str]:
    """Family list for text artists: the CJK family first, DejaVu Sans as fallback."""
    font = find_cjk_font()
    if font is None:
        return [LATIN_FAMILY]
    return [font.family, LATIN_FAMILY]


def font_properties(size: float | None = None) -> FontProperties:
    """A fresh FontProperties that draws Chinese (when a CJK font exists) and Latin text."""
    return FontProperties(family=font_families(), size=size)
