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


def test_numbers_count_up_written_each_languages_way():
    from wardpub.language import scaled_numbers

    assert scaled_numbers("580.133 tỷ đồng", 0.5, "vi") == "290.066 tỷ đồng"
    assert scaled_numbers("VND 580,133 billion", 0.5, "en") == "VND 290,066 billion"
    assert scaled_numbers("≥ 20%", 0.25, "vi") == "≥ 5%"
    assert scaled_numbers("0,8 triệu", 0.5, "vi") == "0,4 triệu" and scaled_numbers("0.8 million", 0.5, "en") == "0.4 million"
    assert scaled_numbers("2030", 0.5, "vi") == "1015"  # written without a group separator, counted without one
    assert scaled_numbers("76 và 8", 0, "en") == "0 và 0" and scaled_numbers("≥ 20%", 1, "vi") == "≥ 20%"
