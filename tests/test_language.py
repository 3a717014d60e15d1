"""wardpub.language: dates, numbers and interface strings follow the page's language."""

import datetime as dt

from wardpub.language import date, number, percent, t


def test_dates():
    day = dt.date(2025, 9, 16)
    assert date(day, "vi") == "16/9/2025"
    # Never "16 tháng 9, 2025": Vietnamese pages write days one way, whatever the caller asked for.
    assert date(day, "vi", "long") == "16/9/2025"
    assert date(dt.date(2026, 1, 1), "vi") == "1/1/2026"
    assert date(day, "en") == date(day, "en", "long") == "16 September 2025"


def test_numbers_use_each_languages_separators():
    assert number(580133, "vi") == "580.133"
    assert number(580133, "en") == "580,133"
    assert number(1.2, "vi", 1) == "1,2"
    assert percent(0.853, "vi", 1) == "85,3%"


def test_strings_fall_back_to_vietnamese_and_fill_values():
    assert t("sources.heading", "en") == "Sources"
    assert t("sources.heading", "fr") == "Nguồn"
    assert t("page.updated", "vi", date="1/1/2026") == "Cập nhật: 1/1/2026"
