"""wardpub.media.clips.output: rendered once, offered only once rendered, listed in the manifest."""

import json
import shutil

from wardpub.cache import ContentCache
from wardpub.media.clips import output
from wardpub.media.clips.output import kit_files, manifest, present, render_clips
from wardpub.media.clips.store import SUFFIXES, ClipCache


def own_cache(clip_project, tmp_path) -> ClipCache:
    """A cache holding only the rendered Vietnamese clip (the shared one may hold others)."""
    cache = ClipCache(ContentCache("clips", tmp_path))
    for suffix in SUFFIXES:
        target = cache.path(clip_project.job.key, suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ClipCache().path(clip_project.job.key, suffix), target)
    return cache


def test_an_unchanged_rebuild_renders_no_clip(clip_project):
    report = render_clips([clip_project.job], progress=False)
    assert (report.rendered, report.cached) == ([], 1)


def test_only_rendered_clips_are_published_and_listed(clip_project, tmp_path):
    cache = own_cache(clip_project, tmp_path)
    kit, project = clip_project.project.clips, clip_project.project
    assert [f"{job.id} {job.language}" for job in present(kit, cache)] == ["ngan-sach vi"]
    files = kit_files(kit, project.infographics, cache)
    assert sorted(files) == ["clips/manifest.json"] + [f"clips/ngan-sach/ngan-sach-vi{end}" for end in
                                                       ("-cover.png", "-cover.webp", ".mp4", ".srt", ".vtt")]
    listed = json.loads(files["clips/manifest.json"].read_text(encoding="utf-8"))
    assert listed == manifest(kit, project.infographics, cache)
    assert (listed["count"], listed["of"], listed["not_rendered"]) == (1, 2, [{"id": "ngan-sach", "language": "en"}])
    clip = listed["clips"][0]
    assert (clip["id"], clip["language"], clip["duration"], clip["width"], clip["height"], clip["fps"]) == ("ngan-sach", "vi", 15.0, 1080, 1920, 30)
    assert clip["bytes"] == cache.path(clip_project.job.key, ".mp4").stat().st_size and clip["type"] == "video/mp4"
    assert clip["subtitles"]["vtt"]["path"] == "clips/ngan-sach/ngan-sach-vi.vtt" and clip["cover"]["webp"]["type"] == "image/webp"
    assert clip["page"] == "https://example.gov.vn/nq71/nghi-quyet-71/diem-moi-dot-pha/#ngan-sach"
    assert clip["short_link"].startswith("https://example.gov.vn/nq71/q/") and clip["music"] is None


def test_a_build_renders_clips_only_when_asked(clip_project, monkeypatch):
    rendered = []
    monkeypatch.setattr(output, "render_clips", lambda jobs, *args, **kwargs: rendered.append(jobs))
    monkeypatch.setattr(output, "_published", [None, {}])
    monkeypatch.delenv(output.SWITCH, raising=False)
    output.site_files(clip_project.project)
    assert rendered == []
    monkeypatch.setattr(output, "_published", [None, {}])
    monkeypatch.setenv(output.SWITCH, "1")
    output.site_files(clip_project.project)
    assert rendered == [clip_project.project.clips.jobs]


def test_a_render_stores_every_file_in_its_own_cache_folder_and_nowhere_else(clip_project, tmp_path):
    import copy
    import os
    import time

    from wardpub.cache import prune
    from wardpub.media.clips.output import render_clip

    data = copy.deepcopy(clip_project.job.data)
    data["schedule"].update(frames=30, cover=0, cues=[[0, 30, "Ngân sách cho giáo dục"]])  # one second is enough here
    cache = ClipCache(ContentCache("clips", tmp_path))
    record = render_clip(data, "ab" * 32, None, str(cache.store.dir))
    assert cache.has("ab" * 32) and record["frames"] == 30
    assert sorted(p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*") if p.is_file()) == ["clips"] * len(SUFFIXES)
    other = tmp_path / "another-tool" / "kept.bin"  # a folder of the cache no clip uses
    other.parent.mkdir()
    other.write_bytes(b"x")
    os.utime(other, (time.time() - 10 ** 7, time.time() - 10 ** 7))
    prune(tmp_path)
    assert other.is_file()
