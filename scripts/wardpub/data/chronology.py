"""Update notes and chronology: an article says what was known on its date.

An article is dated at its event and cites only sources published on or
before that date. What became known later goes into an update note inside
the article, an admonition of type `update` whose title is the ISO date of
the new information:

    !!! update "2025-11-18"
        Ngày 18/11/2025, Bộ Giáo dục và Đào tạo đề xuất lộ trình ... [src:63]

The build shows it headed "Cập nhật ngày 18/11/2025" or "Update, 18 November
2025" in the page's language (`localize_update_notes`). Owns finding the
notes (`update_notes`; examples inside code are not notes) and the checks,
each one `Problem` line naming file, line, source and fix: a note whose date
is not a real day, a note dated before its article, a source published after
the article's date cited outside every note (or listed in front matter
`sources:`), and a source published after a note's date cited inside it.
When a source's day is unknown, its earliest possible day counts
(`Source.earliest`, wardpub.data.registries); a source with no known date at all
cannot be judged and passes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import language as lang
from .pages import CITATION, SourceFile, citation_ids, line_of, outside_code, without_code
from ..problems import Problem
from .registries import Registries, Source

NOTE_TYPE = "update"
# An admonition header (Python-Markdown's `!!!`, pymdownx.details' `???` and `???+`): classes, then an optional quoted title.
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)'
                        r'(?:[ \t]+"(?P<title>[^"\n]*)")?[ \t]*$', re.M)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class UpdateNote:
    title: str  # as written: an ISO date when correct
    day: Optional[dt.date]  # None when the title is not a real day
    start: int  # offset of the header line in the body
    end: int  # offset just after the note's last line

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _day(title: str) -> Optional[dt.date]:
    if not ISO_DAY.match(title):
        return None
    try:
        return dt.date.fromisoformat(title)
    except ValueError:  # 2025-02-30
        return None


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def admonitions(body: str, kind: str) -> list[tuple[re.Match, int, int]]:
    """(header match, start, end) of each admonition of class `kind` in a Markdown body, outside code:
    its header line, then the following lines indented deeper, blank lines between them."""
    text = without_code(body)
    found = []
    for match in ADMONITION.finditer(text):
        if kind not in match.group("classes").split():
            continue
        own = _indent(match.group("indent"))
        end = match.end()
        position = end + 1 if end < len(text) else end
        while position < len(text):
            newline = text.find("\n", position)
            stop = len(text) if newline < 0 else newline + 1
            line = text[position:stop]
            if line.strip() and _indent(line) <= own:
                break
            if line.strip():
                end = stop
            position = stop
        found.append((match, match.start(), end))
    return found


def update_notes(body: str) -> list[UpdateNote]:
    """The update notes of a Markdown body, outside code, in order."""
    notes = []
    for match, start, end in admonitions(body, NOTE_TYPE):
        title = match.group("title") or ""
        notes.append(UpdateNote(title, _day(title), start, end))
    return notes


def _heading(day: dt.date, language: str) -> str:
    return lang.t("update.title", language, date=lang.date(day, language, "text"))


def localize_update_notes(markdown: str, language: str) -> str:
    """Markdown with each update note's ISO date replaced by its heading in the page's language."""
    def change(chunk: str) -> str:
        def title(match: re.Match) -> str:
            day = _day(match.group("title") or "")
            if NOTE_TYPE not in match.group("classes").split() or day is None:
                return match.group(0)
            head = match.group(0)[: match.start("title") - match.start()]
            return f'{head}{_heading(day, language)}"'
        return ADMONITION.sub(title, chunk)
    return outside_code(markdown, change)


# ── checks ──────────────────────────────────────────────────────────────────

def _when(source: Source) -> str:
    if source.date is not None:
        return f"ngày {lang.date(source.date, 'vi')}"
    return f"không sớm hơn {lang.date(source.not_before, 'vi')}"


def note_problems(source: SourceFile, notes: Optional[list[UpdateNote]] = None) -> list[Problem]:
    """Update notes whose title is not a real day (any page)."""
    problems = []
    for note in update_notes(source.body) if notes is None else notes:
        if note.day is None:
            shown = f"“{note.title}”" if note.title else "tiêu đề trống"
            problems.append(Problem(source.file, "!!! update", f"{shown} không phải một ngày có thật dạng NĂM-THÁNG-NGÀY",
                                    'ghi ngày có thông tin mới làm tiêu đề, ví dụ !!! update "2025-11-18"',
                                    line_of(source, note.start)))
    return problems


def _cited(body: str) -> Iterable[tuple[int, int]]:
    """(offset, source number) of every citation outside code."""
    for match in CITATION.finditer(without_code(body)):
        for ident in citation_ids(match.group(1)):
            if ident.isdigit():
                yield match.start(), int(ident)


def article_problems(source: SourceFile, published: dt.date, registries: Registries, listed: Iterable[int] = ()) -> list[Problem]:
    """Every chronology problem of an article dated `published` (`listed`: its front matter `sources:`)."""
    notes = update_notes(source.body)
    problems = note_problems(source, notes)
    shown = lang.date(published, "vi")
    for note in notes:
        if note.day is not None and note.day < published:
            problems.append(Problem(source.file, "!!! update", f"ghi chú cập nhật ngày {lang.date(note.day, 'vi')} sớm hơn ngày của bài ({shown})",
                                    "ghi ngày bằng hoặc sau ngày của bài; điều đã biết vào ngày của bài thì viết thẳng vào bài",
                                    line_of(source, note.start)))
    for offset, number in _cited(source.body):
        cited = registries.sources.get(number)
        if cited is None or cited.earliest is None:
            continue  # unknown numbers are reported by wardpub.data.pages; undated sources cannot be judged
        note = next((n for n in notes if n.holds(offset)), None)
        if note is None and cited.earliest > published:
            problems.append(Problem(source.file, f"[src:{number}]", f"nguồn số {number} đăng {_when(cited)}, sau ngày của bài ({shown})",
                                    f'đưa câu này vào ghi chú cập nhật !!! update "{cited.earliest.isoformat()}" (hoặc ngày muộn hơn), '
                                    "hoặc viết bài mới, hoặc bỏ nguồn này", line_of(source, offset)))
        elif note is not None and note.day is not None and cited.earliest > note.day:
            problems.append(Problem(source.file, f"[src:{number}]",
                                    f"nguồn số {number} đăng {_when(cited)}, sau ngày của ghi chú cập nhật ({lang.date(note.day, 'vi')})",
                                    f"đổi ngày ghi chú thành {cited.earliest.isoformat()} hoặc muộn hơn, hoặc bỏ nguồn này",
                                    line_of(source, offset)))
    for number in listed:
        cited = registries.sources.get(number)
        if cited is not None and cited.earliest is not None and cited.earliest > published:
            problems.append(Problem(source.file, "sources", f"nguồn số {number} đăng {_when(cited)}, sau ngày của bài ({shown})",
                                    "bỏ số này khỏi sources, hoặc dẫn nguồn trong một ghi chú cập nhật"))
    return problems
