"""The words of each post: hook, Facebook post, Zalo message, tagged links.

Owns how a post reads, from data only: an article's front matter (title,
description, optional `hook` and `hashtags`) or an infographic's spec (title,
caption, hashtags; a myth/fact card's fact), with the campaign's defaults
(wardpub.site.posts.campaign). Every link names the page it leads to with UTM tags:
`utm_source` (facebook or zalo), `utm_medium=social`, `utm_campaign` (the
campaign) and `utm_content` (the item's id: several infographics share one
content page, and the ward's statistics can then tell which post brought a
reader). The query goes before the page's #anchor.

The hook is the post's first line, all a phone shows before "Xem thêm": the
front matter's `hook`, else an article's title; for an infographic, the first
sentence of its caption when it fits, else (myth/fact cards) the first
sentence of the fact, never the false claim, else its title. `limit_problems`
holds every text to wardpub.data.post_limits, one line per text that does not fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlencode

from ... import language as lang
from ...media.infographics.resolve import absolute_url
from ...problems import Problem
from ...data.post_limits import FACEBOOK_MAX, HASHTAGS_MAX, HASHTAGS_MIN, HOOK_MAX, ZALO_MESSAGE_MAX

MEDIUM = "social"
SOURCES = {"facebook": "facebook", "zalo": "zalo"}
# A sentence ends at . ! ? … before a space and a capital letter or an opening quote
# ("71-NQ/TW." ends one; "0,8" and "22/8/2025" do not).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ“\"(])")


@dataclass(frozen=True)
class Subject:
    """What a post is about: an article or an infographic, in one language, as its data says."""

    kind: str  # "article" or "infographic"
    id: str  # the article's slug or the infographic's id
    language: str
    title: str
    summary: str  # an article's description, an infographic's caption
    hashtags: tuple[str, ...]
    page: str  # site-relative URL of the item (an infographic's carries #id)
    file: str  # the file an editor edits to change the words
    hook: Optional[str] = None  # the front matter's own first line
    fallback_hook: Optional[str] = None  # for an infographic: a myth/fact card's fact

    @property
    def key(self) -> tuple[str, str]:
        return self.id, self.language


@dataclass(frozen=True)
class Texts:
    hook: str
    facebook: str
    zalo: str
    links: dict  # channel ("facebook", "zalo") -> the page's address with its UTM tags
    hashtags: tuple[str, ...]


def tagged(site_url: str, page: str, source: str, campaign: str, content: str) -> str:
    """The absolute address of a site page with UTM tags, before any #anchor."""
    path, _, anchor = page.partition("#")
    query = urlencode([("utm_source", source), ("utm_medium", MEDIUM), ("utm_campaign", campaign), ("utm_content", content)])
    return absolute_url(site_url, path) + "?" + query + (f"#{anchor}" if anchor else "")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def _single_line(text: str) -> str:
    return " ".join(text.split())


def hook_and_body(subject: Subject) -> tuple[str, str]:
    """The first line and what follows it before the link."""
    if subject.hook:
        return subject.hook, subject.summary.strip()
    if subject.kind == "article":
        return subject.title, subject.summary.strip()
    caption = sentences(subject.summary)
    if caption and len(_single_line(caption[0])) <= HOOK_MAX:
        return _single_line(caption[0]), " ".join(caption[1:])
    fact = sentences(subject.fallback_hook or "")
    if fact and len(_single_line(fact[0])) <= HOOK_MAX:
        return _single_line(fact[0]), subject.summary.strip()
    return subject.title, subject.summary.strip()


def read_more(subject: Subject, url: str) -> str:
    key = "posts.read_article" if subject.kind == "article" else "infographics.read_more"
    return lang.t(key, subject.language, url=url)


def compose(subject: Subject, site_url: str, campaign: str) -> Texts:
    links = {channel: tagged(site_url, subject.page, source, campaign, subject.id) for channel, source in SOURCES.items()}
    hook, body = hook_and_body(subject)
    tags = " ".join(f"#{tag}" for tag in subject.hashtags)
    facebook = "\n\n".join(part for part in (hook, body, read_more(subject, links["facebook"]), tags) if part)
    # The Zalo message is the short form: the hook and the link (Zalo shows the page's preview card).
    zalo = f"{hook}\n\n{read_more(subject, links['zalo'])}"
    return Texts(hook, facebook, zalo, links, subject.hashtags)


def measures(texts: Texts) -> dict[str, dict]:
    """Each limited text's length against its limit (the manifest records them)."""
    measured = {
        "hook": (len(texts.hook), HOOK_MAX),
        "facebook": (len(texts.facebook), FACEBOOK_MAX),
        "zalo_message": (len(texts.zalo), ZALO_MESSAGE_MAX),
        "hashtags": (len(texts.hashtags), HASHTAGS_MAX),
    }
    out = {name: {"length": length, "max": limit, "ok": length <= limit} for name, (length, limit) in measured.items()}
    out["hook"]["ok"] = out["hook"]["ok"] and "\n" not in texts.hook
    out["hashtags"]["min"] = HASHTAGS_MIN
    out["hashtags"]["ok"] = HASHTAGS_MIN <= len(texts.hashtags) <= HASHTAGS_MAX
    return out


# What an editor changes when a text is too long: (field, fix) per text and kind of item.
_FIXES = {
    ("hook", "article"): ("hook", f"thêm hoặc sửa dòng hook: (tối đa {HOOK_MAX} ký tự, một dòng)"),
    ("hook", "infographic"): ("caption", f"viết câu đầu của caption (hoặc title) ngắn hơn {HOOK_MAX} ký tự"),
    ("facebook", "article"): ("description", "rút gọn description"),
    ("facebook", "infographic"): ("caption", "rút gọn caption"),
    ("zalo_message", "article"): ("description", "rút gọn description hoặc hook"),
    ("zalo_message", "infographic"): ("caption", "viết câu đầu của caption ngắn hơn"),
    ("hashtags", "article"): ("hashtags", f"ghi từ {HASHTAGS_MIN} đến {HASHTAGS_MAX} hashtag, hoặc bỏ trường để dùng hashtag của chiến dịch"),
    ("hashtags", "infographic"): ("hashtags", "ghi ít nhất một hashtag"),
}
_NAMES = {"hook": "dòng mở đầu bài Facebook", "facebook": "bài Facebook", "zalo_message": "tin nhắn Zalo"}


def limit_problems(subject: Subject, texts: Texts) -> list[Problem]:
    problems = []
    for name, measure in measures(texts).items():
        if not measure["ok"]:
            field, fix = _FIXES[(name, subject.kind)]
            message = (f"có {measure['length']} hashtag, cần từ {HASHTAGS_MIN} đến {HASHTAGS_MAX}" if name == "hashtags"
                       else f"{_NAMES[name]} dài {measure['length']} ký tự, tối đa {measure['max']}")
            problems.append(Problem(subject.file, f"{field} ({subject.language})", message, fix))
    return problems
