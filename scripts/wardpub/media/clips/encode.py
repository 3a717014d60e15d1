"""Encoding a clip: raw frames through a pipe into ffmpeg, out as an MP4 every platform accepts.

Owns the encoder and its settings. The ffmpeg is the static build the
`imageio-ffmpeg` wheel ships (libx264 and AAC inside; pinned in
requirements.txt), run as a separate process: frames are drawn in this one
while ffmpeg encodes in its own, on the machine's other core.

What Reels, TikTok and Zalo accept without re-cutting: H.264 High profile,
level 4.0, 4:2:0 (yuv420p) in BT.709 limited range (tagged so), a constant
30 frames a second, 1080×1920, a keyframe every two seconds, an AAC track
(48 kHz stereo; silence unless the spec names licensed music, which then
loops, fades out and ends with the picture) and the index (`moov`) before
the data (`+faststart`) so a phone plays while it downloads.

The same frames give the same bytes: bitexact flags (no encoder version
strings from libavformat), no metadata or creation times, a fixed number of
encoder threads (x264's output depends on it, not on timing). SETTINGS are
part of every clip's cache key, with ffmpeg's version.

The preset and tune were chosen by measurement on these clips (text over
flat colour that changes in a few places at a time): see the README.
"""

from __future__ import annotations

import subprocess
import tempfile
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Iterable, Optional

import imageio_ffmpeg

from .timeline import FPS

WIDTH, HEIGHT = 1080, 1920
SETTINGS = {
    "video": {"codec": "libx264", "profile": "high", "level": "4.0", "preset": "veryfast", "tune": "stillimage",
              "crf": 20, "keyframes": 2 * FPS, "pix_fmt": "yuv420p", "matrix": "bt709", "range": "tv", "threads": 2},
    "audio": {"codec": "aac", "rate": 48000, "channels": 2, "bitrate": "128k", "fade_out": 1.5},
    "container": "mp4 +faststart, bitexact, no metadata",
    # The cover: a PNG to post at full size (the images' encoder); the site's poster, loaded with the page and
    # shown at most 18rem wide: half size, 16 colours (a fast octree keeps the brand's gold within 6 levels,
    # where median cut paled it), lossless WebP, about 10 KB (lossy WebP at quality 80 took 21 KB and
    # blurred the letters; full colour lossless 35 KB). Method 4 takes 20 ms; method 6, 1.3 s for 4% less.
    "cover": {"poster": [WIDTH // 2, HEIGHT // 2], "colours": 16, "quantize": "fast octree",
              "poster_webp": {"lossless": True, "quality": 100, "method": 4}},
}


def ffmpeg() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


@lru_cache(maxsize=1)
def _versions() -> tuple[str, str]:
    return imageio_ffmpeg.get_ffmpeg_version(), version("imageio-ffmpeg")  # (the first runs ffmpeg: once a process)


def settings() -> dict:
    """The settings and the encoder's versions, for cache keys."""
    ffmpeg_version, package = _versions()
    return {**SETTINGS, "ffmpeg": ffmpeg_version, "imageio-ffmpeg": package}


def command(target: Path, frames: int, music: Optional[Path] = None) -> list[str]:
    video, audio = SETTINGS["video"], SETTINGS["audio"]
    seconds = f"{frames / FPS:.6f}"
    if music is None:
        sound = ["-f", "lavfi", "-i", f"anullsrc=channel_layout=stereo:sample_rate={audio['rate']}"]
        shaping: list[str] = []
    else:
        sound = ["-stream_loop", "-1", "-i", str(music)]
        start = max(frames / FPS - audio["fade_out"], 0)
        shaping = ["-af", f"afade=t=out:st={start:.3f}:d={audio['fade_out']}"]
    return [
        ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{WIDTH}x{HEIGHT}", "-framerate", str(FPS), "-i", "pipe:0",
        *sound,
        "-map", "0:v:0", "-map", "1:a:0",
        "-vf", f"scale=out_color_matrix={video['matrix']}:out_range={video['range']}:flags=accurate_rnd+full_chroma_int,"
               f"format={video['pix_fmt']}",
        "-c:v", video["codec"], "-preset", video["preset"], "-tune", video["tune"], "-crf", str(video["crf"]),
        "-profile:v", video["profile"], "-level:v", video["level"], "-g", str(video["keyframes"]),
        "-threads", str(video["threads"]), "-r", str(FPS), "-fps_mode", "cfr",
        "-colorspace", video["matrix"], "-color_primaries", video["matrix"], "-color_trc", video["matrix"],
        "-color_range", video["range"],
        "-c:a", audio["codec"], "-b:a", audio["bitrate"], "-ar", str(audio["rate"]), "-ac", str(audio["channels"]), *shaping,
        "-t", seconds,
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
        "-f", "mp4", str(target),
    ]


class EncodeError(RuntimeError):
    pass


def encode(target: Path, frames: Iterable[bytes], count: int, music: Optional[Path] = None) -> None:
    """Pipe count raw RGB frames into ffmpeg and write the MP4 to target (the caller renames it into place)."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command(target, count, music), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors)
        written = 0
        try:
            for frame in frames:
                process.stdin.write(frame)
                written += 1
            process.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            code = process.wait()
        if code != 0 or written != count:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise EncodeError(f"ffmpeg stopped ({code}) after {written} of {count} frames: {' | '.join(detail)}")


def readable_audio(path: Path) -> bool:
    """Whether ffmpeg can decode the file's first second of sound (a music file's check)."""
    result = subprocess.run([ffmpeg(), "-v", "error", "-i", str(path), "-map", "0:a:0", "-t", "1", "-f", "null", "-"],
                            stdin=subprocess.DEVNULL, capture_output=True)
    return result.returncode == 0
