"""The site's own content as a citizen reads it on the day it is built.

Phrases that must never reach readers (internal fact-checking notes, the old
openings of the content pages, promises tied to passed dates, the English
renderings the site no longer uses) are kept here as data and searched for in
every file of the built site. Source [13] is never cited for the 20% budget
share (a copy of it reads "5%"): checked in the Markdown and the specs.
"""

import re

import pytest

from wardpub import DOCS_DIR, PROJECT_ROOT
from wardpub.data.figures import blocks
from wardpub.media.infographics.specs import load_kit
from wardpub.data.pages import CITATION, citation_ids, read_markdown
from wardpub.data.registries import load_registries
from wardpub.project import markdown_files

ABSENT = [
    # The seven content pages no longer open with their number in the plan.
    "Đây là nội dung tuyên truyền thứ",
    "communication topic in",
    # Internal fact-checking notes.
    "Trang này không khẳng định",
    "Bài viết này không khẳng định",
    "This page does not claim",
    "This article does not claim",
    "chưa được kiểm tra",
    "chưa được đối chiếu",
    "chưa đối chiếu với toàn văn",
    "was not available for checking",
    "was not checked",
    "have not been checked against",
    # Promises tied to dates that have passed.
    "sẽ được công bố",
    "sẽ được cập nhật",
    "sẽ được tổng hợp",
    "sẽ được giới thiệu",
    "will be published",
    "will be compiled",
    "Trang sẽ hiển thị",
    "The page will show",
    # One English rendering each for the plan, the motto and the issuing committee.
    "propaganda plan",
    "Propaganda documents",
    "Ward People's Committee agencies",
    "People's Committee agency,",
    "teachers worthy of teachers",
    "true teachers",
    # Outlets differ on how many provinces broke ground on 9/11/2025.
    "ở 15 tỉnh",
    "in 15 provinces",
]
TEXT_FILES = {".html", ".xml", ".json", ".txt", ".js"}


@pytest.fixture(scope="module")
def published(site):
    return {path: path.read_text(encoding="utf-8", errors="replace") for path in site.rglob("*")
            if path.suffix in TEXT_FILES and path.is_file()}


@pytest.mark.parametrize("phrase", ABSENT)
def test_phrase_never_reaches_readers(published, phrase):
    found = [str(path) for path, text in published.items() if phrase.lower() in text.lower()]
    assert found == [], f"“{phrase}” in {found[:5]}"


def test_the_check_reads_the_whole_built_site(published):
    """The search above would pass on an empty folder: the site really holds pages, feeds and the search index."""
    names = {path.name for path in published}
    assert {"index.html", "feed.xml", "feed.json"} <= names
    assert sum(1 for path in published if path.suffix == ".html") > 50


def _cites_13_for_20(text: str, cited: list[int]) -> bool:
    return re.search(r"(?<![\d.,])20\s?%", text) is not None and 13 in cited


def test_source_13_is_never_cited_for_the_20_percent_share():
    for path in markdown_files(DOCS_DIR):
        for _, block in blocks(read_markdown(path).body):
            cited = [int(i) for m in CITATION.finditer(block) for i in citation_ids(m.group(1)) if i.isdigit()]
            assert not _cites_13_for_20(block, cited), f"{path}: {block.strip()[:80]}"
    kit, problems = load_kit(PROJECT_ROOT / "infographics", load_registries())
    assert problems == []
    for spec_id, spec in kit.specs.items():
        texts = " ".join(text for _, _, text in spec.texts()) + spec.caption.vi + spec.caption.en
        assert not _cites_13_for_20(texts, spec.source_ids()), spec_id


def test_source_13_for_20_percent_is_caught():
    assert _cites_13_for_20("Tối thiểu 20% tổng chi ngân sách [src:6,13].", [6, 13])
    assert not _cites_13_for_20("Tối thiểu 20% tổng chi ngân sách [src:6,23].", [6, 23])
    assert not _cites_13_for_20("Quyết định tương lai dân tộc [src:13].", [13])
