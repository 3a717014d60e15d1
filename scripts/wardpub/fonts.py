"""Self-hosted web fonts: Be Vietnam Pro, subset to WOFF2 at build time.

Owns the font files (and which of their symbols are drawn lighter than their
letters, `symbol_deficit`), which faces the site uses, the Unicode ranges kept (Latin plus every
Vietnamese letter and the punctuation the content uses), the subsetting (with
fontTools, cached by content digest) and the @font-face rules pointing at
fingerprinted files, so browsers may cache them for a year. The faces load
with `font-display: optional`: a face that has not arrived within the browser's
short block period is not swapped in later, so text never moves as a font
arrives (that swap was the layout shift of 0.24 Lighthouse measured on the
Vietnamese article); a first visit on a slow line reads in the phone's own
font, every later page in Be Vietnam Pro from the cache.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg
import fontTools
from fontTools.ttLib import TTFont

from .cache import ContentCache, cache_root, digest

FAMILY = "Be Vietnam Pro"

# (CSS weight, style, file name in fontpkg-be-vietnam-pro). Headings use 700
# (see ward.css), so Material's light 300 is not shipped: one font file less.
FACES = (
    (400, "normal", "BeVietnamPro-Regular.ttf"),
    (400, "italic", "BeVietnamPro-Italic.ttf"),
    (700, "normal", "BeVietnamPro-Bold.ttf"),
)

# Latin-1, the Vietnamese letters outside it, combining marks, general
# punctuation, currency (₫ €), arrows, the minus sign and typographic symbols.
UNICODE_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0102, 0x0103), (0x0110, 0x0111),
    (0x0128, 0x0129), (0x0131, 0x0131), (0x0152, 0x0153), (0x0168, 0x0169),
    (0x01A0, 0x01A1), (0x01AF, 0x01B0), (0x02C6, 0x02C6), (0x02DA, 0x02DC),
    (0x0300, 0x0301), (0x0303, 0x0304), (0x0306, 0x0306), (0x0308, 0x0309),
    (0x0323, 0x0323), (0x1EA0, 0x1EF9), (0x2000, 0x206F), (0x20AB, 0x20AC),
    (0x2116, 0x2116), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212),
    (0x2264, 0x2265), (0x25CF, 0x25CF), (0xFEFF, 0xFEFF),
)


@dataclass(frozen=True)
class WebFont:
    weight: int
    style: str
    path: str  # site-relative, fingerprinted
    source: Path  # the subset in the cache


# Symbols Be Vietnam Pro draws with a lighter stroke than its letters in every weight (in
# ExtraBold, "≥" has bars 18-23 units thick at 200 px where "l" has a 34 px stem): beside
# bold digits they look a weight too light. Images draw them with an outline stroke that
# brings them to the letters' weight (`symbol_deficit`).
LIGHT_SYMBOLS = frozenset("≥≤")


@cache
def symbol_deficit(name: str) -> float:
    """Half the difference between the face's letter stem and its "≥" stroke, as a share of the size (em)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_file(name)), 200)

    def runs(char: str, vertical: bool) -> list[int]:
        image = Image.new("L", (400, 400), 0)
        ImageDraw.Draw(image).text((50, 300), char, font=font, fill=255, anchor="ls")
        left, top, right, bottom = image.getbbox()
        x, y = (left + right) // 2, (top + bottom) // 2
        line = [image.getpixel((x, v)) > 127 for v in range(400)] if vertical else [image.getpixel((h, y)) > 127 for h in range(400)]
        found, run = [], 0
        for inked in line + [False]:
            if inked:
                run += 1
            elif run:
                found, run = found + [run], 0
        return found

    stem = max(runs("l", vertical=False))
    bars = sorted(runs("≥", vertical=True))
    return max(stem - bars[len(bars) // 2], 0) / 2 / 200


def font_dir() -> Path:
    # fontpkg.path() names the regular face; its siblings are the other weights.
    return Path(fontpkg.path(FAMILY)).parent


def font_file(name: str) -> Path:
    return font_dir() / name


@cache
def codepoints(name: str) -> frozenset[int]:
    """Every character a face of the family has a glyph for (for checks before rendering)."""
    with TTFont(font_file(name), lazy=True) as font:
        return frozenset(font.getBestCmap())


def unicodes() -> list[int]:
    return [code for low, high in UNICODE_RANGES for code in range(low, high + 1)]


def _subset(source: Path) -> bytes:
    from fontTools import subset  # here: every build imports this module, few subset a font

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep mark positioning, kerning, ligatures
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=True)
    return out.getvalue()


def web_fonts() -> tuple[WebFont, ...]:
    """Every face as a WOFF2 subset; subsetting runs only when a font or the ranges change."""
    return _web_fonts(cache_root())


@cache  # once per process and cache: MkDocs asks once per language, `mkdocs serve` at every change
def _web_fonts(root: Path) -> tuple[WebFont, ...]:
    store = ContentCache("fonts", root)
    faces = []
    for weight, style, name in FACES:
        source = font_file(name)
        key = digest(source, repr(UNICODE_RANGES), fontTools.version)
        cached, _ = store.get_or_make(key, lambda: _subset(source), ".woff2")
        slug = f"be-vietnam-pro-{weight}{'-italic' if style == 'italic' else ''}"
        faces.append(WebFont(weight, style, f"assets/fonts/{slug}.{key[:10]}.woff2", cached))
    return tuple(faces)


def font_face_css(fonts: tuple[WebFont, ...], stylesheet_dir: str = "assets/stylesheets") -> str:
    """@font-face rules; paths are relative to the stylesheet that holds them."""
    depth = stylesheet_dir.count("/") + 1
    prefix = "../" * depth
    rules = []
    for font in fonts:
        rules.append(
            "@font-face {"
            f" font-family: \"{FAMILY}\"; font-style: {font.style}; font-weight: {font.weight};"
            f" font-display: optional; src: url(\"{prefix}{font.path}\") format(\"woff2\"); }}"
        )
    return "\n".join(rules)
