"""wardpub.site.posts.calendar (and the calendar page of .pages): the plan's checks, the iCalendar feed."""

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from wardpub import DATA_DIR
from wardpub.site.posts.calendar import FILE_NAME, ical, load_plan
from wardpub.site.posts.pages import calendar_section, relative_day

SITE = "https://example.gov.vn/nq71/"
ITEMS = {"ngan-sach": ("infographic", "Ngân sách", None), "bai-moi": ("article", "Bài mới", dt.date(2026, 12, 1))}
STAMP = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.timezone.utc)


class FakePost:
    def __init__(self, ident):
        self.id, self.panel_url, self.zip_path = ident, f"infographics/#dang-bai-{ident}", f"post-kit/{ident}/{ident}-vi.zip"


class FakeKit:
    items = ITEMS

    def get(self, ident, language):
        return FakePost(ident) if ident in ITEMS else None


def plan_of(tmp_path: Path, text: str, items=ITEMS):
    (tmp_path / FILE_NAME).write_text(text, encoding="utf-8")
    return load_plan(tmp_path, items)


GOOD = """\
- date: 2026-11-30
  time: "08:00"
  item: ngan-sach
  channels: [facebook, zalo]
  note: Đăng buổi sáng.
- date: 2026-12-02
  item: bai-moi
  channels: [zalo-bai-viet]
- date: 2026-12-03
  time: 8:30
  item: ngan-sach
  channels: [facebook]
"""


def test_a_good_plan_loads_in_date_order(tmp_path):
    plan, problems = plan_of(tmp_path, GOOD)
    assert problems == []
    assert [(e.date.day, e.time, e.item) for e in plan.entries] == [
        (30, dt.time(8, 0), "ngan-sach"), (2, None, "bai-moi"), (3, dt.time(8, 30), "ngan-sach")]


@pytest.mark.parametrize("entry, expected", [
    ("- date: 2026-12-01\n  item: khong-co\n  channels: [facebook]\n", "mục 1 (2026-12-01, khong-co): item: không có bài viết hay infographic nào tên “khong-co”"),
    ("- date: 2026-02-30\n  item: ngan-sach\n  channels: [facebook]\n", "mục 1 (2026-02-30, ngan-sach): date: ngày “2026-02-30” không có thật"),
    ("- date: 30/11/2026\n  item: ngan-sach\n  channels: [facebook]\n", "date: “30/11/2026” không phải ngày dạng NĂM-THÁNG-NGÀY"),
    ("- date: 2026-12-01\n  item: ngan-sach\n  channels: [tiktok]\n", "channels: kênh “tiktok” không có trong danh sách. Sửa: chọn trong: facebook, zalo, zalo-bai-viet"),
    ("- date: 2026-12-01\n  time: \"25:00\"\n  item: ngan-sach\n  channels: [zalo]\n", "time: giờ “25:00” không hợp lệ"),
    ("- date: 2026-11-28\n  item: bai-moi\n  channels: [zalo]\n", "date: bài viết chỉ có trên trang từ 1/12/2026"),
    ("- date: 2026-12-01\n  item: ngan-sach\n  channels: []\n", "channels: có ít mục hơn mức cần"),
    ("- date: 2026-12-01\n  item: ngan-sach\n  channels: [zalo]\n  link: x\n", "link: trường không được hỗ trợ"),
])
def test_a_bad_entry_is_one_line_naming_file_entry_and_line(tmp_path, entry, expected):
    plan, problems = plan_of(tmp_path, "# Lịch\n\n" + entry)
    assert len(problems) == 1, problems
    line = str(problems[0])
    assert f"{FILE_NAME}:3: mục 1" in line, line
    assert expected in line
    assert plan.entries == []


def test_the_same_item_twice_on_a_day_is_a_duplicate(tmp_path):
    text = GOOD + "- date: 2026-11-30\n  item: ngan-sach\n  channels: [zalo]\n"
    plan, problems = plan_of(tmp_path, text)
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "mục 4 (2026-11-30, ngan-sach): trùng với mục 1: cùng ngày, cùng bài. Sửa: gộp các kênh vào một mục, hoặc xóa một mục"]
    assert str(problems[0]).split(": ")[0].endswith(f"{FILE_NAME}:13")
    assert len(plan.entries) == 3


def test_the_feed_parses_in_two_icalendar_readers_with_stable_uids(tmp_path):
    plan, _ = plan_of(tmp_path, GOOD)
    data = ical(plan, FakeKit(), SITE, "Lịch đăng bài", STAMP)
    assert data == ical(plan, FakeKit(), SITE, "Lịch đăng bài", STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == ["2026-11-30-ngan-sach@example.gov.vn", "2026-12-02-bai-moi@example.gov.vn",
                                               "2026-12-03-ngan-sach@example.gov.vn"]
    first, all_day = events[0], events[1]
    assert first.start == dt.datetime(2026, 11, 30, 8, 0, tzinfo=first.start.tzinfo)
    assert first.start.utcoffset() == dt.timedelta(hours=7) and first.end - first.start == dt.timedelta(minutes=30)
    assert all_day.start == dt.date(2026, 12, 2) and all_day.end == dt.date(2026, 12, 3)
    assert str(first["SUMMARY"]) == "Đăng: Ngân sách (Facebook, tin nhắn Zalo OA)"
    assert "Đăng buổi sáng." in str(first["DESCRIPTION"]) and str(first["URL"]) == SITE + "infographics/#dang-bai-ngan-sach"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    # A second, strict reader (RFC 5545) agrees.
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert [e.uid for e in strict.events] == [str(e["UID"]) for e in events]
    assert strict.events[0].dtstart.utcoffset() == dt.timedelta(hours=7)


def test_an_all_day_only_plan_needs_no_time_zone(tmp_path):
    plan, _ = plan_of(tmp_path, "- date: 2026-12-02\n  item: ngan-sach\n  channels: [facebook]\n")
    assert b"VTIMEZONE" not in ical(plan, FakeKit(), SITE, "Lịch", STAMP)


def test_the_projects_plan_is_clean_and_its_feed_is_built(site):
    data = (site / "lich-dang-bai.ics").read_bytes()
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert len(events) >= 10
    for event in events:
        assert str(event["URL"]).startswith(SITE)
        relative = str(event["URL"])[len(SITE):].split("#")
        page = site / relative[0] / "index.html"
        assert page.is_file() and f'id="{relative[1]}"' in page.read_text(encoding="utf-8"), relative
    assert IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events


@pytest.mark.parametrize("day, expected", [
    (dt.date(2026, 11, 28), "Hôm nay – Thứ Bảy 28/11/2026"),
    (dt.date(2026, 11, 29), "Ngày mai – Chủ Nhật 29/11/2026"),
    (dt.date(2026, 11, 27), "Hôm qua – Thứ Sáu 27/11/2026"),
    (dt.date(2026, 12, 2), "4 ngày nữa – Thứ Tư 2/12/2026"),
    (dt.date(2026, 11, 23), "5 ngày trước – Thứ Hai 23/11/2026"),
])
def test_days_are_worded_relative_to_the_build_day(day, expected):
    assert relative_day(day, dt.date(2026, 11, 28), "vi") == expected


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.open_details = [], 0
        self.folded = []

    def handle_starttag(self, tag, attrs):
        self.open_details += tag == "details"

    def handle_endtag(self, tag):
        self.open_details -= tag == "details"

    def handle_data(self, data):
        (self.folded if self.open_details else self.parts).append(data)


def test_the_page_shows_this_week_and_the_next_with_past_days_folded(tmp_path):
    text = GOOD + "- date: 2026-11-24\n  item: ngan-sach\n  channels: [zalo]\n- date: 2026-12-30\n  item: ngan-sach\n  channels: [zalo]\n"
    plan, problems = plan_of(tmp_path, text)
    assert problems == []
    html = calendar_section(plan, FakeKit(), SITE, "lich-dang-bai/", "vi", dt.date(2026, 12, 1))
    page = Text()
    page.feed(html)
    shown, folded = "".join(page.parts), "".join(page.folded)
    assert "Tuần này (30/11/2026 – 6/12/2026)" in shown and "Tuần sau (7/12/2026 – 13/12/2026)" in shown
    assert "Hôm qua – Thứ Hai 30/11/2026" in folded and "Hôm qua" not in shown
    assert "Ngày mai – Thứ Tư 2/12/2026" in shown and "2 ngày nữa – Thứ Năm 3/12/2026" in shown
    assert "Chưa có bài nào được lên lịch." in shown  # next week
    assert "29 ngày nữa – Thứ Tư 30/12/2026" in folded and "23/11" not in shown + folded  # last week's entry is gone
    assert 'href="../infographics/#dang-bai-ngan-sach"' in html and 'href="../post-kit/ngan-sach/ngan-sach-vi.zip"' in html
    assert 'href="webcal://example.gov.vn/nq71/lich-dang-bai.ics"' in html


def test_a_bad_entry_stops_the_build_and_keeps_no_site(make_site):
    from sites import minimal_pages
    from wardpub.site.publish import BuildFailed

    make_site({**minimal_pages(), "docs/_data/lich-dang-bai.yml": "- date: 2026-12-01\n  item: khong-co\n  channels: [facebook]\n"})
    with pytest.raises(BuildFailed) as error:
        make_site.build()
    assert str(error.value).splitlines() == [
        "docs/_data/lich-dang-bai.yml:1: mục 1 (2026-12-01, khong-co): item: không có bài viết hay infographic nào tên “khong-co” "
        "(hoặc bài còn là bản nháp). Sửa: ghi tên tệp bài viết (không có .vi.md) hoặc id của infographic"]
    assert not (make_site.root / "site").exists()
