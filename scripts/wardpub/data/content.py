"""What an infographic says: the content schema shared by specs and templates' examples.

Owns the content slots a template may draw (title, kicker, attribution, a
myth, a fact, a quote, and the lists: figures, points, milestones), the
fields of their items, and the rule that every figure carries the numbers of
its sources in docs/_data/sources.yml. A "~" between two words of a drawn text
("Tô~Lâm") is read as a no-break space (wardpub.media.infographics.linebreak).
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import Field, field_validator, model_validator

from ..language import LANGUAGES
from .registries import Bilingual, Strict
from ..text import ties_to_nbsp

# Content slots a spec may fill: their kind, and for lists the fields of an item.
TEXT_SLOTS = ("title", "kicker", "attribution", "myth")
STATEMENT_SLOTS = ("fact", "quote")
LIST_SLOTS = {"figures": ("value", "label"), "points": ("text",), "milestones": ("year", "text")}
SLOTS = TEXT_SLOTS + STATEMENT_SLOTS + tuple(LIST_SLOTS)


def _tied(value: Any) -> Any:
    """Every string of a slot's value with its "~" ties as no-break spaces."""
    if isinstance(value, str):
        return ties_to_nbsp(value)
    if isinstance(value, dict):
        return {k: _tied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tied(v) for v in value]
    return value


def _text_or_bilingual(value: Any) -> Any:
    # A figure or a year may be the same in both languages ("2030"); write it once.
    return {"vi": value, "en": value} if isinstance(value, (str, int, float)) else value


Sources = Annotated[list[int], Field(min_length=1)]


class Figure(Strict):
    value: Bilingual
    label: Bilingual
    sources: Sources

    _same = field_validator("value", mode="before")(_text_or_bilingual)


class Point(Strict):
    text: Bilingual
    sources: list[int] = []


class Milestone(Strict):
    year: Bilingual
    text: Bilingual
    sources: Sources

    _same = field_validator("year", mode="before")(_text_or_bilingual)


class Statement(Strict):
    text: Bilingual
    sources: Sources


class Content(Strict):
    """The texts an infographic draws; also the shape of a template's named examples."""

    title: Bilingual
    kicker: Optional[Bilingual] = None
    figures: list[Figure] = []
    points: list[Point] = []
    milestones: list[Milestone] = []
    myth: Optional[Bilingual] = None
    fact: Optional[Statement] = None
    quote: Optional[Statement] = None
    attribution: Optional[Bilingual] = None
    # Sources of the infographic as a whole (a list whose points share them), beside each figure's own.
    sources: list[int] = []
    # Words added to the source line for what sources.yml does not list (the ward's own plan).
    source_note: Optional[Bilingual] = None

    @model_validator(mode="before")
    @classmethod
    def _ties(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: _tied(v) if k in (*SLOTS, "source_note") else v for k, v in data.items()}
        return data

    def filled_slots(self) -> list[str]:
        return [name for name in SLOTS if getattr(self, name) not in (None, [])]

    def source_ids(self) -> list[int]:
        """Every cited source, in order of first citation."""
        cited: list[int] = []
        items = [self, *self.figures, *self.points, *self.milestones, self.fact, self.quote]
        for item in items:
            for number in getattr(item, "sources", None) or []:
                if number not in cited:
                    cited.append(number)
        return cited

    def texts(self) -> list[tuple[str, str, str]]:
        """(field path, language, text) for every text the spec carries."""
        found = []
        for name in (*TEXT_SLOTS, "source_note"):
            value = getattr(self, name)
            if value is not None:
                found += [(f"{name}.{lang}", lang, value[lang]) for lang in LANGUAGES]
        for name in STATEMENT_SLOTS:
            value = getattr(self, name)
            if value is not None:
                found += [(f"{name}.text.{lang}", lang, value.text[lang]) for lang in LANGUAGES]
        for name, fields in LIST_SLOTS.items():
            for n, item in enumerate(getattr(self, name)):
                for item_field in fields:
                    found += [(f"{name}.{n}.{item_field}.{lang}", lang, getattr(item, item_field)[lang]) for lang in LANGUAGES]
        return found
