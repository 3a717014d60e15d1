"""The shared tables in docs/_data/: sources, categories and tags.

Owns their schema and loading. Every figure on the site cites a source by
its number in sources.yml; every page, article and infographic belongs to a
category of categories.yml (the plan's seven content points plus the news-only
ones); articles carry tags from tags.yml. All are loaded once per build and
checked before anything renders.

A source's publication date is `date:` when it is known to the day; when
only a lower bound is known (the fact sheet says "after 10/12/2025", "2026",
"3/2025", or the source reports an event of a known day), `not_before:`
records it instead, with `note:` saying why. Chronology checks
(wardpub.data.chronology) compare articles with `Source.earliest`: the first day
the source can have been published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from .. import DATA_DIR
from .datafiles import load_yaml
from ..problems import Problem, display_path, from_validation_error


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Bilingual(Strict):
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class Source(Strict):
    outlet: str = Field(min_length=1)
    date: Optional[dt.date] = None  # publication day, when known
    not_before: Optional[dt.date] = None  # otherwise: published on this day or later
    url: Optional[str] = None
    about: Bilingual
    note: Optional[str] = None

    @field_validator("not_before")
    @classmethod
    def _one_date(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value is not None and info.data.get("date") is not None:
            raise ValueError("ghi cả date và not_before | giữ date khi biết chính xác ngày đăng; "
                             "chỉ dùng not_before (đăng không sớm hơn ngày này) khi không biết ngày đăng")
        return value

    @property
    def earliest(self) -> Optional[dt.date]:
        """The first day the source can have been published (None: nothing is known)."""
        return self.date or self.not_before

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("liên kết phải bắt đầu bằng https:// | viết đầy đủ địa chỉ, ví dụ https://dantri.com.vn/...")
        return value


class Category(Strict):
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)
    point: Optional[int] = Field(default=None, ge=1, le=7)
    page: Optional[str] = None

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


@dataclass
class Registries:
    sources: dict[int, Source]
    categories: dict[str, Category]
    tags: dict[str, Bilingual]
    problems: list[Problem]

    @cached_property
    def category_keys(self) -> list[str]:
        return list(self.categories)


def _load_table(path: Path, model: type[Strict], key_type: type) -> tuple[dict, list[Problem]]:
    file = display_path(path)
    data, problems = load_yaml(path)
    if problems:
        return {}, problems
    if not isinstance(data, dict):
        return {}, [Problem(file, "(tệp)", "tệp phải là một bảng các mục có khóa", "xem các mục mẫu ở đầu tệp")]
    table = {}
    for key, value in data.items():
        if not isinstance(key, key_type):
            problems.append(Problem(file, str(key), f"khóa phải là {'số' if key_type is int else 'chữ'}",
                                    "sửa khóa cho đúng dạng các mục khác"))
            continue
        try:
            table[key] = model.model_validate(value)
        except ValidationError as error:
            problems.extend(from_validation_error(file, error, prefix=str(key)))
    return table, problems


def load_registries(data_dir: Path = DATA_DIR) -> Registries:
    sources, problems = _load_table(data_dir / "sources.yml", Source, int)
    categories, more = _load_table(data_dir / "categories.yml", Category, str)
    tags, even_more = _load_table(data_dir / "tags.yml", Bilingual, str)
    return Registries(sources, categories, tags, problems + more + even_more)
