"""Contest rounds the ward runs officially: their data and their state on a given day.

Owns docs/_data/quiz/rounds.yml. A round is graded by the form service the
ward already uses (a Google Form in quiz mode, say), never in the browser:
answers shipped in a page can be read. So the site only publishes a round's
rules and dates, the link to the form while the round is open, what the form
collects and why, and the results the ward writes into the file after the
round closes.

A round's state is worked out from the day the site is built (the deploy
rebuilds daily), so the wording never says "opens on" a day that has passed:

- `upcoming` before `opens`;
- `open` from `opens` to `closes`, both days included;
- `closed` after `closes` while `results` is empty (results pending, with the
  date the ward announced for them when it gave one);
- `results` once the ward has written them.

`draft: true` keeps a round out of the site entirely: the shipped file holds
one example round marked so, which is how a real round is prepared before it
is announced. Nothing unfinished reaches the public.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, field_validator, model_validator

from ...data.datafiles import load_yaml
from ...problems import Problem, display_path, from_validation_error
from ...data.registries import Bilingual, Strict
from .bank import QUIZ_DIR

ROUNDS_FILE = QUIZ_DIR / "rounds.yml"
ROUND_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

State = Literal["upcoming", "open", "closed", "results"]


class Collected(Strict):
    """One thing the form asks for, and why the ward needs it."""

    item: Bilingual
    why: Bilingual


class Form(Strict):
    url: str
    service: str = Field(min_length=1)  # "Google Forms"
    collects: list[Collected] = Field(min_length=1)
    kept_until: dt.date  # when the ward deletes the answers

    @field_validator("url")
    @classmethod
    def _https(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError("đường dẫn biểu mẫu phải bắt đầu bằng https:// | chép đầy đủ đường dẫn của biểu mẫu")
        return value


class Results(Strict):
    text: Bilingual  # what the ward announces: winners by unit, figures, thanks
    url: Optional[str] = None  # the full results (a document on the ward's site)
    published: dt.date

    @field_validator("url")
    @classmethod
    def _https(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.startswith("https://"):
            raise ValueError("đường dẫn kết quả phải bắt đầu bằng https:// | chép đầy đủ đường dẫn")
        return value


class Round(Strict):
    id: str = Field(pattern=ROUND_ID.pattern)
    draft: bool = False
    title: Bilingual
    organiser: Bilingual
    audience: Bilingual  # who may take part
    opens: dt.date
    closes: dt.date
    results_due: Optional[dt.date] = None  # when the ward plans to announce the results
    questions: int = Field(ge=5, le=100)
    minutes: Optional[int] = Field(default=None, ge=1, le=180)  # the form's time limit, if it has one
    rules: list[Bilingual] = Field(min_length=1)
    prizes: Optional[Bilingual] = None
    form: Form
    results: Optional[Results] = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Round":
        if self.closes < self.opens:
            raise ValueError("ngày kết thúc (closes) trước ngày mở (opens) | sửa lại hai ngày")
        if self.results_due is not None and self.results_due < self.closes:
            raise ValueError("ngày công bố kết quả (results_due) trước ngày kết thúc | sửa lại ngày")
        if self.form.kept_until < self.closes:
            raise ValueError("ngày xóa dữ liệu (form.kept_until) trước ngày kết thúc vòng thi | chọn một ngày sau khi công bố kết quả")
        if self.results is not None and self.results.published < self.closes:
            raise ValueError("kết quả được ghi ngày công bố trước khi vòng thi kết thúc | sửa results.published")
        return self

    def state(self, today: dt.date) -> State:
        if today < self.opens:
            return "upcoming"
        if today <= self.closes:
            return "open"
        return "results" if self.results is not None else "closed"


@dataclass
class Rounds:
    rounds: list[Round] = field(default_factory=list)  # published ones, newest first
    problems: list[Problem] = field(default_factory=list)

    def current(self, today: dt.date) -> Optional[Round]:
        """The round a reader most needs: an open one, else the next upcoming, else the latest."""
        ordered = sorted(self.rounds, key=lambda r: r.opens)
        for wanted in ("open", "upcoming"):
            found = [r for r in ordered if r.state(today) == wanted]
            if found:
                return found[0]
        return ordered[-1] if ordered else None


def load_rounds(path: Path = ROUNDS_FILE) -> Rounds:
    """Published rounds (drafts left out), every problem in the file."""
    file = display_path(path)
    if not Path(path).is_file():
        return Rounds()
    data, problems = load_yaml(Path(path))
    if problems:
        return Rounds([], problems)
    if data is None:
        return Rounds()
    if not isinstance(data, list):
        return Rounds([], [Problem(file, "(tệp)", "tệp phải là một danh sách vòng thi, mỗi vòng bắt đầu bằng “- id:”",
                                   "xem vòng thi mẫu trong tệp")])
    rounds, seen = [], set()
    for number, item in enumerate(data, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"vòng {ident}" if ident else f"vòng thứ {number}"
        try:
            round_ = Round.model_validate(item)
        except ValidationError as error:
            problems += [Problem(file, f"{where} ({p.field})", p.message, p.fix) for p in from_validation_error(file, error)]
            continue
        if round_.id in seen:
            problems.append(Problem(file, f"{where} (id)", "mã vòng thi bị trùng", "đặt mã khác cho vòng này"))
            continue
        seen.add(round_.id)
        if not round_.draft:
            rounds.append(round_)
    rounds.sort(key=lambda r: r.opens, reverse=True)
    return Rounds(rounds, problems)
