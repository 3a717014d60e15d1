"""wardpub.media.clips.kit: every infographic's clips resolved and keyed, and the one line each mistake gives.

Keys decide what is rendered again: a changed spec changes only its own clips
(in the languages whose words changed); a timeline, the encoder's settings or
the music's bytes change the clips that use them. Failure cases are small
projects with the project's templates, each expecting its exact line.
"""

import subprocess

import pytest
import yaml

from clip_kits import load_project, write_project
from infographic_kits import BASE_SPEC, SITE_URL, TEST_WARD, copy_templates, dump, spec
from wardpub.cache import ContentCache
from wardpub.media.clips import encode
from wardpub.media.clips.kit import check_clips
from wardpub.media.clips.store import ClipCache
from wardpub.media.infographics.resolve import resolve_kit
from wardpub.media.infographics.specs import load_kit
from wardpub.data.registries import load_registries

REGISTRIES = load_registries()
F = "infographics/ngan-sach.yml"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    infographics = copy_templates(tmp_path / "infographics")
    (infographics / "ngan-sach.yml").write_text(dump(spec()), encoding="utf-8")
    (infographics / "ba-viec.yml").write_text(dump({**BASE_SPEC, "id": "ba-viec", "template": "points", "figures": [],
                                                    "sources": [8], "points": [{"text": {"vi": "Học tập", "en": "Study"}},
                                                                               {"text": {"vi": "Tuyên truyền", "en": "Share"}}]}),
                                              encoding="utf-8")
    return infographics


def clips(folder, site_url=SITE_URL):
    kit, problems = load_kit(folder, REGISTRIES)
    assert problems == []
    share_kit = resolve_kit(kit, TEST_WARD, REGISTRIES, SITE_URL)
    return check_clips(folder.parent, share_kit, TEST_WARD, REGISTRIES, site_url,
                       ClipCache(ContentCache("clips", folder.parent / "cache")))


def keys(folder) -> dict[str, str]:
    kit, problems = clips(folder)
    assert problems == []
    return {f"{job.id} {job.language}": job.key for job in kit.jobs}


def edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(dump(data), encoding="utf-8")


def changed(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before if before[name] != after[name])


def test_every_infographic_gets_a_clip_in_each_language_keyed_on_everything_it_shows(folder):
    first = keys(folder)
    assert sorted(first) == ["ba-viec en", "ba-viec vi", "ngan-sach en", "ngan-sach vi"]
    assert keys(folder) == first
    edit(folder / "ngan-sach.yml", lambda d: d["title"].update(en="The budget for education"))
    assert changed(first, keys(folder)) == ["ngan-sach en"]
    edit(folder / "ngan-sach.yml", lambda d: d.update(alt={"vi": "Một mô tả khác.", "en": "Another description."}))
    assert changed(first, keys(folder)) == ["ngan-sach en"]  # alt text is not drawn


def test_a_timeline_changes_the_clips_of_its_template_and_the_encoder_every_clip(folder, monkeypatch):
    first = keys(folder)
    edit(folder / "templates" / "clips" / "points.yml", lambda d: d["steps"][0].update(duration=0.9))
    assert changed(first, keys(folder)) == ["ba-viec en", "ba-viec vi"]
    second = keys(folder)
    monkeypatch.setitem(encode.SETTINGS["video"], "crf", 18)
    assert changed(second, keys(folder)) == sorted(second)


def test_text_that_cannot_fit_a_clip_frame_is_refused_with_one_line(folder):
    edit(folder / "templates" / "key-figure.yml",
         lambda d: next(l for l in d["layers"] if l.get("name") == "title")["at"]["clip"].update(box=[64, 306, 866, 30]))
    kit, problems = clips(folder)
    assert [str(p) for p in problems] == [
        f"{F}: title.{language}: không vừa khung ở khổ clip (tràn {excess} px theo chiều cao ở cỡ chữ nhỏ nhất 40 px). "
        f"Sửa: rút gọn khoảng {cut} ký tự" for language, excess, cut in (("vi", 21, 10), ("en", 21, 9))]
    assert clips(folder, site_url=None)[1] == []  # without the real address, fits are not judged (as for images)


def tone(path):
    subprocess.run([encode.ffmpeg(), "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", str(path)], check=True)


def test_licensed_music_is_recorded_and_keyed_on_its_bytes(folder):
    (folder / "music").mkdir()
    tone(folder / "music" / "nhac-nen.wav")
    music = {"file": "music/nhac-nen.wav", "licence": "CC BY 4.0", "holder": "Nhạc sĩ Nguyễn Văn A"}
    edit(folder / "ngan-sach.yml", lambda d: d.update(music=music))
    kit, problems = clips(folder)
    assert problems == []
    job = kit.get("ngan-sach", "vi")
    assert job.music.licence == "CC BY 4.0" and job.music_path == folder / "music" / "nhac-nen.wav"
    first = keys(folder)
    (folder / "music" / "nhac-nen.wav").write_bytes((folder / "music" / "nhac-nen.wav").read_bytes()[:-100])
    assert changed(first, keys(folder)) == ["ngan-sach en", "ngan-sach vi"]


BAD_MUSIC = [
    pytest.param({"file": "music/khong-co.m4a", "licence": "CC BY 4.0", "holder": "Nhạc sĩ A"}, None,
                 f"{F}: music.file: không có tệp infographics/music/khong-co.m4a. "
                 "Sửa: chép tệp nhạc vào infographics/music/ hoặc xóa music", id="missing-file"),
    pytest.param({"file": "music/nhac.mp3", "licence": "CC BY 4.0", "holder": "Nhạc sĩ A"}, b"not sound",
                 f"{F}: music.file: không đọc được âm thanh trong infographics/music/nhac.mp3. "
                 "Sửa: xuất lại tệp nhạc dạng .m4a hoặc .mp3", id="not-audio"),
    pytest.param({"file": "../nhac nền.mp3", "licence": "CC BY 4.0", "holder": "Nhạc sĩ A"}, None,
                 f"{F}: music.file: “../nhac nền.mp3” không phải tệp nhạc trong thư mục infographics/music/. "
                 "Sửa: chép tệp vào infographics/music/ (tên không dấu, đuôi .m4a, .mp3, .wav...) rồi viết ví dụ music/nhac-nen.m4a",
                 id="outside-the-music-folder"),
    pytest.param({"file": "music/nhac.mp3", "holder": "Nhạc sĩ A"}, None,
                 f"{F}: music.licence: thiếu trường bắt buộc. Sửa: thêm trường này", id="no-licence"),
]


@pytest.mark.parametrize("music, content, expected", BAD_MUSIC)
def test_music_without_its_file_or_licence_is_refused_with_one_line(tmp_path, monkeypatch, music, content, expected):
    monkeypatch.chdir(tmp_path)
    config = write_project(tmp_path, {"ngan-sach": {**spec(), "music": music}})
    if content is not None:
        (tmp_path / "infographics" / "music").mkdir()
        (tmp_path / "infographics" / music["file"]).write_bytes(content)
    assert [str(p) for p in load_project(config).problems] == [expected]


def test_every_templates_examples_fit_the_clip_format():
    from wardpub import PROJECT_ROOT
    from wardpub.media.infographics.render import plan
    from wardpub.media.infographics.resolve import brand_colours, image_context, resolve_image
    from wardpub.media.infographics.templates import CLIP_FORMAT, load_templates

    templates, _ = load_templates(PROJECT_ROOT / "infographics")
    laid = 0
    for template in templates.values():
        if CLIP_FORMAT not in template.formats:
            continue
        for example, content in template.examples.items():
            for language in ("vi", "en"):
                context = image_context(TEST_WARD, REGISTRIES, SITE_URL, content, language, None, SITE_URL + "q/abcde/")
                data = resolve_image(template, template.formats[CLIP_FORMAT], content, language, context, brand_colours(TEST_WARD))
                assert plan(data)[1] == [], (template.name, example, language)
                laid += 1
    assert laid >= 2 * 7
