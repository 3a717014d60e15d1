"""Language-dependent output: interface strings, dates and numbers.

Owns the table in data/strings.yml and formatting through Babel, so a date
reads "16/9/2025" on Vietnamese pages (never "16 tháng 9, 2025") and
"16 September 2025" on English ones, everywhere: pages, listings, feeds and
images; numbers use the page language's separators.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

from . import RESOURCES_DIR

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
# One way to write a day per language, in running text, lists and images alike; "day" adds the weekday.
_DATE_FORMATS = {"vi": {"short": "d/M/yyyy", "long": "d/M/yyyy", "text": "d/M/yyyy", "day": "EEEE d/M/yyyy"},
                 "en": {"short": "d MMMM yyyy", "long": "d MMMM yyyy", "text": "d MMMM yyyy", "day": "EEEE d MMMM yyyy"}}
_MONTH_FORMATS = {"vi": {"short": "M/yyyy", "long": "'tháng' M/yyyy"}, "en": {"short": "MMM yyyy", "long": "MMMM yyyy"}}


@cache
def _strings() -> dict[str, dict[str, str]]:
    with open(RESOURCES_DIR / "strings.yml", encoding="utf-8") as handle:
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


@cache
def _number_pattern(language: str) -> tuple[re.Pattern, str, str]:
    group, decimal = get_group_symbol(locale=language), get_decimal_symbol(locale=language)
    g, d = re.escape(group), re.escape(decimal)
    return re.compile(rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?"), group, decimal


def scaled_numbers(text: str, share: float, language: str) -> str:
    """Every number in text, written in the language's style ("580.133", "0,8" in Vietnamese), at share
    of its value and written the same way (grouped or not, as many decimals): a figure counting up."""
    if share >= 1:
        return text
    pattern, group, decimal = _number_pattern(language)

    def scaled(match: re.Match) -> str:
        written = match.group(0)
        whole, _, decimals = written.partition(decimal)
        value = float(whole.replace(group, "") + "." + (decimals or "0")) * max(share, 0.0)
        style = ("#,##0" if group in whole else "0") + ("." + "0" * len(decimals) if decimals else "")
        return format_decimal(value, format=style, locale=language)

    return pattern.sub(scaled, text)


def prefix(language: str) -> str:
    """The folder of a language's pages in the site: "" for Vietnamese, "en/" for English."""
    return "en/" if language == "en" else ""
