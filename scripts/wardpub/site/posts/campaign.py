"""The campaign the posts belong to: docs/_data/bai-dang.yml.

Owns its schema and loading: the name every posted link carries as
`utm_campaign` and the hashtags an article's post gets when its front matter
names none. Problems are one line each, naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ...data.datafiles import load_yaml
from ...problems import Problem, display_path, from_validation_error
from ...media.infographics.specs import Hashtags as SpecHashtags
from ...data.post_limits import HASHTAGS_MAX, HASHTAGS_MIN

FILE_NAME = "bai-dang.yml"
Hashtags = Annotated[list[str], Field(min_length=HASHTAGS_MIN, max_length=HASHTAGS_MAX)]


class DefaultHashtags(SpecHashtags):
    """The infographics' hashtags (one word each, "#" dropped), one to three per language."""

    vi: Hashtags
    en: Hashtags


class Campaign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    campaign: str
    hashtags: DefaultHashtags

    @field_validator("campaign")
    @classmethod
    def _ascii(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
            raise ValueError(f"“{value}” chỉ được dùng chữ thường không dấu, số và dấu gạch ngang | viết ví dụ nq71")
        return value


DEFAULT = Campaign(campaign="nq71", hashtags=DefaultHashtags(vi=["NghiQuyet71"], en=["Resolution71"]))


@dataclass
class Loaded:
    campaign: Campaign
    problems: list[Problem]


def load_campaign(data_dir: Path) -> Loaded:
    """The campaign's settings (the defaults, with the problems, when the file is wrong)."""
    path = Path(data_dir) / FILE_NAME
    if not path.is_file():
        return Loaded(DEFAULT, [])
    data, problems = load_yaml(path)
    if problems:
        return Loaded(DEFAULT, problems)
    try:
        return Loaded(Campaign.model_validate(data if isinstance(data, dict) else {}), [])
    except ValidationError as error:
        return Loaded(DEFAULT, from_validation_error(display_path(path), error))
