"""A clip's subtitles: the texts as they appear on screen, timed, as SRT and WebVTT.

Owns writing the cues of a schedule (wardpub.media.clips.timeline: one cue per
step that brings words, from the moment they appear until the next words do)
in the two formats the platforms and browsers read: SRT (Facebook and
YouTube uploads, most editors) written by `srt`, and WebVTT (the site's
`<track kind="captions">`) written by `webvtt-py`. Lines are wrapped at
LINE characters, at spaces only; text stays NFC.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import unicodedata

import srt
import webvtt

from .timeline import FPS, Cue

LINE = 42  # characters a subtitle line holds comfortably on a phone


def lines(text: str) -> str:
    """Wrapped at spaces; a no-break space (a "~" tie in the spec) keeps its words on one line."""
    text = unicodedata.normalize("NFC", text)
    return "\n".join(textwrap.wrap(text, LINE, break_long_words=False, break_on_hyphens=False))


def _time(frame: int) -> dt.timedelta:
    return dt.timedelta(milliseconds=round(frame * 1000 / FPS))


def _vtt_time(frame: int) -> str:
    millis = round(frame * 1000 / FPS)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def srt_text(cues: list[Cue]) -> str:
    return srt.compose([srt.Subtitle(n, _time(cue.start), _time(cue.end), lines(cue.text)) for n, cue in enumerate(cues, start=1)],
                       reindex=False)


def vtt_text(cues: list[Cue]) -> str:
    captions = webvtt.WebVTT(captions=[webvtt.Caption(_vtt_time(cue.start), _vtt_time(cue.end), lines(cue.text)) for cue in cues])
    return captions.content
