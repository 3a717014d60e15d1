"""Pictures on listings and the front page: resized at build, WebP with a fallback.

Owns the small pictures readers see beside headlines (an article's cover,
else its link-preview card): cropped to the cards' 1200:630 shape, resized to
a few widths, encoded as WebP plus a JPEG fallback, stored in the content
cache under a digest of the source and these settings (a rebuild resizes
nothing that did not change), and written as `<picture>` markup with its
size, `srcset`/`sizes`, and lazy loading for every picture but the first one
a reader sees. Pictures already in the right formats (the infographics' WebP
and PNG) get the same markup through `existing`.
"""

from __future__ import annotations

import html
import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps
from mkdocs.utils import get_relative_url

from ..cache import ContentCache, digest

WIDTHS = (320, 640)
RATIO = (1200, 630)  # the link-preview card's shape; covers are cropped to it
WEBP = {"quality": 80, "method": 4}
JPEG = {"quality": 82, "optimize": True, "progressive": True}
SETTINGS = f"pictures 1; widths {WIDTHS}; ratio {RATIO}; webp {WEBP}; jpeg {JPEG}; Pillow {Image.__version__}"
FOLDER = "pictures"
# How wide a card's picture is shown: a thumbnail beside the headline on phones,
# the top of a card in a grid of two or three on wider screens (see ward.css).
CARD_SIZES = "(min-width: 76.25em) 380px, (min-width: 45em) 45vw, 140px"
COVER_SIZES = "(min-width: 45em) 640px, 100vw"  # an article's cover, across its column


@dataclass(frozen=True)
class Picture:
    """One picture in every width and format: what a page links and what the build copies."""

    webp: tuple[tuple[str, int], ...]  # (site path, width), narrowest first
    fallback: tuple[tuple[str, int], ...]
    width: int  # of the widest file
    height: int
    files: dict[str, Path] = field(default_factory=dict, compare=False, hash=False)  # site path -> cached file

    def tag(self, page_url: str, alt: str, sizes: str, first: bool = False, css: str = "") -> str:
        """The <picture> element, linked relatively from the page at page_url.

        first: the picture a reader sees first, above the fold: loaded at once and early
        (lazy loading it would delay the largest paint); every other one loads as it nears view."""
        def srcset(entries) -> str:
            return ", ".join(f"{get_relative_url(path, page_url)} {width}w" for path, width in entries)

        loading = 'fetchpriority="high"' if first else 'loading="lazy"'
        attrs = f' class="{css}"' if css else ""
        fallback = self.fallback[-1][0]
        return (f'<picture><source type="image/webp" srcset="{srcset(self.webp)}" sizes="{sizes}">'
                f'<img{attrs} src="{get_relative_url(fallback, page_url)}" srcset="{srcset(self.fallback)}" sizes="{sizes}" '
                f'alt="{html.escape(alt)}" width="{self.width}" height="{self.height}" {loading} decoding="async"></picture>')


def existing(webp: str, fallback: str, width: int, height: int) -> Picture:
    """A picture the site already has in both formats (an infographic's WebP and PNG)."""
    return Picture(((webp, width),), ((fallback, width),), width, height)


def _variants(source: Path) -> dict[str, bytes]:
    """The source cropped to the cards' shape and encoded in every width: {".320.webp": bytes, ...}."""
    with Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    out = {}
    for width in WIDTHS:
        height = round(width * RATIO[1] / RATIO[0])
        resized = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
        for suffix, fmt, options in ((".webp", "WEBP", WEBP), (".jpg", "JPEG", JPEG)):
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            out[f".{width}{suffix}"] = buffer.getvalue()
    return out


_pictures: dict[tuple[Path, str, str], Picture] = {}  # (cache folder, site base path, key) -> its Picture


class Pictures:
    """Cards' pictures for one build, made together (on every core) and cached."""

    def __init__(self, store: ContentCache | None = None):
        self.store = store or ContentCache(FOLDER)

    def _key(self, source: Path, source_key: str | None) -> str:
        # A cached source is named by its own digest already: no need to read it again.
        return digest(source_key or source, SETTINGS)

    def prepare(self, wanted: dict[str, tuple[Path, str | None]]) -> dict[str, Picture]:
        """site base path -> (source file, its digest if known) in; site base path -> Picture out.
        Sources not yet in the cache are resized in parallel (Pillow works outside the GIL)."""
        keys = {base: self._key(source, source_key) for base, (source, source_key) in wanted.items()}
        missing = {keys[base]: source for base, (source, _) in wanted.items()
                   if not self.store.path(keys[base], f".{WIDTHS[-1]}.jpg").is_file()}
        if missing:
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                for key, variants in zip(missing, pool.map(_variants, missing.values())):
                    for suffix, data in variants.items():
                        self.store.get_or_make(key, lambda data=data: data, suffix)
        return {base: self._picture(base, keys[base]) for base in wanted}

    def _picture(self, base: str, key: str) -> Picture:
        # The same picture as the last time it was asked for: a live preview asks for every card's
        # six files on every save.
        made = _pictures.get((self.store.dir, base, key))
        if made is None:
            made = _pictures[(self.store.dir, base, key)] = self._describe(base, key)
        return made

    def _describe(self, base: str, key: str) -> Picture:
        files, webp, jpeg = {}, [], []
        for width in WIDTHS:
            for suffix, entries in ((".webp", webp), (".jpg", jpeg)):
                path = f"{FOLDER}/{base}-{width}{suffix}"
                files[path] = self.store.path(key, f".{width}{suffix}")
                entries.append((path, width))
        width = WIDTHS[-1]
        return Picture(tuple(webp), tuple(jpeg), width, round(width * RATIO[1] / RATIO[0]), files)
