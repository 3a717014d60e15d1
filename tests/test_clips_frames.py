"""wardpub.media.clips.frames: drawing only what changes gives the frames the engine draws, one template of each kind.

The reference is the plain way: the whole clip page painted by the raster
backend with every group's effect (wardpub.media.infographics.raster). Frames are
compared by PSNR, at the middle of every kind of motion and on held frames.
"""

import numpy as np
import pytest
from mkdocs.config import load_config

from clip_kits import psnr
from wardpub import PROJECT_ROOT
from wardpub.media.clips import frames as clip_frames
from wardpub.media.clips.frames import FramePainter, States, clip_page, frame_image, reference_frame
from wardpub.media.infographics.render import plan
from wardpub.project import check_project

# One infographic of each template, so every kind of motion is drawn: count-up, points replacing
# one another, a timeline drawn downwards, a claim struck out, a quote revealed.
ONE_OF_EACH = {"key-figure": "ngan-sach-cho-giao-duc", "points": "chin-tu-khoa", "timeline": "moc-2030-2035-2045",
               "myth-fact": "tin-sai-ngan-sach-5-phan-tram", "quote": "thay-ra-thay-tro-ra-tro"}


@pytest.fixture(scope="module")
def clips():
    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    return check_project(dict(config.extra), config.docs_dir, config.site_url).clips


def laid_out(job):
    return clip_page([(prefix, plan(card)[0]) for prefix, card in job.data["cards"]])


@pytest.mark.parametrize("template, ident", list(ONE_OF_EACH.items()))
def test_drawing_only_what_changes_gives_the_frames_the_engine_draws(clips, template, ident):
    job = clips.get(ident, "vi")
    page, schedule = laid_out(job), job.schedule
    middles = {}
    for motion in schedule.motions:  # the middle of the first motion of each kind
        middles.setdefault(motion.kind, motion.start + motion.frames // 2)
    picks = sorted({0, schedule.cover, schedule.frames // 2, schedule.frames - 1, *middles.values()})
    painter, states = FramePainter(page), States(schedule)
    for number in picks:
        effects, counts = states.at(number)
        assert psnr(painter.frame(effects, counts), reference_frame(page, effects, counts)) > 50, (ident, number)
    kinds = {"key-figure": "count", "points": "leave", "timeline": "draw", "myth-fact": "strike", "quote": "reveal"}
    assert kinds[template] in middles


def test_a_held_frame_is_not_drawn_again(clips, monkeypatch):
    job = clips.get("chin-tu-khoa", "en")
    drawn = []
    original = FramePainter.frame
    monkeypatch.setattr(FramePainter, "frame", lambda self, *args: drawn.append(1) or original(self, *args))
    out = list(clip_frames.frames(laid_out(job), job.schedule))
    assert len(out) == job.schedule.frames
    assert len(drawn) < len(out) / 3  # most frames of a clip are held
    repeats = sum(a[1] is b[1] for a, b in zip(out, out[1:]))
    assert repeats == len(out) - len(drawn)


def test_a_struck_claim_is_struck_only_once_its_step_comes(clips):
    job = clips.get("tin-sai-ngan-sach-5-phan-tram", "en")
    strike = next(m for m in job.schedule.motions if m.kind == "strike")
    claim = strike.key.removesuffix(".strike")
    states = States(job.schedule)
    before, _ = states.at(strike.start - 1)
    after, _ = states.at(strike.start + strike.frames)
    assert before[strike.key].opacity == 0 and claim not in before  # the claim shows, unstruck
    assert strike.key not in after and claim not in after


def test_figures_count_up_from_zero(clips):
    job = clips.get("ngan-sach-cho-giao-duc", "vi")
    count = next(m for m in job.schedule.motions if m.kind == "count")
    states = States(job.schedule)
    _, start = states.at(count.start)
    _, middle = states.at(count.start + count.frames // 2)
    _, end = states.at(count.start + count.frames)
    assert start[count.key] == ("value", 0.0)
    assert 0.3 < middle[count.key][1] < 1 and count.key not in end


@pytest.mark.parametrize("ident", ["ngan-sach-cho-giao-duc", "chin-tu-khoa"])  # the next card: the same red, and paper
def test_the_first_frame_is_the_readable_title_card(clips, ident):
    job = clips.get(ident, "en")
    page, schedule = laid_out(job), job.schedule
    prefix, title_card = job.data["cards"][0]
    alone = clip_frames.rasterise(plan(title_card)[0])  # the title card drawn on its own
    for number in (0, schedule.cover):
        frame = frame_image(page, schedule, number)
        pixels = np.asarray(frame, dtype=np.float64)
        assert pixels.std() > 20 and pixels.mean() > 40  # not black, not one flat colour
        for block in page.text_blocks():
            if block.field in ("title.en", "kicker.en"):
                assert psnr(frame.crop(block.box), alone.crop(block.box)) == float("inf"), (number, block.field)
