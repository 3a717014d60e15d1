"""The posts of a project: their texts, attachments, files, zips and manifest.

Owns `collect_posts` (run by wardpub.project before anything is built: every
non-draft article in each of its languages, an article without English
getting its Vietnamese post only, marked so; every infographic in both) and
`site_files` (run by the plugin's on_files, once per build), which publishes,
per post under `post-kit/<id>/`:

- `<id>-<lang>-zalo.json`, the Zalo OA article draft (wardpub.site.posts.zalo);
- `<id>-<lang>.zip`, everything to post from a phone or a desk: the texts,
  the draft, the images and a README naming each image's use and alt text
  (and the address of the infographic's clip, once rendered: a clip of
  several MB in every zip would double what the site weighs and what a
  phone downloads for the texts, so the zip names it instead);

and `post-kit/manifest.json`, every post with its texts, links, the limits
it meets and its files. Images are the ones the site already has (an
infographic's PNG formats; an article's 1200×630 link-preview card, drawn by
wardpub.site.social's engine through the shared cache, and its cover). An image a
platform refuses (over 1 MB for Zalo) gets a JPEG copy derived through the
content cache; the build stops if even that does not fit.

Zips are deterministic: fixed member order, timestamps and permissions, and
cached by a digest of their members. A post's attachments are a list of
`Attachment` made by the functions in ATTACHMENTS: a new kind of file (a
clip per infographic, `infographic_clip`) is one more function there.
"""

from __future__ import annotations

import io
import json
import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Callable, Optional

from PIL import Image

from ... import language as lang
from ...cache import ContentCache, digest, file_digest, kept_results, listing_json
from ...media.clips.encode import HEIGHT as HEIGHT_CLIP
from ...media.clips.encode import WIDTH as WIDTH_CLIP
from ...media.clips.output import published_jobs
from ...media.clips.store import ClipCache
from ...media.infographics.output import ImageCache
from ...media.infographics.resolve import absolute_url, page_url
from ...language import LANGUAGES
from ...problems import Problem, ProblemsFound
from ..social import HEIGHT, WIDTH, PageFacts, card_keys, card_path
from .campaign import Campaign
from ...data.post_limits import ZALO_IMAGE_BYTES
from .texts import Subject, Texts, compose, limit_problems, measures
from .zalo import Image as ZaloImage
from .zalo import article_draft, draft_problems, dumps

SITE_FOLDER = "post-kit"
PANEL_ANCHOR = "dang-bai"  # the panel of item <id> is at #dang-bai-<id>
GALLERY = "infographics.md"  # an infographic's panel the calendar links: the gallery's
MANIFEST = f"{SITE_FOLDER}/manifest.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record: the same bytes every build
# Where each infographic format goes (the feed prefers the portrait: it fills more of a phone's screen).
INFOGRAPHIC_USES = {
    "1080x1350": ("facebook",),
    "1080x1080": ("facebook", "zalo", "zalo-article"),
    "1200x630": ("zalo-article-cover",),
    "1080x1920": ("story",),
}
TEXT_FILES = ("README.txt", "facebook.txt", "zalo-message.txt", "zalo-article.json")


@dataclass(frozen=True)
class Attachment:
    """A file to post with the texts: where the site has it, its size, alt text and uses."""

    uses: tuple[str, ...]  # facebook, zalo, zalo-article, zalo-article-cover, story
    site_path: str
    width: int
    height: int
    alt: str
    media_type: str = "image/png"
    source: Optional[Path] = None  # the file on disk (None: an article card not rendered yet)
    kind: str = "image"
    packed: bool = True  # in the zip; a clip (several MB) is only named, with its address, in the zip's README
    # Whether the file is offered now (None: always). A clip is offered once a build publishes it, which
    # is decided when the build copies its files, after the project (and its posts) were checked.
    offered: Optional[Callable[[], bool]] = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return posixpath.basename(self.site_path)


@dataclass
class Post:
    subject: Subject
    texts: Texts
    attachments: list[Attachment]
    zalo: dict
    vietnamese_only: bool = False
    published: Optional[object] = None  # an article's date (None: an infographic, always shown)
    card: Optional[object] = None  # an article's link-preview card to render (wardpub.site.social.PageFacts)

    @property
    def id(self) -> str:
        return self.subject.id

    @cached_property
    def zalo_json(self) -> bytes:
        """The Zalo article draft as its file holds it (in the zip and beside it: made once)."""
        return dumps(self.zalo)

    @property
    def offered_attachments(self) -> list[Attachment]:
        """The attachments the build offers now: a clip not published yet is left out."""
        return [a for a in self.attachments if a.offered is None or a.offered()]

    @property
    def language(self) -> str:
        return self.subject.language

    @property
    def folder(self) -> str:
        return f"{SITE_FOLDER}/{self.id}/"

    @property
    def zip_path(self) -> str:
        return f"{self.folder}{self.id}-{self.language}.zip"

    @property
    def zalo_path(self) -> str:
        return f"{self.folder}{self.id}-{self.language}-zalo.json"

    @property
    def anchor(self) -> str:
        return f"{PANEL_ANCHOR}-{self.id}"

    @property
    def panel_url(self) -> str:
        """Site-relative address of the post's panel: under the article, or in the infographics gallery."""
        page = self.subject.page if self.subject.kind == "article" else page_url(GALLERY, self.language)
        return f"{page}#{self.anchor}"


@dataclass
class PostKit:
    site_url: str
    posts: list[Post] = field(default_factory=list)
    # Every item a calendar may name: id -> (kind, title in Vietnamese, date an article appears or None).
    items: dict[str, tuple] = field(default_factory=dict)

    def get(self, ident: str, language: str) -> Optional[Post]:
        return self._by_key.get((ident, language))

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], Post]:
        # Every article's page asks for its post: a scan each would make the build quadratic.
        return {(p.id, p.language): p for p in reversed(self.posts)}  # the first wins, as a scan would

    def published(self, today) -> list[Post]:
        return [p for p in self.posts if p.published is None or p.published <= today]


# ── attachments ─────────────────────────────────────────────────────────────

def infographic_images(context: dict, subject: Subject) -> list[Attachment]:
    item = context.get("infographic")
    if item is None:
        return []
    cache = ImageCache()
    order = list(INFOGRAPHIC_USES)
    jobs = sorted((j for j in item.jobs if j.language == subject.language), key=lambda j: order.index(j.format))
    return [Attachment(INFOGRAPHIC_USES[job.format], job.site_path(".png"), *job.size, item.spec.alt[subject.language],
                       source=cache.png(job.key)) for job in jobs]


def article_images(context: dict, subject: Subject) -> list[Attachment]:
    article = context.get("article")
    if article is None:
        return []
    meta = article.version(subject.language).meta
    card = Attachment(("facebook", "zalo", "zalo-article-cover"), card_path(subject.page), WIDTH, HEIGHT,
                      lang.t("social.card_alt", subject.language, title=meta.title))
    if not meta.cover:
        return [replace(card, uses=card.uses + ("zalo-article",))]
    path = context["docs_dir"] / posixpath.dirname(article.vi.src) / meta.cover
    site_path = posixpath.normpath(posixpath.join(posixpath.dirname(article.vi.src), meta.cover))
    try:
        with Image.open(path) as image:
            width, height = image.size
            media_type = Image.MIME.get(image.format, "application/octet-stream")
    except (OSError, ValueError):
        return [card]  # a missing or unreadable cover is the article check's problem line already
    cover = Attachment(("facebook", "zalo-article"), site_path, width, height, meta.cover_alt or meta.title, media_type, path)
    if path.stat().st_size <= ZALO_IMAGE_BYTES:
        return [card, cover]
    # Zalo refuses images over 1 MB: it gets a JPEG copy the kit derives (_resolve_sources makes it).
    stem = posixpath.splitext(cover.name)[0]
    zalo = replace(cover, uses=("zalo-article",), site_path=f"{SITE_FOLDER}/{article.slug}/{stem}-zalo.jpg",
                   media_type="image/jpeg", source=None, kind="derived-jpeg")
    return [card, replace(cover, uses=("facebook",)), zalo]


def infographic_clip(context: dict, subject: Subject) -> list[Attachment]:
    """An infographic's short clip (wardpub.media.clips), once rendered: linked from the zip, not packed in it."""
    item, clips = context.get("infographic"), context.get("clips")
    job = clips.get(item.id, subject.language) if item is not None and clips is not None else None
    if job is None:
        return []
    return [Attachment(("short-video",), job.site_path(".mp4"), WIDTH_CLIP, HEIGHT_CLIP, item.spec.alt[subject.language],
                       "video/mp4", ClipCache().path(job.key, ".mp4"), kind="clip", packed=False,
                       offered=lambda: job in published_jobs(clips))]  # the same clips the build's pages offer


# Functions (context, subject) -> attachments; context names the item ("article" or "infographic"),
# docs_dir, and the project's clips.
ATTACHMENTS: tuple[Callable[[dict, Subject], list[Attachment]], ...] = (infographic_images, article_images, infographic_clip)


# ── collecting ──────────────────────────────────────────────────────────────

def _subjects(articles, share_kit, campaign: Campaign):
    """(subject, context, vietnamese_only, date) for every post, articles first (newest first), then infographics."""
    for article in articles:
        if article.meta.draft:
            continue
        for language in LANGUAGES:
            version = article.en if language == "en" else article.vi
            if version is None:
                continue
            meta = version.meta
            subject = Subject("article", article.slug, language, meta.title, meta.description,
                              tuple(meta.hashtags or campaign.hashtags[language]), article.url(language),
                              f"docs/{version.src}", hook=meta.hook)
            yield subject, {"article": article}, article.en is None, article.meta.date
    for item in share_kit.infographics if share_kit is not None else []:
        spec = item.spec
        for language in LANGUAGES:
            subject = Subject("infographic", item.id, language, spec.title[language], spec.caption[language],
                              tuple(spec.hashtags[language][:3]), f"{item.pages[language]}#{item.id}", item.file,
                              fallback_hook=spec.fact.text[language] if spec.fact is not None else None)
            yield subject, {"infographic": item}, False, None


def collect_posts(articles, share_kit, ward, registries, campaign: Campaign, site_url: str,
                  docs_dir: Path, outputs: Optional[dict] = None) -> tuple[PostKit, list[Problem]]:
    """Every post's texts, attachments and Zalo draft, checked against the limits; outputs are more of
    the project's products the ATTACHMENTS functions read (its clips)."""
    kit = PostKit(site_url)
    problems: list[Problem] = []
    for article in articles:
        if not article.meta.draft:
            kit.items[article.slug] = ("article", article.meta.title, article.meta.date)
    for item in share_kit.infographics if share_kit is not None else []:
        kit.items[item.id] = ("infographic", item.spec.title["vi"], None)
    for subject, context, vietnamese_only, published in _subjects(articles, share_kit, campaign):
        context.update(outputs or {}, docs_dir=Path(docs_dir))
        texts = compose(subject, site_url, campaign.campaign)
        attachments = [a for make in ATTACHMENTS for a in make(context, subject)]
        url = lambda a: absolute_url(site_url, a.site_path)
        cover = next(a for a in attachments if "zalo-article-cover" in a.uses)
        images = [ZaloImage(url(a), a.alt) for a in attachments if "zalo-article" in a.uses]
        extra = [context["infographic"].source_lines[subject.language]] if "infographic" in context else []
        author = context["article"].version(subject.language).meta.author if "article" in context else ward.name[subject.language]
        draft = article_draft(subject, texts, author, ZaloImage(url(cover), cover.alt), images, extra)
        problems += limit_problems(subject, texts) + draft_problems(subject, draft)
        card = None
        if "article" in context:
            category = registries.categories.get(context["article"].meta.category)
            card = PageFacts(subject.page, subject.title, category[subject.language] if category else ward.publication[subject.language])
        kit.posts.append(Post(subject, texts, attachments, draft, vietnamese_only, published, card))
    kept_results("zalo-drafts").save()
    return kit, problems


# ── files ───────────────────────────────────────────────────────────────────

def fit_jpeg(source: Path, limit: int = ZALO_IMAGE_BYTES, cache: ContentCache | None = None) -> Path:
    """A JPEG copy of an image within limit bytes: quality steps down, then the size halves (cached, deterministic)."""
    cache = cache or ContentCache("post-kit")

    def make() -> bytes:
        with Image.open(source) as original:
            image = original.convert("RGB")
        while True:
            for quality in (85, 75, 65):
                out = io.BytesIO()
                image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
                if out.tell() <= limit:
                    return out.getvalue()
            image = image.resize((max(1, image.width // 2), max(1, image.height // 2)), Image.Resampling.LANCZOS)

    path, _ = cache.get_or_make(digest("fit-jpeg 2", str(limit), file_digest(Path(source))), make, ".jpg")
    return path


def readme(post: Post, site_url: str = "") -> str:
    language = post.language
    t = lambda key, **values: lang.t(key, language, **values)
    lines = [post.subject.title, "", t("posts.readme_intro"), "",
             f"- facebook.txt: {t('posts.readme_facebook')}",
             f"- zalo-message.txt: {t('posts.readme_zalo')}",
             f"- zalo-article.json: {t('posts.readme_zalo_article')}", "",
             t("posts.readme_images")]
    for attachment in post.attachments:
        uses = ", ".join(t(f"posts.use.{use}") for use in attachment.uses)
        if attachment.packed:
            lines.append(f"- images/{attachment.name} ({attachment.width}×{attachment.height}; {uses}): {attachment.alt}")
    linked = [a for a in post.attachments if not a.packed]
    if linked:
        lines += ["", t("posts.readme_clips")]
        lines += [f"- {absolute_url(site_url, a.site_path)} ({a.width}×{a.height}; {', '.join(t(f'posts.use.{u}') for u in a.uses)})"
                  for a in linked]
    if post.vietnamese_only:
        lines += ["", t("posts.vietnamese_only")]
    return "\n".join(lines) + "\n"


def zip_members(post: Post, site_url: str = "") -> list[tuple[str, bytes | Path]]:
    texts = {"README.txt": readme(post, site_url).encode("utf-8"), "facebook.txt": (post.texts.facebook + "\n").encode("utf-8"),
             "zalo-message.txt": (post.texts.zalo + "\n").encode("utf-8"), "zalo-article.json": post.zalo_json}
    members = [(name, texts[name]) for name in TEXT_FILES]
    return members + [(f"images/{a.name}", a.source) for a in post.attachments if a.packed]


def zip_bytes(members: list[tuple[str, bytes | Path]], folder: str) -> bytes:
    """A deterministic zip: members in the given order under folder/, fixed times and permissions;
    images stored as they are (already compressed), texts deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_TIME)
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o644 << 16
            raw = data.read_bytes() if isinstance(data, Path) else data
            info.compress_type = zipfile.ZIP_STORED if isinstance(data, Path) else zipfile.ZIP_DEFLATED
            archive.writestr(info, raw, compresslevel=9 if info.compress_type == zipfile.ZIP_DEFLATED else None)
    return out.getvalue()


def _resolve_sources(posts: list[Post], project) -> list[Post]:
    """Render the article cards the posts attach and derive Zalo's JPEG copies: every attachment gets its file."""
    image_cache = ImageCache()
    carded = [p for p in posts if p.card is not None] if project.infographics is not None else []
    keys = dict(zip(((p.id, p.language) for p in carded), card_keys(project, [(p.card, p.language) for p in carded], image_cache)))
    resolved = []
    for post in posts:
        key = keys.get((post.id, post.language))
        attachments: list[Attachment] = []
        for attachment in post.offered_attachments:
            if attachment.kind == "derived-jpeg":
                # Derived from the attachment just before it (collect_posts keeps them together).
                attachment = replace(attachment, source=fit_jpeg(attachments[-1].source))
            elif attachment.source is None and key is not None:
                attachment = replace(attachment, source=image_cache.png(key))
            if attachment.source is not None:
                attachments.append(attachment)
        resolved.append(replace(post, attachments=attachments))
    return resolved


def size_problems(post: Post) -> list[Problem]:
    return [Problem(post.subject.file, f"ảnh {a.name}", f"ảnh gửi lên Zalo nặng {a.source.stat().st_size:,} byte, Zalo nhận tối đa 1 MB",
                    "thu nhỏ ảnh (rộng khoảng 1600 điểm ảnh) rồi xây dựng lại")
            for a in post.attachments if any(u.startswith("zalo") for u in a.uses)
            and a.source is not None and a.source.stat().st_size > ZALO_IMAGE_BYTES]


def file_entry(kit: PostKit, a: Attachment) -> dict:
    return {"kind": a.kind, "uses": list(a.uses), "path": a.site_path, "url": absolute_url(kit.site_url, a.site_path),
            "type": a.media_type, "width": a.width, "height": a.height, "bytes": a.source.stat().st_size, "alt": a.alt}


def manifest(kit: PostKit, posts: list[Post], zips: dict[str, Path]) -> dict:
    entries = []
    for post in posts:
        limits = measures(post.texts)
        entries.append({
            "item": post.id, "kind": post.subject.kind, "language": post.language,
            "vietnamese_only": post.vietnamese_only, "title": post.subject.title,
            "page": absolute_url(kit.site_url, post.subject.page),
            "texts": {"hook": post.texts.hook, "facebook": post.texts.facebook, "zalo_message": post.texts.zalo},
            "hashtags": list(post.texts.hashtags), "links": dict(post.texts.links),
            "limits": limits, "limits_met": all(m["ok"] for m in limits.values()),
            "zalo_article": {"path": post.zalo_path, "url": absolute_url(kit.site_url, post.zalo_path)},
            "zip": {"path": post.zip_path, "url": absolute_url(kit.site_url, post.zip_path),
                    "bytes": zips[post.zip_path].stat().st_size},
            "files": [file_entry(kit, a) for a in post.attachments if a.packed],
            "linked": [file_entry(kit, a) for a in post.attachments if not a.packed],
        })
    return {"site": kit.site_url, "count": len(entries), "posts": entries}


# The last kit published and its files: MkDocs asks once per language.
_published: list = [None, None, []]


def site_files(project, today) -> list[tuple[str, Path]]:
    """(site path, file) of every published post's zip and Zalo draft, the derived images and the manifest."""
    kit: PostKit | None = getattr(project, "posts", None)
    if kit is None:
        return []
    if _published[0] is kit and _published[1] == today:
        return _published[2]
    cache = ContentCache("post-kit")
    posts = _resolve_sources(kit.published(today), project)
    problems = [p for post in posts for p in size_problems(post)]
    if problems:
        raise ProblemsFound(problems)
    files: dict[str, Path] = {}
    for post in posts:
        # Keyed by what the members are made from: a live preview asks again on every save.
        packed = [a for a in post.attachments if a.packed]
        key = digest("zip 3", post.id, post.language, readme(post, kit.site_url), post.texts.facebook, post.texts.zalo,
                     post.zalo, *[a.name for a in packed], *[file_digest(a.source) for a in packed])
        files[post.zip_path], _ = cache.get_or_make(
            key, lambda: zip_bytes(zip_members(post, kit.site_url), f"{post.id}-{post.language}"), ".zip")
        files[post.zalo_path], _ = cache.get_or_make(digest("zalo 2", post.zalo), lambda: post.zalo_json, ".json")
        for attachment in post.offered_attachments:
            if attachment.kind == "derived-jpeg":
                files[attachment.site_path] = attachment.source
    entries = manifest(kit, posts, files)
    listed = entries.pop("posts")
    text = listing_json(entries, "posts", listed)
    files[MANIFEST], _ = cache.get_or_make(digest(text), lambda: text.encode("utf-8"), ".json")
    _published[:] = [kit, today, sorted(files.items())]
    return _published[2]
