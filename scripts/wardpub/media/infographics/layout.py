"""Text fitting: Vietnamese text that always fits its box, or says by how much it does not.

Owns fonts at a size (Pillow's FreeType fonts with the raqm layout, cached
per process), the glyph check (every character must be in the cmap of the
font that draws it), line breaking and shrinking:

- text is NFC; lines break where wardpub.media.infographics.linebreak allows
  (never inside a word, a name, a number with its unit, a date, a document
  number or a web address; a no-break space never breaks), with no lone
  syllable on a last line, and evenly when the layer asks for `balance`;
- a piece wider than the box is never cut: the text shrinks until it fits,
  or is refused at its smallest size (a web address is never split);
- the size goes down from the largest allowed to the smallest; if the text
  still does not fit, `fit_text` raises `Overflow` saying by how many pixels.

Line breaks are chosen on advance widths (fast); every line is then measured
on its ink box (`FreeTypeFont.getbbox`), never assumed from the font's
ascent: capitals with stacked marks (Ỗ, Ệ) rise about 16% above it in Be
Vietnam Pro, so the block's top is the higher of the two, and a line whose
ink leaves the box fails the fit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from ...fonts import LIGHT_SYMBOLS, codepoints, font_file, symbol_deficit
from . import linebreak

ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
_SPACES = re.compile(r"[ \t]+")
_HARD_BREAK = "\n"


@lru_cache(maxsize=512)
def load_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """The font file `name` (Be Vietnam Pro family) at `size` px, with raqm shaping."""
    return ImageFont.truetype(str(font_file(name)), size, layout_engine=ImageFont.Layout.RAQM)


def missing_characters(text: str, font_name: str) -> list[str]:
    """Characters of text (other than line breaks) that the font has no glyph for, in order, once each."""
    drawable = codepoints(font_name)
    missing: list[str] = []
    for char in text:
        if char != _HARD_BREAK and ord(char) not in drawable and char not in missing:
            missing.append(char)
    return missing


@dataclass(frozen=True)
class Line:
    text: str
    x: int  # pen origin, relative to the box's left edge
    baseline: int  # relative to the box's top edge
    ink: tuple[int, int, int, int]  # left, top, right, bottom, relative to the box


@dataclass(frozen=True)
class TextFit:
    size: int
    lines: tuple[Line, ...]
    height: int  # of the block, from its highest ink or ascent to its lowest ink or descent


class Overflow(Exception):
    """Text that does not fit its box even at the smallest size allowed."""

    def __init__(self, excess: int, size: int, lines: int, axis: str = "height"):
        self.excess = excess
        self.size = size
        self.lines = lines
        self.axis = axis
        super().__init__(f"overflows by {excess} px ({axis}) at {size} px over {lines} lines")


def symbol_stroke(font_name: str, size: int) -> int:
    """Outline width (px) that gives LIGHT_SYMBOLS the weight of the font's letters at size."""
    return round(symbol_deficit(font_name) * size)


def normalise(text: str) -> str:
    """NFC, with runs of spaces collapsed and the ends trimmed (line breaks kept)."""
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_SPACES.sub(" ", part).strip() for part in text.split(_HARD_BREAK))


def advance(font: ImageFont.FreeTypeFont, text: str) -> float:
    """How far text moves the pen, shaped by raqm: fast, for choosing line breaks.

    The lines chosen are then measured on their ink (`place_lines`), and a
    line whose ink overhangs the box fails the fit like any other.
    """
    return font.getlength(text)


def _greedy(widths: list[float], space: float, width: float) -> list[int]:
    """Where lines start (indexes of pieces), filling each line as far as it goes."""
    starts, used = [0], -space
    for n, w in enumerate(widths):
        if used + space + w > width and n > starts[-1]:
            starts.append(n)
            used = w
        else:
            used += space + w
    return starts


def _line_width(widths: list[float], space: float, first: int, end: int) -> float:
    return sum(widths[first:end]) + space * (end - first - 1)


def _no_lone_syllable(starts: list[int], units: list[tuple[str, int]], widths: list[float], space: float,
                      width: float) -> list[int]:
    """A last line of one syllable takes the last piece of the line before, when both still fit."""
    if len(starts) < 2:
        return starts
    last, before = starts[-1], starts[-2]
    lone = last == len(units) - 1 and units[last][1] == 1 and " " not in units[last][0]
    if lone and last - before >= 2 and _line_width(widths, space, last - 1, len(units)) <= width:
        return starts[:-1] + [last - 1]
    return starts


def break_lines(text: str, advance_of, width: float, language: str = "vi", balance: bool = False) -> list[str]:
    """Line breaks by the rules of wardpub.media.infographics.linebreak, for any measure of width
    (`advance_of(text)`: Pillow's for images, matplotlib's for charts); every character of
    text ends up on one line.

    Greedy, then with no lone syllable on the last line; `balance` evens the lines out (the
    narrowest measure that keeps the same number of lines). A piece wider than the line
    stays whole on its own line, and the fit fails on its width.
    """
    lines: list[str] = []
    space = advance_of(" ")
    for paragraph in text.split(_HARD_BREAK):
        units = linebreak.pieces(paragraph, lambda piece: advance_of(piece) <= width, language)
        if not units:
            continue
        widths = [advance_of(unit) for unit, _ in units]
        starts = _greedy(widths, space, width)
        if balance and len(starts) > 1:
            lo, hi = max(max(widths), width / len(starts)), float(width)
            while hi - lo > width / 1000:  # to about a pixel
                mid = (lo + hi) / 2
                if len(_greedy(widths, space, mid)) == len(starts):
                    hi = mid
                else:
                    lo = mid
            starts = _greedy(widths, space, hi)
        starts = _no_lone_syllable(starts, units, widths, space, width)
        ends = starts[1:] + [len(units)]
        lines += [" ".join(unit for unit, _ in units[a:b]) for a, b in zip(starts, ends)]
    return lines


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, language: str = "vi", balance: bool = False) -> list[str]:
    """`break_lines` measured by a Pillow font (raqm's advances)."""
    return break_lines(text, lambda piece: advance(font, piece), width, language, balance)


@lru_cache(maxsize=65536)
def _char_extent(path: str, size: int, char: str) -> tuple[int, int]:
    font = load_font(Path(path).name, size)
    _, top, _, bottom = font.getbbox(char, anchor="ls")
    return top, bottom


def glyph_extent(path: str, size: int, text: str) -> tuple[int, int]:
    """Highest and lowest ink of a line, from its characters' own (cached) extents.

    Exact for NFC text drawn glyph by glyph (a precomposed Vietnamese letter is
    one glyph); used only to choose a size, which is then measured on the line itself.
    """
    extents = [_char_extent(path, size, c) for c in set(text) if not c.isspace()] or [(0, 0)]
    return min(t for t, _ in extents), max(b for _, b in extents)


def place_lines(texts: list[str], font: ImageFont.FreeTypeFont, width: int, line_height: float,
                align: str, trim: bool = False, exact: bool = True) -> tuple[list[Line], int]:
    """Lines positioned in a block whose top is y=0; returns (lines, block height).

    The block spans the first line's ascent to the last line's descent, or further where ink
    goes beyond (stacked marks); with trim, it spans the ink only (a lone glyph, a big number).
    Measuring ink is the slow part: while searching for a size (exact=False) only the first and
    last lines are measured, the others taken at their advance and the font's ascent and descent.
    They cannot reach beyond the block (line height is at least 0.8 em), and the size finally
    chosen is measured exactly.
    """
    ascent, descent = font.getmetrics()
    pitch = round(font.size * line_height)
    thicken = symbol_stroke(Path(font.path).name, font.size)
    placed = []
    top, bottom = 0, ascent + max(len(texts) - 1, 0) * pitch + descent
    if trim:
        top, bottom = 10**9, -10**9
    last = len(texts) - 1
    for n, text in enumerate(texts):
        baseline = ascent + n * pitch
        if exact or trim:
            left, ink_top, right, ink_bottom = font.getbbox(text, anchor="ls")
        else:
            left, right = 0, math.ceil(advance(font, text))
            ink_top, ink_bottom = glyph_extent(font.path, font.size, text) if n in (0, last) else (-ascent, descent)
        if thicken and LIGHT_SYMBOLS.intersection(text):  # the outline drawn round them
            left, ink_top, right, ink_bottom = left - thicken, ink_top - thicken, right + thicken, ink_bottom + thicken
        if align == "center":
            x = (width - (right - left)) // 2 - left
        elif align == "right":
            x = width - right
        else:
            x = -min(left, 0)
        placed.append(Line(text, x, baseline, (x + left, baseline + ink_top, x + right, baseline + ink_bottom)))
        top = min(top, baseline + ink_top)
        bottom = max(bottom, baseline + ink_bottom)
    shifted = [Line(l.text, l.x, l.baseline - top, (l.ink[0], l.ink[1] - top, l.ink[2], l.ink[3] - top)) for l in placed]
    return shifted, bottom - top


def measure(text: str, font_name: str, size: int, width: int, line_height: float = 1.2,
            align: str = "left", trim: bool = False, exact: bool = True, language: str = "vi",
            balance: bool = False) -> tuple[list[Line], int]:
    """Wrap and place text at one size: (lines, block height); a line may still be wider than width.

    Lines are balanced only when measured exactly: balancing keeps the number of lines,
    so the height a size search compares is the same either way.
    """
    font = load_font(font_name, size)
    return place_lines(wrap(text, font, width, language, balance and exact), font, width, line_height, align, trim, exact)


def _fits(lines: list[Line], height: int, width: int, box_height: int, max_lines: int | None) -> bool:
    if max_lines is not None and len(lines) > max_lines:
        return False
    return height <= box_height and all(l.ink[0] >= 0 and l.ink[2] <= width for l in lines)


@lru_cache(maxsize=4096)
def fit_text(text: str, font_name: str, width: int, height: int, size: int, min_size: int,
             line_height: float = 1.2, align: str = "left", valign: str = "top",
             max_lines: int | None = None, trim: bool = False, language: str = "vi",
             balance: bool = False) -> TextFit:
    """The largest size in [min_size, size] at which text fits the box, with its lines placed.

    Raises Overflow (with the excess in pixels at min_size) when even the smallest size does not fit.
    """
    def attempt(s: int, exact: bool = False):
        lines, block = measure(text, font_name, s, width, line_height, align, trim, exact, language, balance)
        return lines, block, _fits(lines, block, width, height, max_lines)

    best = size
    if not attempt(size)[2]:
        best, lo, hi = min_size, min_size + 1, size - 1
        while lo <= hi:  # largest fitting size; the fit is monotonic in practice
            mid = (lo + hi) // 2
            if attempt(mid)[2]:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
    for s in range(best, min_size - 1, -1):  # confirm on every line's ink
        lines, block, ok = attempt(s, exact=True)
        if ok:
            break
    else:
        raise _overflow(lines, block, width, height, min_size, max_lines, line_height)
    offset = {"top": 0, "middle": (height - block) // 2, "bottom": height - block}[valign]
    lines = [Line(l.text, l.x, l.baseline + offset, (l.ink[0], l.ink[1] + offset, l.ink[2], l.ink[3] + offset)) for l in lines]
    return TextFit(s, tuple(lines), block)


def _overflow(lines: list[Line], block: int, width: int, height: int, size: int, max_lines: int | None,
              line_height: float) -> Overflow:
    too_wide = max((l.ink[2] - l.ink[0]) - width for l in lines) if lines else 0
    if too_wide > 0 and block <= height:
        return Overflow(too_wide, size, len(lines), "width")
    excess = block - height
    if max_lines is not None and len(lines) > max_lines:
        pitch = round(size * line_height)
        excess = max(excess, (len(lines) - max_lines) * pitch)
    return Overflow(max(excess, 1), size, len(lines))
