"""Tools for editors who are not programmers: starting an article.

Owns `new_article` (behind `make article`): from a Vietnamese title it writes
docs/tin-tuc/<year>/<slug>.md with an ASCII slug (đ→d), today's date and every
front-matter field with a one-line Vietnamese comment. The article starts as
a draft with bracketed placeholders, which validation refuses to publish.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import DOCS_DIR
from .articles import NEWS_DIR, PLACEHOLDER, today
from .registries import load_registries
from ..text import nfc, slug

MAX_SLUG_WORDS = 8


def article_slug(title: str) -> str:
    return "-".join(slug(title).split("-")[:MAX_SLUG_WORDS])


def template(title: str, day: dt.date, categories: list[str], tags: list[str]) -> str:
    quoted = title.replace('"', '\\"')
    return f"""---
# Tiêu đề bài (bắt buộc).
title: "{quoted}"
# Ngày đăng, dạng NĂM-THÁNG-NGÀY. Bài có ngày trong tương lai tự xuất hiện từ ngày đó.
date: {day.isoformat()}
# Ngày cập nhật, khi sửa nội dung quan trọng sau khi đăng (không bắt buộc): bỏ dấu # ở dòng dưới.
# updated: {day.isoformat()}
# Một câu tóm tắt 80–160 ký tự, hiện trong danh sách tin và khi chia sẻ (bắt buộc).
description: "{PLACEHOLDER} một câu tóm tắt bài]"
# Chủ đề, chọn MỘT trong: {", ".join(categories)}
category: hoat-dong-cua-phuong
# Thẻ (không bắt buộc), chọn trong: {", ".join(tags)}
tags: []
# Người viết hoặc đơn vị gửi bài (bắt buộc).
author: Ban biên tập
# Ảnh bìa (không bắt buộc): đặt tệp ảnh cạnh bài, bỏ dấu # ở hai dòng dưới.
# cover: anh-bia.jpg
# cover_alt: "Mô tả ngắn nội dung ảnh cho người khiếm thị"
# Nguồn thêm, ngoài các [src:N] viết trong bài (không bắt buộc): số trong docs/_data/sources.yml.
# sources: [6, 13]
# Bài đăng Facebook, Zalo (không bắt buộc): dòng mở đầu, tối đa 120 ký tự (mặc định là tiêu đề),
# và 1 đến 3 hashtag viết liền, không có dấu # (mặc định lấy trong docs/_data/bai-dang.yml).
# hook: "Một câu ngắn khiến người đọc muốn xem tiếp"
# hashtags: [NghiQuyet71, DotPhaGiaoDuc]
# true: bản nháp, chưa đăng. Đổi thành false khi bài đã sẵn sàng.
draft: true
---

{PLACEHOLDER} đoạn mở đầu: sự việc gì, ở đâu, khi nào, ai tham gia.]

## Nội dung chính

{PLACEHOLDER} nội dung. Mỗi con số ghi nguồn ngay sau, ví dụ: chi ít nhất 20% ngân sách cho giáo dục [src:6].]
"""


def new_article(title: str, day: dt.date | None = None, docs_dir: Path = DOCS_DIR) -> Path:
    """Write the new article's file and return its path; refuse to overwrite."""
    title = nfc(title.strip())
    if not title:
        raise ValueError("Cần có tiêu đề bài viết. (A title is needed.)")
    day = day or today()
    name = article_slug(title)
    if not name:
        raise ValueError("Tiêu đề cần có chữ hoặc số. (The title needs letters or digits.)")
    path = docs_dir / NEWS_DIR / str(day.year) / f"{name}.vi.md"
    if path.exists():
        raise FileExistsError(f"Đã có bài {path.relative_to(docs_dir.parent)}: hãy đặt tiêu đề khác. (That article exists already.)")
    registries = load_registries(docs_dir / "_data")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(title, day, list(registries.categories), list(registries.tags)), encoding="utf-8")
    return path
