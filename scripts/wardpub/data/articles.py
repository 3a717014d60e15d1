"""News articles: what an editor writes in docs/tin-tuc/<year>/<slug>.md.

Owns the article front matter (title, date, description, category, tags,
author, optional cover with its alt text, draft, and for the post kit an
optional `hook` and `hashtags`, held to wardpub.data.post_limits), the rules an article must
pass before anything is built (dates, known category and tags, one slug per
article, images that exist and have alt text, sources published by the
article's date outside its update notes (wardpub.data.chronology), an English
twin that agrees with the Vietnamese original), and the `Article` records the news listings
and feeds are made from. Vietnamese is required; English is optional.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..cache import digest, kept_results
from .dated import TIMEZONE, today
from .chronology import article_problems
from .pages import SourceFile, check_front_matter, line_of
from .post_limits import HASHTAGS_MAX, HOOK_MAX
from ..problems import Problem
from .registries import Registries
from ..text import hashtag, word_count

NEWS_DIR = "tin-tuc"
NEWS_INDEX = ("tin-tuc/index.vi.md", "tin-tuc/index.en.md")
ARTICLE_PATH = re.compile(r"^tin-tuc/(\d{4})/([a-z0-9][a-z0-9-]*?)\.(vi|en)\.md$")
WORDS_PER_MINUTE = 200
PLACEHOLDER = "[Viết"  # how `make article` marks text still to write

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_RAW_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


class ArticleMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1, max_length=150)
    date: dt.date
    updated: Optional[dt.date] = None
    description: str = Field(min_length=1, max_length=200)
    category: str = Field(min_length=1)
    tags: list[str] = []
    author: str = Field(min_length=1)
    cover: Optional[str] = None
    cover_alt: Optional[str] = None
    draft: bool = False
    sources: list[int] = []
    # The post kit (wardpub.site.posts): the first line of the Facebook post (default: the title)
    # and its hashtags (default: the campaign's, docs/_data/bai-dang.yml).
    hook: Optional[str] = None
    hashtags: list[str] = []

    @field_validator("hook")
    @classmethod
    def _hook_fits(cls, value: str | None) -> str | None:
        if value is not None and "\n" in value:
            raise ValueError("dòng mở đầu bài đăng phải là một dòng | viết liền trên một dòng")
        if value is not None and len(value) > HOOK_MAX:
            raise ValueError(f"dòng mở đầu bài đăng dài {len(value)} ký tự, Facebook chỉ hiện khoảng {HOOK_MAX} ký tự trước “Xem thêm” "
                             f"| rút gọn còn tối đa {HOOK_MAX} ký tự")
        return value

    @field_validator("hashtags")
    @classmethod
    def _few_hashtags(cls, value: list[str]) -> list[str]:
        if len(value) > HASHTAGS_MAX:
            raise ValueError(f"có {len(value)} hashtag, một bài đăng chỉ nên có 1 đến {HASHTAGS_MAX} | giữ lại tối đa {HASHTAGS_MAX} hashtag")
        return [hashtag(tag) for tag in value]


@dataclass(frozen=True)
class Version:
    """One language's file of an article."""

    src: str  # docs-relative path
    meta: ArticleMeta
    words: int

    @property
    def minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))


@dataclass(frozen=True)
class Article:
    slug: str
    year: str
    vi: Version
    en: Optional[Version]

    @property
    def meta(self) -> ArticleMeta:
        return self.vi.meta

    def version(self, language: str) -> Version:
        return (self.en if language == "en" else None) or self.vi

    def url(self, language: str) -> str:
        """Site-relative URL of the article as the language's site shows it."""
        prefix = "en/" if language == "en" else ""
        return f"{prefix}{NEWS_DIR}/{self.year}/{self.slug}/"

    def published(self, today: dt.date) -> bool:
        return not self.meta.draft and self.meta.date <= today


def is_article(rel: str) -> bool:
    return rel.startswith(NEWS_DIR + "/") and rel not in NEWS_INDEX


def _image_problems(source: SourceFile, folder: Path, docs_dir: Path) -> list[Problem]:
    problems = []

    def check(path: str, alt: str | None, offset: int) -> None:
        line = line_of(source, offset)
        if not alt or not alt.strip():
            problems.append(Problem(source.file, f"ảnh {path}", "ảnh chưa có lời mô tả (alt) cho người khiếm thị",
                                    "viết mô tả trong ngoặc vuông: ![Mô tả ảnh](đường-dẫn)", line))
        if re.match(r"^[a-z]+:", path, re.I):
            problems.append(Problem(source.file, f"ảnh {path}", "ảnh lấy từ trang web khác (người đọc sẽ tải từ nơi khác)",
                                    "tải ảnh về, đặt cạnh bài viết và dùng đường dẫn tương đối", line))
        elif not (folder / path).resolve().is_file() and not (docs_dir / path.lstrip("/")).is_file():
            problems.append(Problem(source.file, f"ảnh {path}", "không tìm thấy tệp ảnh",
                                    "kiểm tra tên tệp và thư mục ảnh", line))

    for match in _IMAGE.finditer(source.body):
        check(match.group(2), match.group(1), match.start())
    for match in _RAW_IMAGE.finditer(source.body):
        attrs = {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None) for m in _ATTR.finditer(match.group(0))}
        check(attrs.get("src", ""), attrs.get("alt"), match.start())
    return problems


def check_article(source: SourceFile, rel: str, docs_dir: Path, registries: Registries) -> tuple[Optional[ArticleMeta], list[Problem]]:
    meta, problems = check_front_matter(source, ArticleMeta, registries)
    match = ARTICLE_PATH.match(rel)
    if not match:
        problems.append(Problem(source.file, "tên tệp", "bài viết phải nằm ở tin-tuc/<năm>/<tên-không-dấu>.vi.md",
                                "dùng `make article` để tạo tệp đúng chỗ, đúng tên"))
    if meta is None:
        return None, problems
    for tag in meta.tags:
        if tag not in registries.tags:
            problems.append(Problem(source.file, "tags", f"thẻ “{tag}” không có trong docs/_data/tags.yml",
                                    f"chọn trong: {', '.join(registries.tags)}, hoặc thêm thẻ mới vào tags.yml"))
    if match and str(meta.date.year) != match.group(1):
        problems.append(Problem(source.file, "date", f"năm {meta.date.year} khác thư mục tin-tuc/{match.group(1)}/",
                                "sửa ngày, hoặc chuyển tệp sang đúng thư mục năm"))
    if meta.updated and meta.updated < meta.date:
        problems.append(Problem(source.file, "updated", "ngày cập nhật sớm hơn ngày đăng", "sửa updated cho bằng hoặc sau date"))
    if not meta.draft:
        for field, text in (("title", meta.title), ("description", meta.description), ("(nội dung)", source.body)):
            if PLACEHOLDER in text:
                problems.append(Problem(source.file, field, "còn chữ mẫu trong ngoặc vuông “[Viết …]”",
                                        "thay chữ mẫu bằng nội dung thật trước khi đổi draft thành false"))
    folder = source.path.parent
    if meta.cover:
        if not meta.cover_alt:
            problems.append(Problem(source.file, "cover_alt", "ảnh bìa chưa có lời mô tả cho người khiếm thị",
                                    "thêm dòng cover_alt: \"Mô tả ngắn nội dung ảnh\""))
        if not (folder / meta.cover).is_file():
            problems.append(Problem(source.file, "cover", f"không tìm thấy ảnh bìa “{meta.cover}”",
                                    "kiểm tra tên tệp; ảnh đặt cùng thư mục với bài viết"))
    problems += _image_problems(source, folder, docs_dir)
    problems += article_problems(source, meta.date, registries, meta.sources)
    return meta, problems


def _twin_problems(vi: SourceFile, en: SourceFile, vi_meta: ArticleMeta, en_meta: ArticleMeta) -> list[Problem]:
    problems = []
    for field in ("date", "category", "draft"):
        if getattr(vi_meta, field) != getattr(en_meta, field):
            problems.append(Problem(en.file, field, f"khác với bản tiếng Việt ({getattr(vi_meta, field)})",
                                    f"ghi giống bản tiếng Việt {vi.file}"))
    return problems


def _words(body: str) -> int:
    """The words of an article's text, for its reading time: kept across builds for text that did not change."""
    return kept_results("word-counts").get_or_make(digest(body), lambda: word_count(body))


def collect_articles(sources: dict[str, SourceFile], docs_dir: Path, registries: Registries) -> tuple[list[Article], list[Problem]]:
    """Validate every article file and pair the languages; newest first."""
    problems: list[Problem] = []
    metas: dict[str, ArticleMeta] = {}
    for rel, source in sources.items():
        meta, found = check_article(source, rel, docs_dir, registries)
        problems += found
        if meta is not None:
            metas[rel] = meta

    articles, seen = [], {}
    for rel, meta in metas.items():
        match = ARTICLE_PATH.match(rel)
        if not match or match.group(3) == "en":
            continue
        year, slug = match.group(1), match.group(2)
        if slug in seen:
            problems.append(Problem(sources[rel].file, "tên tệp", f"trùng tên bài với {sources[seen[slug]].file}",
                                    "đổi tên tệp (và tiêu đề) để mỗi bài có một tên riêng"))
            continue
        seen[slug] = rel
        en_rel = rel[: -len(".vi.md")] + ".en.md"
        en = None
        if en_rel in metas:
            problems += _twin_problems(sources[rel], sources[en_rel], meta, metas[en_rel])
            en = Version(en_rel, metas[en_rel], _words(sources[en_rel].body))
        articles.append(Article(slug, year, Version(rel, meta, _words(sources[rel].body)), en))
    kept_results("word-counts").save()
    articles.sort(key=lambda a: (a.meta.date, a.slug), reverse=True)
    return articles, problems
