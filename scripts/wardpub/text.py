"""Text rules shared by every part of the build.

Owns Unicode normalisation (NFC everywhere), ASCII slugs for URLs and anchors
(đ→d, marks stripped) and the folding that lets "phuong" find "phường". The
search worker (overrides/assets/javascripts/workers/search.js) mirrors `fold`
and `tokens` in JavaScript; tests/test_text.py holds both to the same cases.
"""

from __future__ import annotations

import re
import unicodedata

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


def heading_slug(value: str, separator: str) -> str:
    """Anchor ids for Markdown headings (the `toc` extension's slugify hook)."""
    return slug(value, separator) or "muc"


def fold(text: str) -> str:
    """Lower-case text without diacritics, so "Phường Đông" and "phuong dong" meet.

    Works on NFC or NFD input alike: decompose, drop combining marks, map đ to d.
    """
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def tokens(text: str) -> list[str]:
    """Folded search tokens: runs of letters and digits; punctuation separates."""
    return _TOKEN.findall(fold(text))
