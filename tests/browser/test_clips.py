"""A clip on its infographic's content page, in a real Chromium: nothing of it loads before play.

The small project of the `clip_project` fixture (one key figure, its
Vietnamese clip rendered) is built as the site is, served under a sub-path
and visited on a phone: the page passes the phone checks and axe; the poster
shows; no request for the MP4 until the reader presses play; the captions
are on by default and read the clip's cues.
"""

import urllib.request

import pytest

from wardpub.tools.devserver import serve_site
from wardpub.site.serving import run_nginx
from wardpub.language import t

from pagetools import assert_clean_on_a_phone, axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def clip_site(clip_project_site):
    with serve_site(clip_project_site, "/nq71/") as url:
        yield url


def test_the_video_loads_nothing_before_play_and_plays_with_captions_on(visit, clip_site):
    page, recorder = visit(clip_site + "nghi-quyet-71/diem-moi-dot-pha/")
    assert_clean_on_a_phone(page, recorder, clip_site)
    assert axe_violations(page) == []
    video = page.locator("video.ward-clip__video")
    assert video.count() == 1
    assert [u for u in recorder.requests if u.endswith(".mp4")] == []
    assert any(u.endswith("ngan-sach-vi-cover.webp") for u in recorder.requests)  # the poster shows
    assert page.locator(".ward-clip__label").inner_text() == t("clips.label", "vi", seconds=15)
    with page.expect_request(lambda request: request.url.endswith("/clips/ngan-sach/ngan-sach-vi.mp4")):
        page.evaluate("document.querySelector('video.ward-clip__video').play().catch(() => {})")
    page.wait_for_function("document.querySelector('video.ward-clip__video').textTracks[0].cues?.length > 0")
    track = page.evaluate("""() => { const track = document.querySelector('video.ward-clip__video').textTracks[0];
        return {mode: track.mode, kind: track.kind, language: track.language, first: track.cues[0].text}; }""")
    assert track == {"mode": "showing", "kind": "captions", "language": "vi", "first": "Ngân sách cho giáo dục"}
    assert recorder.foreign_requests(clip_site) == []


def test_the_clip_files_are_served_with_their_types(visit, clip_site):
    page, _ = visit(clip_site + "nghi-quyet-71/diem-moi-dot-pha/")
    for link, kind in (("ngan-sach-vi.mp4", "video/mp4"), ("ngan-sach-vi.vtt", "text/vtt"), ("ngan-sach-vi-cover.png", "image/png")):
        response = page.request.get(clip_site + "clips/ngan-sach/" + link)
        assert response.status == 200 and response.headers["content-type"].startswith(kind)
    manifest = page.request.get(clip_site + "clips/manifest.json").json()
    assert [(c["id"], c["language"]) for c in manifest["clips"]] == [("ngan-sach", "vi")] or manifest["count"] == 2


def test_production_serves_clips_with_their_types_and_in_ranges(clip_project_site):
    with run_nginx(clip_project_site, "https://example.gov.vn/nq71/", []) as url:
        for name, kind in (("ngan-sach-vi.vtt", "text/vtt; charset=utf-8"), ("ngan-sach-vi.srt", "application/x-subrip; charset=utf-8"),
                           ("ngan-sach-vi.mp4", "video/mp4")):
            with urllib.request.urlopen(url + "clips/ngan-sach/" + name) as response:
                assert response.headers["Content-Type"] == kind
                assert response.headers["Cache-Control"] == "public, max-age=86400"
                assert response.headers["X-Content-Type-Options"] == "nosniff"  # the server's headers still apply
        request = urllib.request.Request(url + "clips/ngan-sach/ngan-sach-vi.mp4", headers={"Range": "bytes=0-99"})
        with urllib.request.urlopen(request) as response:  # phones seek and stream in ranges
            assert response.status == 206 and len(response.read()) == 100
