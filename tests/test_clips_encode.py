"""wardpub.media.clips.encode (and the clip it makes): what every platform accepts, read back with real media libraries.

One real 15 s clip is rendered per test run (the `clip_project` fixture, the
clip `make bench` times); PyAV (FFmpeg's own libraries) probes and decodes
it, zxing-cpp reads its QR code, srt and webvtt-py read its subtitles.
Determinism and music are checked on two-second excerpts.
"""

import subprocess
from dataclasses import replace
from fractions import Fraction

import av
import numpy as np
import pytest
import srt
import webvtt
import zxingcpp

from clip_kits import audio_level, boxes, decoded_frames, psnr
from wardpub.media.clips import encode
from wardpub.media.clips.frames import clip_page, frame_image, frames
from wardpub.media.clips.store import ClipCache
from wardpub.media.clips.timeline import FPS, MAX_SECONDS, MIN_SECONDS, Schedule
from wardpub.media.infographics.render import plan


def mp4(clip_project):
    return ClipCache().path(clip_project.job.key, ".mp4")


def test_the_clip_is_what_every_platform_accepts(clip_project):
    path = mp4(clip_project)
    data = path.read_bytes()
    assert boxes(data)[:2] == ["ftyp", "moov"] and boxes(data).index("moov") < boxes(data).index("mdat")  # +faststart
    assert len(data) < 50_000_000
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.name, video.codec_context.profile) == ("h264", "High")
        assert (video.codec_context.width, video.codec_context.height) == (1080, 1920)
        assert video.codec_context.format.name == "yuv420p"
        assert video.average_rate == 30 and video.guessed_rate == 30
        assert (audio.codec_context.name, audio.rate, audio.codec_context.channels) == ("aac", 48000, 2)
        assert MIN_SECONDS <= container.duration / 1e6 <= MAX_SECONDS
        times = [frame.pts * frame.time_base for frame in container.decode(video=0)]
    steps = {b - a for a, b in zip(times, times[1:])}
    assert steps == {Fraction(1, FPS)} and len(times) == clip_project.job.schedule.frames  # a constant 30 frames a second
    assert float(times[-1]) + 1 / FPS == pytest.approx(clip_project.job.seconds)


def test_decoded_frames_are_the_frames_the_engine_drew(clip_project):
    job = clip_project.job
    page = clip_page([(prefix, plan(card)[0]) for prefix, card in job.data["cards"]])
    schedule = job.schedule
    numbers = [0, schedule.frames // 2, schedule.frames - 1]
    decoded = decoded_frames(mp4(clip_project), numbers)
    for number in numbers:
        assert psnr(decoded[number], frame_image(page, schedule, number)) > 32, number  # 4:2:0 costs the colour edges a little
    first = np.asarray(decoded[0], dtype=np.float64)
    assert first.std() > 20 and first.mean() > 40  # the first frame is a title card, not black


def test_the_closing_cards_qr_code_opens_the_item(clip_project):
    job, project = clip_project.job, clip_project.project
    last = decoded_frames(mp4(clip_project), [job.schedule.frames - 1])[job.schedule.frames - 1]
    found = [code.text for code in zxingcpp.read_barcodes(last)]
    item = project.infographics.infographics[0]
    assert found == [item.short["vi"].url(project.site_url)]
    assert item.short["vi"].target == f"{item.pages['vi']}#{item.id}"  # the short link leads to the item on its page


def test_subtitles_read_back_with_real_readers(clip_project):
    cache, job = ClipCache(), clip_project.job
    cues = job.schedule.cues
    parsed = list(srt.parse(cache.path(job.key, ".srt").read_text(encoding="utf-8")))
    assert [" ".join(s.content.split("\n")) for s in parsed] == [c.text for c in cues]
    assert [round(s.start.total_seconds() * FPS) for s in parsed] == [c.start for c in cues]
    captions = webvtt.read(str(cache.path(job.key, ".vtt")))
    assert [c.text.replace("\n", " ") for c in captions] == [c.text for c in cues]
    assert [c.text for c in webvtt.from_srt(str(cache.path(job.key, ".srt")))] == [c.text for c in captions]
    with av.open(str(cache.path(job.key, ".vtt"))) as container:  # FFmpeg's WebVTT reader agrees
        packets = [p for p in container.demux(subtitles=0) if p.size]  # (the last, empty one flushes the reader)
        assert [bytes(p).decode("utf-8").replace("\n", " ") for p in packets] == [c.text for c in cues]


def excerpt(clip_project, frames_wanted: int = 2 * FPS) -> tuple:
    """The clip's page and a schedule of its first seconds, starting with the figure counting up."""
    job = clip_project.job
    page = clip_page([(prefix, plan(card)[0]) for prefix, card in job.data["cards"]])
    full = job.schedule
    count = next(m for m in full.motions if m.kind == "count")
    shifted = [replace(m, start=m.start - count.start + 10) for m in full.motions]
    return page, Schedule(shifted, [], frames_wanted, 0)


def encoded(page, schedule, target, music=None) -> bytes:
    encode.encode(target, (data for _, data in frames(page, schedule)), schedule.frames, music)
    return target.read_bytes()


def test_the_same_frames_give_the_same_bytes(clip_project, tmp_path):
    page, schedule = excerpt(clip_project)
    first = encoded(page, schedule, tmp_path / "a.mp4")
    assert encoded(page, schedule, tmp_path / "b.mp4") == first
    assert encoded(page, replace(schedule, frames=schedule.frames + 1), tmp_path / "c.mp4") != first


def test_licensed_music_is_mixed_in_and_the_track_is_silent_without(clip_project, tmp_path):
    tone = tmp_path / "nhac.wav"
    subprocess.run([encode.ffmpeg(), "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", str(tone)], check=True)
    page, schedule = excerpt(clip_project)
    encoded(page, schedule, tmp_path / "music.mp4", tone)
    encoded(page, schedule, tmp_path / "silent.mp4")
    assert audio_level(tmp_path / "music.mp4") > 0.01  # one second of music, looped for two
    assert audio_level(tmp_path / "silent.mp4") == 0
    with av.open(str(tmp_path / "music.mp4")) as container:
        assert container.streams.audio[0].codec_context.name == "aac"
        assert container.duration / 1e6 == pytest.approx(2, abs=0.05)
