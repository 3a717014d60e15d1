"""Text rules shared by every part of the build.

Owns Unicode normalisation (NFC everywhere), ASCII slugs for URLs and anchors
(đ→d, marks stripped) and the folding that lets "phuong" find "phường". The
search worker (overrides/assets/javascripts/workers/search.js) mirrors `fold`
and `tokens` in JavaScript; tests/test_text.py holds both to the same cases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from slugify import slugify as _slugify

_TOKEN = re.compile(r"[^\W_]+")


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the only form the site stores or publishes."""
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def slug(text: str, separator: str = "-") -> str:
    """ASCII slug for a URL or an anchor: "Đào tạo 2030" -> "dao-tao-2030"."""
    return _slugify(nfc(text), separator=separator)


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def heading_slug(value: str, separator: str) -> str:
    """Anchor ids for Markdown headings (the `toc` extension's slugify hook).

    Vietnamese and English fold to ASCII directly (fast: every heading of
    every page comes through here); other scripts go through python-slugify.
    """
    folded = fold(value)
    result = _NOT_ALNUM.sub(separator, folded).strip(separator) if folded.isascii() else slug(value, separator)
    return result or "muc"


@cache
def _fold_table() -> dict[int, int | None]:
    """str.translate table: đ to d, every nonspacing mark (category Mn) dropped."""
    table: dict[int, int | None] = {ord("đ"): ord("d")}
    # Planes 0-2 and the variation selectors of plane 14 hold every Mn character.
    for code in (*range(0x30000), *range(0xE0100, 0xE01F0)):
        if unicodedata.category(chr(code)) == "Mn":
            table[code] = None
    return table


def fold(text: str) -> str:
    """Lower-case text without diacritics, so "Phường Đông" and "phuong dong" meet.

    Works on NFC or NFD input alike: decompose, drop nonspacing marks (as the
    worker's /\\p{Mn}/u does), map đ to d. Runs over every page at build time,
    hence a translate table rather than a loop over characters.
    """
    stripped = unicodedata.normalize("NFD", text.lower()).translate(_fold_table())
    return unicodedata.normalize("NFC", stripped)


def word_count(text: str) -> int:
    """Words (Vietnamese syllables) in text, for reading times."""
    return len(_TOKEN.findall(text))


def tokens(text: str) -> list[str]:
    """Folded search tokens: runs of letters and digits; punctuation separates."""
    return _TOKEN.findall(fold(text))


_HASHTAG = re.compile(r"\w+")


def hashtag(tag: str) -> str:
    """A hashtag as stored: without its "#", one word. Raises ValueError with the
    editor's message ("problem | fix", as pydantic validators in this package do)."""
    word = tag[1:] if tag.startswith("#") else tag
    if not _HASHTAG.fullmatch(word):
        raise ValueError(f"hashtag “{tag}” có dấu cách hoặc ký tự đặc biệt | viết liền, ví dụ NghiQuyet71")
    return word


NBSP = "\u00a0"
# A "~" between two words in a spec ties them ("Tô~Lâm"): a no-break space that a line never breaks.
TIE = re.compile(r"(?<=[^\s/~])~(?=[^\s~])")


def ties_to_nbsp(text: str) -> str:
    """A spec's "~" ties as no-break spaces ("Tô~Lâm" -> "Tô Lâm" that never breaks)."""
    return TIE.sub(NBSP, text) if "~" in text else text


def misplaced_ties(text: str) -> bool:
    """A "~" left after `ties_to_nbsp`: at an end or beside a space, where it joins nothing (addresses aside)."""
    return any("/~" not in token for token in ties_to_nbsp(text).split() if "~" in token)
