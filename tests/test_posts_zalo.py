"""wardpub.site.posts.zalo: the Zalo OA article draft and the JSON Schema it is held to."""

import copy
import json

import pytest
from jsonschema import Draft7Validator

from wardpub.site.posts.texts import compose
from wardpub.site.posts.zalo import SCHEMA_FILE, Image, article_draft, draft_problems, validator

from test_posts_texts import SITE, subject

COVER = Image(SITE + "infographics/x/x-1200x630-vi.png", "Ảnh bìa")
BODY = [Image(SITE + "infographics/x/x-1080x1080-vi.png", "Ba con số về ngân sách")]


def draft(**fields):
    item = subject(**fields)
    return item, article_draft(item, compose(item, SITE, "nq71"), "Phường [TÊN PHƯỜNG]", COVER, BODY, ["Nguồn: Dân trí"])


SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_json_schema():
    Draft7Validator.check_schema(SCHEMA)


def test_a_draft_validates_in_both_validators_and_ends_with_the_tagged_link():
    item, made = draft()
    assert draft_problems(item, made) == [] and list(Draft7Validator(SCHEMA).iter_errors(made)) == []
    assert validator()(made) == made
    assert made["status"] == "hide" and made["cover"]["photo_url"] == COVER.url
    assert [b["type"] for b in made["body"]] == ["text", "image", "text", "text"]
    assert made["body"][-1]["content"].endswith(made["tracking_link"]) and "utm_source=zalo" in made["tracking_link"]


def test_a_long_summary_is_cut_at_a_sentence_for_the_description():
    item, made = draft(summary="Câu thứ nhất khá dài về ngân sách giáo dục. " * 12)
    assert len(made["description"]) <= 300 and made["description"].endswith(".")
    assert draft_problems(item, made) == []


def test_a_myth_fact_drafts_title_states_the_fact():
    _, made = draft(title="Trường tư bị đóng cửa?", fallback_hook="Đây là tin bịa đặt.", summary="Tin đồn " + "dài " * 40 + "là sai.")
    assert made["title"] == "Đây là tin bịa đặt."


@pytest.mark.parametrize("change, field", [
    (lambda d: d.update(title="x" * 151), "title (vi)"),
    (lambda d: d.update(description="x" * 301), "caption (vi)"),
    (lambda d: d.update(author="x" * 51), "author (vi)"),
    (lambda d: d.update(body=[b for b in d["body"] if b["type"] == "text"]), "body (vi)"),
    (lambda d: d["cover"].update(photo_url="anh-bia.png"), "cover.photo_url (vi)"),
    (lambda d: d.update(status="draft"), "status (vi)"),
    (lambda d: d.update(extra="x"), "(bài viết Zalo) (vi)"),
])
def test_what_zalo_would_refuse_is_one_line(change, field):
    item, made = draft()
    bad = copy.deepcopy(made)
    change(bad)
    problems = draft_problems(item, bad)
    assert [p.field for p in problems] == [field]
    assert len(list(Draft7Validator(SCHEMA).iter_errors(bad))) == 1  # the reference validator agrees
    assert problems[0].file == "infographics/ngan-sach.yml"
