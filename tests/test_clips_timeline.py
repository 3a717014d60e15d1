"""wardpub.media.clips.timeline: motion as data, checked like templates; the schedule of a clip.

Broken timelines are the project's own, copied and broken one field at a time,
each expecting the line that names the file and the field.
"""

import pytest
import yaml

from clip_kits import load_project, write_project
from infographic_kits import BASE_SPEC, copy_templates, dump
from wardpub import PROJECT_ROOT
from wardpub.media.clips.frames import States
from wardpub.media.clips.measure import BENCH_SPEC
from wardpub.media.clips.timeline import EASINGS, FPS, MAX_SECONDS, MIN_SECONDS, cue_text, ease, load_timelines
from wardpub.media.infographics.templates import load_templates
from wardpub.project import check_project
from mkdocs.config import load_config


@pytest.fixture(scope="module")
def project():
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return check_project(dict(config.extra), config.docs_dir, config.site_url)


@pytest.mark.parametrize("kind", EASINGS)
def test_easing_starts_at_0_ends_at_1_and_never_goes_back(kind):
    values = [ease(kind, n / 100) for n in range(-5, 106)]
    assert values[5] == 0 and values[105] == 1
    assert all(b >= a for a, b in zip(values, values[1:]))


def test_every_clip_of_the_project_lasts_15_to_45_seconds_and_opens_on_its_title(project):
    assert project.problems == []
    assert len(project.clips.jobs) == 2 * len(project.infographics.infographics)
    for job in project.clips.jobs:
        schedule = job.schedule
        assert MIN_SECONDS * FPS <= schedule.frames <= MAX_SECONDS * FPS, job.id
        title = next(n for n, layer in enumerate(job.data["cards"][0][1]["layers"]) if layer.get("name") == "title")
        effects, _ = States(schedule).at(0)
        assert f"t:{title}" not in effects  # drawn as laid out from the first frame
        assert 0 < schedule.cover < schedule.cues[1].start  # the cover: the finished title card, before the content


def test_a_short_clip_is_stretched_to_15_seconds_and_cues_follow_one_another(tmp_path):
    clips = load_project(write_project(tmp_path)).clips
    for job in clips.jobs:
        schedule = job.schedule
        assert schedule.frames == MIN_SECONDS * FPS
        assert schedule.cues[0].start == 0 and schedule.cues[-1].end == schedule.frames
        assert all(a.end == b.start and a.start < a.end for a, b in zip(schedule.cues, schedule.cues[1:]))
    texts = [cue.text for cue in clips.get("ngan-sach", "vi").schedule.cues]
    assert texts[:2] == ["Ngân sách cho giáo dục", "≥ 20% — tổng chi ngân sách"]
    assert texts[2].startswith("Xem đầy đủ, kèm nguồn, trên trang của phường: example.gov.vn/nq71 — Quét mã")


def test_a_clip_too_long_even_read_quickly_is_refused_with_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    eight = {**BASE_SPEC, "template": "points", "figures": [], "sources": [8],
             "alt": {"vi": "Tám ý.", "en": "Eight points."}, "caption": {"vi": "Tám ý.", "en": "Eight points."},
             "points": [{"text": {"vi": f"Ý thứ {n}", "en": f"Point {n}"}} for n in range(1, 9)]}
    config = write_project(tmp_path, {"ngan-sach": eight})
    timeline = tmp_path / "infographics" / "templates" / "clips" / "points.yml"
    data = yaml.safe_load(timeline.read_text(encoding="utf-8"))
    data["steps"][0]["hold"] = 6  # a timeline's own hold stands however long the clip
    timeline.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lines = [str(p) for p in load_project(config).problems]
    assert lines == [f"infographics/ngan-sach.yml: (clip {language}): clip dài 62 giây kể cả khi rút thời gian đọc, tối đa 45 giây. "
                     "Sửa: bớt ý hoặc rút gọn chữ" for language in ("vi", "en")]


def test_cue_text_reads_as_the_screen_does():
    assert cue_text(["1", "Học để hiểu đúng"]) == "1. Học để hiểu đúng"
    assert cue_text(["Xem tại:", "example.gov.vn"]) == "Xem tại: example.gov.vn"
    assert cue_text(["≥ 20%", "tổng chi\u00a0ngân sách", ""]) == "≥ 20% — tổng chi\u00a0ngân sách"


def steps(data, n):
    return data["steps"][n]


T = "infographics/templates/clips"
BROKEN = [
    pytest.param("points", lambda d: steps(d, 0).update(show="diem"),
                 f"{T}/points.yml: steps.0.show: mẫu “points” không có lớp tên “diem” ở khổ clip. "
                 "Sửa: dùng một trong: background, edge, ward, rule, band, sources, title, accent, points", id="unknown-layer"),
    pytest.param("key-figure", lambda d: steps(d, 0).update(motion="zoom"),
                 f"{T}/key-figure.yml: steps.0.motion: “zoom” giá trị không hợp lệ. "
                 "Sửa: chọn một trong: 'fade', 'slide', 'reveal', 'draw', 'count' or 'strike'", id="unknown-motion"),
    pytest.param("quote", lambda d: steps(d, 1).update(motion="strike"),
                 f"{T}/quote.yml: steps.1.motion: lớp “quote” không có gạch ngang (strike) để vẽ. "
                 "Sửa: dùng motion khác, hoặc thêm strike cho lớp chữ trong mẫu", id="strike-without-a-strike"),
    pytest.param("quote", lambda d: steps(d, 1).update(each=True),
                 f"{T}/quote.yml: steps.1.each: lớp “quote” không phải danh sách (stack). "
                 "Sửa: bỏ each, hoặc dùng cho lớp danh sách", id="each-on-a-text-layer"),
    pytest.param("myth-fact", lambda d: steps(d, 0).update(each=True),
                 f"{T}/myth-fact.yml: steps.0.show: each chỉ dùng với một lớp danh sách. Sửa: tách thành nhiều bước",
                 id="each-on-several-layers"),
    pytest.param("timeline", lambda d: steps(d, 0).update({"with": "previous"}),
                 f"{T}/timeline.yml: steps.0.with: bước đầu tiên không có bước nào trước nó. Sửa: xóa with: previous",
                 id="with-on-the-first-step"),
    pytest.param("key-figure", lambda d: steps(d, 0).update(count="nhan"),
                 f"{T}/key-figure.yml: steps.0.count: mục của “figures” không có trường “nhan”. Sửa: dùng một trong: value, label",
                 id="count-of-an-unknown-field"),
    pytest.param("points", lambda d: steps(d, 0).update(replace=True, each=False),
                 f"{T}/points.yml: steps.0: replace chỉ dùng với each: true. Sửa: thêm each: true hoặc bỏ replace", id="replace-without-each"),
]


@pytest.mark.parametrize("name, change, expected", BROKEN)
def test_broken_timeline_is_refused_with_its_line(tmp_path, monkeypatch, name, change, expected):
    monkeypatch.chdir(tmp_path)
    folder = copy_templates(tmp_path / "infographics")
    path = folder / "templates" / "clips" / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    templates, problems = load_templates(folder)
    assert problems == []
    timelines, problems = load_timelines(folder / "templates", templates)
    assert [str(p) for p in problems] == [expected]
    assert name not in timelines


def test_a_template_without_its_timeline_or_a_timeline_without_its_template_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write_project(tmp_path, {"ngan-sach": BENCH_SPEC})
    clips = tmp_path / "infographics" / "templates" / "clips"
    (clips / "key-figure.yml").rename(clips / "con-so.yml")
    lines = [str(p) for p in load_project(config).problems]
    assert lines == [
        f"{T}/con-so.yml: (tên tệp): không có mẫu “con-so” trong infographics/templates/. "
        "Sửa: đặt tên tệp theo mẫu nó dùng cho: clip-end, clip-title, key-figure, myth-fact, points, quote, timeline",
        "infographics/templates/key-figure.yml: (clip): chưa có chuyển động cho clip của mẫu này. "
        f"Sửa: thêm tệp {T}/key-figure.yml",
    ]


def test_the_project_timelines_are_clean():
    templates, problems = load_templates(PROJECT_ROOT / "infographics")
    timelines, more = load_timelines(PROJECT_ROOT / "infographics" / "templates", templates)
    assert problems == more == []
    assert sorted(timelines) == ["clip-end", "clip-title", "key-figure", "myth-fact", "points", "quote", "timeline"]
    assert dump  # (the shared helpers are imported for the cases above)
