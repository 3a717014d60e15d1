"""wardpub.data.editor: `make article` writes a correct, commented draft."""

import datetime as dt
import shutil
import subprocess

import pytest

from wardpub import DOCS_DIR, PROJECT_ROOT
from wardpub.data.editor import article_slug, new_article
from wardpub.project import check_project
from wardpub.data.articles import ArticleMeta


def docs_copy(tmp_path):
    shutil.copytree(DOCS_DIR / "_data", tmp_path / "docs" / "_data")
    return tmp_path / "docs"


def test_slug_is_ascii_with_d():
    assert article_slug("Đoàn thanh niên phường tổ chức hội thi tìm hiểu Nghị quyết 71") == "doan-thanh-nien-phuong-to-chuc-hoi-thi"


def test_new_article_is_a_valid_commented_draft(tmp_path):
    docs = docs_copy(tmp_path)
    path = new_article("Hội thi “Tìm hiểu Nghị quyết 71” ở trường", dt.date(2026, 4, 2), docs)
    assert path == docs / "tin-tuc" / "2026" / "hoi-thi-tim-hieu-nghi-quyet-71-o.vi.md"  # eight words at most
    text = path.read_text(encoding="utf-8")
    for field in ArticleMeta.model_fields:
        assert f"{field}:" in text, field  # every field is there, commented or not
    assert text.count("\n# ") >= 8  # a comment line per field
    assert 'title: "Hội thi “Tìm hiểu Nghị quyết 71” ở trường"' in text and "date: 2026-04-02" in text
    project = check_project({"ward": {}}, docs)
    assert [str(p) for p in project.problems if "tin-tuc" in p.file] == []
    assert project.articles[0].meta.draft is True


def test_publishing_the_untouched_draft_is_refused(tmp_path):
    docs = docs_copy(tmp_path)
    path = new_article("Tin mới", dt.date(2026, 4, 2), docs)
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    fields = {p.field for p in check_project({"ward": {}}, docs).problems if "tin-tuc" in p.file}
    assert {"description", "(nội dung)"} <= fields


def test_never_overwrites(tmp_path):
    docs = docs_copy(tmp_path)
    new_article("Tin mới", dt.date(2026, 4, 2), docs)
    with pytest.raises(FileExistsError):
        new_article("Tin mới", dt.date(2026, 4, 2), docs)


def test_make_article_target_calls_the_command():
    out = subprocess.run(["make", "-n", "article", "TITLE=Tin thử"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert 'wardpub new-article "Tin thử"' in out.stdout
