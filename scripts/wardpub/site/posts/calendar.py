"""The campaign calendar: docs/_data/lich-dang-bai.yml, its checks and its iCalendar feed.

Owns what the ward plans to post when: one entry per item and day (date,
optional time HH:MM, item: an article's slug or an infographic's id,
channels from CHANNELS, optional note). A bad entry (unknown or draft item,
an article posted before it appears, an impossible date or time, an unknown
channel, the same item twice on one day) is one Problem naming the file, the
entry and its line; the build stops.

The feed (`lich-dang-bai.ics`, RFC 5545, written with the `icalendar`
library) is what staff phones subscribe to. Times are the ward's: a timed
entry is an event of 30 minutes with TZID=Asia/Ho_Chi_Minh and the zone's
VTIMEZONE (a phone abroad still shows the Vietnamese hour; floating times
would move with the phone), an entry without a time is an all-day event.
UIDs are `<date>-<item>@<site host>`: moving an entry's time updates the
event, moving its day replaces it. DTSTAMP is the build's source date
(SOURCE_DATE_EPOCH, the last commit), so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml
from icalendar import Calendar, Event
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ... import language as lang
from ...data.datafiles import load_yaml
from ...media.infographics.resolve import absolute_url
from ...problems import Problem, display_path, from_validation_error
from .kit import PostKit

FILE_NAME = "lich-dang-bai.yml"
FEED = "lich-dang-bai.ics"
CHANNELS = ("facebook", "zalo", "zalo-bai-viet")
TIMEZONE = "Asia/Ho_Chi_Minh"
DURATION = dt.timedelta(minutes=30)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    date: dt.date
    time: Optional[dt.time] = None
    item: str = Field(min_length=1)
    channels: list[str] = Field(min_length=1)
    note: Optional[str] = None

    @field_validator("date", mode="before")
    @classmethod
    def _real_date(cls, value):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"ngày “{value}” không có thật | kiểm tra ngày và tháng (NĂM-THÁNG-NGÀY)") from None
        if not isinstance(value, dt.date):
            raise ValueError(f"“{value}” không phải ngày dạng NĂM-THÁNG-NGÀY | viết ví dụ 2026-12-01")
        return value

    @field_validator("time", mode="before")
    @classmethod
    def _clock(cls, value):
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 8:30 as minutes (510): turn it back into a time.
            value = f"{value // 60}:{value % 60:02d}"
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip()) if value is not None else None
        if value is not None and (not match or int(match.group(1)) > 23 or int(match.group(2)) > 59):
            raise ValueError(f"giờ “{value}” không hợp lệ | viết giờ:phút, ví dụ \"08:30\"")
        return dt.time(int(match.group(1)), int(match.group(2))) if match else None

    @field_validator("channels")
    @classmethod
    def _known_channels(cls, value: list[str]) -> list[str]:
        for channel in value:
            if channel not in CHANNELS:
                raise ValueError(f"kênh “{channel}” không có trong danh sách | chọn trong: {', '.join(CHANNELS)}")
        if len(set(value)) != len(value):
            raise ValueError("một kênh được ghi hai lần | ghi mỗi kênh một lần")
        return value

    @property
    def uid_part(self) -> str:
        return f"{self.date.isoformat()}-{self.item}"


@dataclass
class Plan:
    """The checked calendar: entries in date order, with where each came from."""

    file: str
    entries: list[Entry] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)  # entry index -> line in the file


def _entry_lines(text: str) -> list[int]:
    """The line each list entry starts on (for messages)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return []
    return [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []


def load_plan(data_dir: Path, items: dict[str, tuple]) -> tuple[Plan, list[Problem]]:
    """Read and check the calendar. items: id -> (kind, title, date it appears or None), drafts excluded."""
    path = Path(data_dir) / FILE_NAME
    file = display_path(path)
    plan = Plan(file)
    if not path.is_file():
        return plan, []
    data, problems = load_yaml(path)
    if problems:
        return plan, problems
    if data is None:
        return plan, []
    if not isinstance(data, list):
        return plan, [Problem(file, "(tệp)", "tệp phải là một danh sách, mỗi mục bắt đầu bằng “- date:”", "xem mẫu ở đầu tệp")]
    lines = _entry_lines(path.read_text(encoding="utf-8"))
    seen: dict[tuple, int] = {}
    for n, raw in enumerate(data, start=1):
        line = lines[n - 1] if n - 1 < len(lines) else None
        label = f"mục {n}" + (f" ({raw.get('date')}, {raw.get('item')})" if isinstance(raw, dict) else "")
        if not isinstance(raw, dict):
            problems.append(Problem(file, label, "mỗi mục phải có date, item và channels", "xem mẫu ở đầu tệp", line))
            continue
        try:
            entry = Entry.model_validate(raw)
        except ValidationError as error:
            problems += [Problem(p.file, f"{label}: {p.field}", p.message, p.fix, line)
                         for p in from_validation_error(file, error)]
            continue
        known = items.get(entry.item)
        if known is None:
            problems.append(Problem(file, f"{label}: item", f"không có bài viết hay infographic nào tên “{entry.item}” (hoặc bài còn là bản nháp)",
                                    "ghi tên tệp bài viết (không có .vi.md) hoặc id của infographic", line))
            continue
        if known[2] is not None and entry.date < known[2]:
            problems.append(Problem(file, f"{label}: date", f"bài viết chỉ có trên trang từ {lang.date(known[2], 'vi')}",
                                    "chọn ngày đăng từ ngày của bài trở đi", line))
            continue
        if (entry.date, entry.item) in seen:
            problems.append(Problem(file, label, f"trùng với mục {seen[(entry.date, entry.item)]}: cùng ngày, cùng bài",
                                    "gộp các kênh vào một mục, hoặc xóa một mục", line))
            continue
        seen[(entry.date, entry.item)] = n
        plan.lines[len(plan.entries)] = line
        plan.entries.append(entry)
    plan.entries.sort(key=lambda e: (e.date, e.time or dt.time(0), e.item))
    return plan, problems


def source_stamp() -> dt.datetime:
    """DTSTAMP: the build's source date (the last commit), not the clock."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)


def ical(plan: Plan, kit: PostKit, site_url: str, calendar_name: str, stamp: Optional[dt.datetime] = None) -> bytes:
    """The plan as an iCalendar feed (Vietnamese texts: the ward posts in Vietnamese)."""
    zone = ZoneInfo(TIMEZONE)
    stamp = stamp or source_stamp()
    host = urlsplit(site_url).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//wardpub//lich-dang-bai//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name)
    calendar.add("x-wr-timezone", TIMEZONE)
    for entry in plan.entries:
        kind, title, _ = kit.items[entry.item]
        post = kit.get(entry.item, "vi")
        channels = ", ".join(lang.t(f"posts.channel.{c}", "vi") for c in entry.channels)
        event = Event()
        event.add("uid", f"{entry.uid_part}@{host}")
        event.add("dtstamp", stamp)
        if entry.time is None:
            event.add("dtstart", entry.date)
            event.add("dtend", entry.date + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(entry.date, entry.time, tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + DURATION)
        event.add("summary", lang.t("posts.calendar_summary", "vi", title=title, channels=channels))
        page = absolute_url(site_url, post.panel_url) if post else None
        details = [lang.t("posts.calendar_channels", "vi", channels=channels)]
        if entry.note:
            details.append(entry.note)
        if post is not None:
            details += [lang.t("posts.calendar_kit", "vi", url=page),
                        lang.t("posts.calendar_zip", "vi", url=absolute_url(site_url, post.zip_path))]
            event.add("url", page)
        event.add("description", "\n".join(details))
        event.add("categories", list(entry.channels))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    if any(entry.time is not None for entry in plan.entries):
        # The zone's rules over the plan's years only (Vietnam has kept UTC+07:00 since 1975):
        # one short VTIMEZONE instead of its whole history.
        first, last = plan.entries[0].date, plan.entries[-1].date
        calendar.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 2, 1, 1))
    return calendar.to_ical()


def site_files(project) -> list[tuple[str, Path]]:
    """The feed, for the plugin's on_files (published once, at the site's root)."""
    from ...cache import generated

    if project.calendar is None or project.posts is None:
        return []
    name = lang.t("posts.calendar_name", "vi", publication=project.ward.publication["vi"])
    return [(FEED, generated(FEED, ical(project.calendar, project.posts, project.site_url, name)))]
