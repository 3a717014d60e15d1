"""Synthetic bilingual pages for benchmarks: many pages of plausible text.

Owns `write_pages`, which fills a folder with N Vietnamese pages and their
English twins (deterministic: the same N gives the same bytes), so build
time, page weight and search can be measured at sizes the ward will reach.
"""

from __future__ import annotations

import random
from pathlib import Path

VI_WORDS = ("phường giáo dục đào tạo nghị quyết đột phá học sinh giáo viên nhà trường chi bộ đảng viên "
            "tuyên truyền chuyển đổi số học tập suốt đời xã hội học tập chất lượng nguồn nhân lực mục tiêu "
            "nhiệm vụ giải pháp ngân sách sách giáo khoa phụ cấp tiếng Anh đại học nghề nghiệp bình dân học vụ "
            "số hội nghị kế hoạch triển khai thực hiện kết quả mô hình cách làm hiệu quả gia đình cộng đồng").split()
EN_WORDS = ("ward education training resolution breakthrough pupils teachers school party cell members "
            "communication digital transformation lifelong learning society quality workforce targets tasks "
            "solutions budget textbooks allowances english university vocational literacy conference plan "
            "results models practice family community").split()


def _sentence(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(8, 18))]
    return " ".join(picked).capitalize() + "."


def _body(rng: random.Random, words) -> str:
    sections = []
    for n in range(3):
        paragraphs = ["\n".join(_sentence(rng, words) for _ in range(4)) for _ in range(2)]
        sections.append(f"## {_sentence(rng, words)[:-1][:60]}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(sections)


def page_markdown(title: str, description: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: \"{title}\"\ndescription: \"{description}\"\n{extra}---\n\n{body}\n"


def write_pages(folder: Path, count: int, seed: int = 71) -> list[Path]:
    """Write count Vietnamese pages (bai-0001.vi.md ...) and their English twins into folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(1, count + 1):
        vi_title = f"Bài {n}: " + _sentence(rng, VI_WORDS)[:-1][:70]
        en_title = f"Article {n}: " + _sentence(rng, EN_WORDS)[:-1][:70]
        vi = folder / f"bai-{n:04d}.vi.md"
        en = folder / f"bai-{n:04d}.en.md"
        vi.write_text(page_markdown(vi_title, "Bài viết thử nghiệm để đo tốc độ xây dựng trang.", _body(rng, VI_WORDS)), encoding="utf-8")
        en.write_text(page_markdown(en_title, "A synthetic article to measure how fast the site builds.", _body(rng, EN_WORDS)), encoding="utf-8")
        written += [vi, en]
    return written


def write_articles(docs_dir: Path, count: int, seed: int = 71, categories: tuple[str, ...] = ("muc-tieu-quan-diem", "diem-moi-dot-pha", "hoat-dong-cua-phuong")) -> list[Path]:
    """Write count bilingual news articles under docs_dir/tin-tuc/<year>/, valid for wardpub."""
    rng = random.Random(seed)
    written = []
    for n in range(1, count + 1):
        year = 2019 + n % 7
        day = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        folder = docs_dir / "tin-tuc" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        extra = f"date: {day}\ncategory: {categories[n % len(categories)]}\ntags: [hoi-nghi]\n"
        for suffix, words, author, description in (
            (".vi.md", VI_WORDS, "Ban biên tập", "Bài viết thử nghiệm để đo tốc độ xây dựng trang với nhiều bài."),
            (".en.md", EN_WORDS, "Editorial team", "A synthetic article to measure how fast the site builds at scale."),
        ):
            path = folder / f"tin-thu-{n:05d}{suffix}"
            title = f"{n}: " + _sentence(rng, words)[:-1][:70]
            path.write_text(page_markdown(title, description, _body(rng, words), extra + f"author: {author}\n"), encoding="utf-8")
            written.append(path)
    return written
