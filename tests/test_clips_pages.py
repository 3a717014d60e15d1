"""wardpub.media.clips.pages: the clip under each infographic, downloading nothing before play, captions on."""

from html.parser import HTMLParser

from wardpub.cache import ContentCache
from wardpub.media.clips import output
from wardpub.media.clips.pages import item_section
from wardpub.media.clips.store import ClipCache


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def first(self, tag):
        return next(attrs for name, attrs in self.found if name == tag)


def test_the_clip_offers_a_video_that_waits_for_play_with_captions_on(clip_project):
    project = clip_project.project
    item = project.infographics.infographics[0]
    html = item_section(item, "nghi-quyet-71/diem-moi-dot-pha/", "vi", project)
    parsed = Elements(html)
    video = parsed.first("video")
    assert video["preload"] == "none" and "controls" in video and "autoplay" not in video
    assert video["poster"] == "../../clips/ngan-sach/ngan-sach-vi-cover.webp"
    assert video["aria-label"] == "Clip 15 giây: Ngân sách cho giáo dục"
    assert parsed.first("source") == {"src": "../../clips/ngan-sach/ngan-sach-vi.mp4", "type": "video/mp4"}
    track = parsed.first("track")
    assert (track["kind"], track["srclang"], track["src"]) == ("captions", "vi", "../../clips/ngan-sach/ngan-sach-vi.vtt")
    assert "default" in track
    links = [attrs["href"] for name, attrs in parsed.found if name == "a"]
    assert links == ["../../clips/ngan-sach/ngan-sach-vi.mp4", "../../clips/ngan-sach/ngan-sach-vi.srt",
                     "../../clips/ngan-sach/ngan-sach-vi-cover.png"]
    assert "\n" not in html  # one HTML block in the page's Markdown


def test_a_clip_not_rendered_is_not_offered(clip_project, tmp_path, monkeypatch):
    project = clip_project.project
    item = project.infographics.infographics[0]
    monkeypatch.setattr(output, "_published", [None, {}])  # no build under way: the cache decides
    monkeypatch.setattr(output, "ClipCache", lambda: ClipCache(ContentCache("clips", tmp_path)))  # an empty cache
    assert item_section(item, "nghi-quyet-71/diem-moi-dot-pha/", "vi", project) == ""
    assert item_section(item, "nghi-quyet-71/", "vi", type("NoClips", (), {"clips": None})()) == ""
