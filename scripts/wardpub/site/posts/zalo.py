"""The Zalo OA article draft of a post, and the schema it is checked against.

Owns the JSON a team member (or a tool holding the OA's token) sends to Zalo
OA's article API (v2.0 `article/create`, type `normal`): title, author,
cover photo, description, a body of text and image items ending with the
link to the page, `tracking_link`, `status: hide` (a draft to review in the
OA's manager before it goes out) and comments on. The schema
(data/zalo-article.schema.json, JSON Schema 2020-12) holds the API's limits;
the post kit checks each image file's size (at most 1 MB) itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache

import fastjsonschema

from ... import RESOURCES_DIR
from ...cache import digest, kept_results
from ...problems import Problem
from ...data.post_limits import ZALO_AUTHOR_MAX, ZALO_DESCRIPTION_MAX
from .texts import Subject, Texts, read_more, sentences

SCHEMA_FILE = RESOURCES_DIR / "zalo-article.schema.json"


@dataclass(frozen=True)
class Image:
    url: str  # absolute address of the image on the site
    caption: str  # its alt text


@cache
def validator():
    """The compiled schema: a function that raises fastjsonschema.JsonSchemaValueException on the first error."""
    return fastjsonschema.compile(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _shorten(text: str, limit: int) -> str:
    """Whole sentences up to limit characters (Zalo's description), else the text cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[: limit - 1].rsplit(" ", 1)[0] + "…"


def paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def article_draft(subject: Subject, texts: Texts, author: str, cover: Image, images: list[Image],
                  extra: list[str] = ()) -> dict:
    """The draft: the summary in paragraphs, the images, further lines (sources), the link."""
    body = [{"type": "text", "content": p} for p in paragraphs(subject.summary)]
    body += [{"type": "image", "url": image.url, "caption": image.caption} for image in images]
    body += [{"type": "text", "content": line} for line in extra if line]
    body.append({"type": "text", "content": read_more(subject, texts.links["zalo"])})
    return {
        "type": "normal",
        # A myth/fact card's title may quote the false claim: its Zalo title is the hook, which states the fact.
        "title": texts.hook if subject.fallback_hook else subject.title,
        "author": author if len(author) <= ZALO_AUTHOR_MAX else author[: ZALO_AUTHOR_MAX - 1].rstrip() + "…",
        "cover": {"cover_type": "photo", "photo_url": cover.url, "status": "show"},
        "description": _shorten(subject.summary, ZALO_DESCRIPTION_MAX),
        "body": body,
        "tracking_link": texts.links["zalo"],
        "status": "hide",
        "comment": "show",
    }


def draft_problems(subject: Subject, draft: dict) -> list[Problem]:
    """The draft against the schema: its first error as one line, naming the field an editor changes.
    Kept across builds for drafts that did not change (a large site has thousands)."""
    key = digest(draft, subject.file, subject.kind, subject.language)
    found = kept_results("zalo-drafts").get_or_make(key, lambda: [asdict(p) for p in _schema_problems(subject, draft)])
    return [Problem(**problem) for problem in found]


def _schema_problems(subject: Subject, draft: dict) -> list[Problem]:
    try:
        validator()(draft)
        return []
    except fastjsonschema.JsonSchemaValueException as error:
        where = ".".join(str(part) for part in error.path[1:]) or "(bài viết Zalo)"
        field = {"title": "title", "description": "description" if subject.kind == "article" else "caption"}.get(where, where)
        if error.rule == "maxLength":
            message = f"bài viết Zalo OA: “{where}” dài {len(error.value)} ký tự, Zalo nhận tối đa {error.rule_definition}"
            fix = f"rút gọn {field} còn tối đa {error.rule_definition} ký tự"
        else:
            message = f"bài viết Zalo OA không hợp lệ ở “{where}” ({error.rule})"
            fix = "báo nhóm kỹ thuật kèm dòng này"
        return [Problem(subject.file, f"{field} ({subject.language})", message, fix)]


def dumps(draft: dict) -> bytes:
    return (json.dumps(draft, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
