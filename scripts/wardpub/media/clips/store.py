"""Where rendered clips live: the content-addressed cache in .cache/clips/.

Owns the files of each clip job, all named by the job's key (a digest of
everything the clip depends on: its cards as resolved, its schedule, the
encoder's settings and version, the music's bytes): the MP4, its SRT and
WebVTT subtitles, the cover as PNG (to post) and WebP (the site's poster),
and a JSON record of what was made (length, frames, size, cues). A clip
whose files are all there is never rendered again; a changed spec changes
only its own keys. Also remembers which cards have been laid out without a
problem, so a build that renders no clip still refuses a text that cannot
fit without laying every card out again.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...cache import ContentCache, write_atomic

SUFFIXES = (".mp4", ".srt", ".vtt", ".png", ".webp", ".json")


class ClipCache:
    def __init__(self, store: ContentCache | None = None):
        self.store = store or ContentCache("clips")

    def path(self, key: str, suffix: str) -> Path:
        return self.store.path(key, suffix)

    def has(self, key: str) -> bool:
        return all(self.path(key, suffix).is_file() for suffix in SUFFIXES)

    def record(self, key: str) -> dict:
        return json.loads(self.path(key, ".json").read_text(encoding="utf-8"))

    def fitted(self, card_key: str) -> bool:
        return self.store.path(card_key, ".fits").is_file()

    def mark_fitted(self, card_key: str) -> None:
        write_atomic(self.store.path(card_key, ".fits"), b"")
