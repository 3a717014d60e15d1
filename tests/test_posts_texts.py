"""wardpub.site.posts.texts (and .campaign): the words of each post, their limits, their tagged links."""

from urllib.parse import parse_qs, urlsplit

import pytest

from wardpub.site.posts.campaign import load_campaign
from wardpub.data.post_limits import HOOK_MAX, ZALO_MESSAGE_MAX
from wardpub.site.posts.texts import Subject, compose, hook_and_body, limit_problems, measures, sentences, tagged

SITE = "https://example.gov.vn/nq71/"


def subject(**fields) -> Subject:
    values = {"kind": "infographic", "id": "ngan-sach", "language": "vi", "title": "Ngân sách cho giáo dục",
              "summary": "Tối thiểu 20% tổng chi ngân sách nhà nước. Trong đó 5% cho đầu tư.",
              "hashtags": ("NghiQuyet71", "GiaoDuc"), "page": "nghi-quyet-71/diem-moi-dot-pha/#ngan-sach",
              "file": "infographics/ngan-sach.yml", **fields}
    return Subject(**values)


def test_links_carry_the_utm_tags_before_the_anchor():
    url = tagged(SITE, "nghi-quyet-71/diem-moi-dot-pha/#ngan-sach", "facebook", "nq71", "ngan-sach")
    parts = urlsplit(url)
    assert parts.fragment == "ngan-sach" and parts.path == "/nq71/nghi-quyet-71/diem-moi-dot-pha/"
    assert parse_qs(parts.query) == {"utm_source": ["facebook"], "utm_medium": ["social"],
                                     "utm_campaign": ["nq71"], "utm_content": ["ngan-sach"]}
    assert "#" not in tagged(SITE, "tin-tuc/2025/x/", "zalo", "nq71", "x")


def test_sentences_do_not_split_numbers_dates_or_document_numbers():
    text = "Nghị quyết 71-NQ/TW ngày 22/8/2025 dành 0,8% cho nghiên cứu. “Đúng” là vậy. Xong!"
    assert sentences(text) == ["Nghị quyết 71-NQ/TW ngày 22/8/2025 dành 0,8% cho nghiên cứu.", "“Đúng” là vậy.", "Xong!"]


def test_infographic_hook_is_the_captions_first_sentence_and_the_body_the_rest():
    hook, body = hook_and_body(subject())
    assert hook == "Tối thiểu 20% tổng chi ngân sách nhà nước." and body == "Trong đó 5% cho đầu tư."


def test_a_long_first_sentence_gives_way_to_the_title():
    long = subject(summary="Một câu rất dài " + "và dài " * 30 + "kết thúc.")
    assert hook_and_body(long)[0] == "Ngân sách cho giáo dục"


def test_a_myth_fact_card_never_opens_on_the_false_claim():
    myth = subject(title="Trường tư thục bị đóng cửa?", summary="Tin đồn " + "rất dài " * 30 + "là sai.",
                   fallback_hook="Bộ Giáo dục và Đào tạo khẳng định đây là tin bịa đặt. Thay đổi thật là khác.")
    assert hook_and_body(myth)[0] == "Bộ Giáo dục và Đào tạo khẳng định đây là tin bịa đặt."


def test_an_article_opens_on_its_hook_or_its_title():
    article = subject(kind="article", id="bai", page="tin-tuc/2025/bai/", summary="Tóm tắt một câu.")
    assert hook_and_body(article) == ("Ngân sách cho giáo dục", "Tóm tắt một câu.")
    assert hook_and_body(subject(kind="article", hook="Dòng riêng của biên tập viên"))[0] == "Dòng riêng của biên tập viên"


@pytest.mark.parametrize("language, read", [("vi", "Xem chi tiết: "), ("en", "Read more: ")])
def test_facebook_post_and_zalo_message(language, read):
    texts = compose(subject(language=language), SITE, "nq71")
    lines = texts.facebook.split("\n\n")
    assert lines[0] == texts.hook and lines[-1] == "#NghiQuyet71 #GiaoDuc"
    assert lines[-2] == read + texts.links["facebook"] and "utm_source=facebook" in lines[-2]
    assert texts.zalo == f"{texts.hook}\n\n{read}{texts.links['zalo']}" and "utm_source=zalo" in texts.zalo
    assert len(texts.zalo) < len(texts.facebook)
    assert all(m["ok"] for m in measures(texts).values())


def test_texts_over_their_limits_give_one_line_each():
    long_hook = subject(kind="article", hook="x" * (HOOK_MAX + 1), hashtags=())
    problems = limit_problems(long_hook, compose(long_hook, SITE, "nq71"))
    assert [p.field for p in problems] == ["hook (vi)", "hashtags (vi)"]
    assert "121 ký tự, tối đa 120" in problems[0].message and "có 0 hashtag" in problems[1].message
    huge = subject(id="x" * ZALO_MESSAGE_MAX)
    assert [p.field for p in limit_problems(huge, compose(huge, SITE, "nq71"))] == ["caption (vi)"]


def test_project_campaign_is_clean():
    loaded = load_campaign(__import__("wardpub").DATA_DIR)
    assert loaded.problems == [] and loaded.campaign.campaign == "nq71"
    assert 1 <= len(loaded.campaign.hashtags["vi"]) <= 3


@pytest.mark.parametrize("text, expected", [
    ("campaign: NQ 71\nhashtags: {vi: [A], en: [B]}\n", "campaign: “NQ 71” chỉ được dùng chữ thường không dấu"),
    ("campaign: nq71\nhashtags: {vi: [A, B, C, D], en: [B]}\n", "hashtags.vi: có nhiều mục hơn mức cho phép"),
    ("campaign: nq71\nhashtags: {vi: [Nghị quyết], en: [B]}\n", "hashtags.vi: hashtag “Nghị quyết” có dấu cách"),
])
def test_bad_campaign_file_gives_one_line(tmp_path, text, expected):
    (tmp_path / "bai-dang.yml").write_text(text, encoding="utf-8")
    loaded = load_campaign(tmp_path)
    assert len(loaded.problems) == 1 and expected in str(loaded.problems[0])
    assert str(loaded.problems[0]).split(":")[0].endswith("bai-dang.yml")
