"""Dated statements: deadlines, start dates and events worded for the day of the build.

A page that says "report by 15/4/2026" is untrue once the day has passed. So
editors write the date as data, in a token, and every build words it as still
ahead or already past in the page's language, from the ward's today (UTC+07:00;
WARDPUB_TODAY=YYYY-MM-DD pins it for tests and previews). The deploy workflow
rebuilds daily, so the published words follow the calendar.

    {{ deadline 2026-04-15 }}   hạn 15/4/2026          | đã hết hạn ngày 15/4/2026
    {{ from 2026-01-01 }}       sẽ áp dụng từ 1/1/2026 | áp dụng từ 1/1/2026
    {{ effective 2026-01-01 }}  sẽ có hiệu lực từ …    | có hiệu lực từ …
    {{ event 2026-03-19 }}      sẽ diễn ra ngày …      | đã diễn ra ngày …

A kind written with a capital (`{{ Deadline … }}`) starts a sentence. The words
of each kind are interface strings (`dated.<kind>.ahead|today|past` in
data/strings.yml). Owns the ward's today, the token's grammar, its checks (an
unknown kind, a day that does not exist: one line naming file and line) and
its rendering, as HTML in pages and as plain text in descriptions and feeds.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .. import language as lang

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
KINDS = ("deadline", "from", "effective", "event")
# Any {{ … }} that is not a ward token (`{{ ward.name }}`, wardpub.data.pages).
TOKEN = re.compile(r"\{\{(?!\s*ward\.)\s*([^{}\n]*?)\s*\}\}")
_FORM = re.compile(r"^(\S+)\s+(\S+)$")


def today() -> dt.date:
    """The ward's date (UTC+07:00); WARDPUB_TODAY=YYYY-MM-DD pins it for tests and previews."""
    pinned = os.environ.get("WARDPUB_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.datetime.now(TIMEZONE).date()


@dataclass(frozen=True)
class Statement:
    kind: str
    day: dt.date
    capital: bool = False  # starts a sentence

    def state(self, on: dt.date) -> str:
        """"ahead", "today" or "past" as of the day `on` (a deadline's own day is still open)."""
        return "ahead" if self.day > on else "today" if self.day == on else "past"

    def words(self, language: str, on: dt.date, day_text: str | None = None) -> str:
        text = lang.t(f"dated.{self.kind}.{self.state(on)}", language, date=day_text or lang.date(self.day, language))
        return text[0].upper() + text[1:] if self.capital else text


def parse(inner: str) -> tuple[Statement | None, str | None]:
    """A token's inside ("deadline 2026-04-15") as a Statement, or (None, the problem in Vietnamese | its fix)."""
    match = _FORM.match(inner.strip())
    if not match:
        return None, (f"“{{{{ {inner} }}}}” không phải mốc thời gian | viết dạng {{{{ deadline 2026-04-15 }}}}"
                      f" (loại: {', '.join(KINDS)})")
    kind, written = match.groups()
    if kind.lower() not in KINDS:
        return None, f"không có loại mốc thời gian “{kind}” | dùng một trong: {', '.join(KINDS)}"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        return None, f"“{written}” không phải ngày dạng NĂM-THÁNG-NGÀY | viết ví dụ 2026-04-15"
    try:
        day = dt.date.fromisoformat(written)
    except ValueError:
        return None, f"ngày “{written}” không có thật | kiểm tra lại ngày và tháng"
    return Statement(kind.lower(), day, kind[0].isupper()), None


def token_problems(text: str) -> list[tuple[int, str, str, str]]:
    """(offset, token as written, message, fix) for every token of `text` that is not a valid dated statement."""
    found = []
    for match in TOKEN.finditer(text):
        statement, problem = parse(match.group(1))
        if statement is None:
            message, _, fix = problem.partition(" | ")
            found.append((match.start(), match.group(0), message, fix))
    return found


def html_words(text: str, language: str, on: dt.date) -> str:
    """Every dated statement in a piece of Markdown, worded for the day `on`, as inline HTML."""
    def word(match: re.Match) -> str:
        statement, _ = parse(match.group(1))
        if statement is None:  # validation stopped the build before; leave it visible
            return match.group(0)
        day = f'<time datetime="{statement.day.isoformat()}">{html.escape(lang.date(statement.day, language))}</time>'
        state = statement.state(on)
        return f'<span class="ward-dated ward-dated--{state}">{statement.words(language, on, day)}</span>'

    return TOKEN.sub(word, text)


def plain_words(text: str, language: str, on: dt.date) -> str:
    """The same as plain text: for titles, descriptions, cards and feeds."""
    def word(match: re.Match) -> str:
        statement, _ = parse(match.group(1))
        return match.group(0) if statement is None else statement.words(language, on)

    return TOKEN.sub(word, text)
