"""Language-dependent output: interface strings, dates and numbers.

Owns the table in data/strings.yml and formatting through Babel, so a date
reads "16/9/2025" on Vietnamese pages (never "16 tháng 9, 2025") and
"16 September 2025" on English ones, everywhere: pages, listings, feeds and
images; numbers use the page language's separators.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from . import PACKAGE_DIR

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
# One way to write a day per language, in running text, lists and images alike; "day" adds the weekday.
_DATE_FORMATS = {"vi": {"short": "d/M/yyyy", "long": "d/M/yyyy", "text": "d/M/yyyy", "day": "EEEE d/M/yyyy"},
                 "en": {"short": "d MMMM yyyy", "long": "d MMMM yyyy", "text": "d MMMM yyyy", "day": "EEEE d MMMM yyyy"}}
_MONTH_FORMATS = {"vi": {"short": "M/yyyy", "long": "'tháng' M/yyyy"}, "en": {"short": "MMM yyyy", "long": "MMMM yyyy"}}


@cache
def _strings() -> dict[str, dict[str, str]]:
    with open(PACKAGE_DIR / "data" / "strings.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def t(key: str, language: str, count: int | None = None, **values: object) -> str:
    """Interface string for key in language (Vietnamese when a translation is missing).

    An entry may give a language its plural forms, `{one: ..., other: ...}` (CLDR
    categories, chosen by Babel for `count`): "Source:" for one source, "Sources:" for more.
    """
    entry = _strings()[key]
    text = entry.get(language) or entry[DEFAULT_LANGUAGE]
    if isinstance(text, dict):
        form = Locale.parse(language).plural_form(count if count is not None else 1)
        text = text.get(form) or text["other"]
    if count is not None:
        values["count"] = count  # also a value the string may show ("Trang {number}/{count}")
    return text.format(**values) if values else text


@cache  # listings format the same few dates thousands of times; Babel is slow at it
def date(value: dt.date, language: str, style: str = "short") -> str:
    """A day as the language writes it: "22/8/2025" (vi), "22 August 2025" (en), whatever the style
    (never "22 tháng 8, 2025"); style "day" puts the weekday first ("Thứ Sáu 22/8/2025")."""
    formats = _DATE_FORMATS.get(language, _DATE_FORMATS["en"])
    return format_date(value, formats.get(style, formats["short"]), locale=language)


def month(value: dt.date, language: str, style: str = "short") -> str:
    """A reporting month: "3/2026" or "tháng 3/2026" (vi), "Mar 2026" or "March 2026" (en)."""
    return format_date(value, _MONTH_FORMATS.get(language, _MONTH_FORMATS["en"])[style], locale=language)


def number(value: float, language: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=language)


def percent(value: float, language: str, digits: int = 0) -> str:
    """value is a fraction: 0.853 -> "85,3%" (vi) or "85.3%" (en)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value, format=pattern, locale=language)
