"""Small whole sites written inline by tests (Hugo's style) and built for real.

A test writes the few files it needs (`make_site({"docs/index.vi.md": ...})`)
next to a copy of the project's mkdocs.yml, theme and shared tables, builds,
and checks the output or the editor's error lines.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

from wardpub import PROJECT_ROOT
from wardpub.site.publish import BuildFailed, build_site


PAGE = """\
---
title: {title}
description: {description}
---

{body}
"""


def page(title: str = "Trang thử", description: str = "Một trang để kiểm thử hệ thống.", body: str = "Nội dung.") -> str:
    return PAGE.format(title=title, description=description, body=body)


class SiteMaker:
    """Writes a small project (project config and theme plus the given files) and builds it."""

    def __init__(self, root: Path):
        self.root = root

    def __call__(self, files: dict[str, str], nav: bool = False) -> "SiteMaker":
        shutil.copytree(PROJECT_ROOT / "overrides", self.root / "overrides", dirs_exist_ok=True)
        config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        if not nav:
            config = config[: config.index("\nnav:")] + "\n"
        (self.root / "mkdocs.yml").write_text(config, encoding="utf-8")
        # The shared tables, but neither the ward's posting calendar (it names the project's own
        # articles and infographics) nor the quiz (its questions link headings of the content pages,
        # which a small site does not have). Tests of either write the files they need.
        shutil.copytree(PROJECT_ROOT / "docs" / "_data", self.root / "docs" / "_data", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("lich-dang-bai.yml", "quiz"))
        for name, content in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return self

    def build(self, today: str | None = None) -> Path:
        """Build the small project; today (YYYY-MM-DD) pins the ward's date for this build only."""
        if today is None:
            return build_site(self.root / "site", self.root / "mkdocs.yml")
        previous = os.environ.get("WARDPUB_TODAY")
        os.environ["WARDPUB_TODAY"] = today
        try:
            return build_site(self.root / "site", self.root / "mkdocs.yml")
        finally:
            if previous is None:
                del os.environ["WARDPUB_TODAY"]
            else:
                os.environ["WARDPUB_TODAY"] = previous

    def failure_lines(self) -> list[str]:
        """Build what was written, which must fail: the editor's error lines (nothing is published)."""
        try:
            self.build()
        except BuildFailed as failure:
            assert not (self.root / "site").exists()
            return str(failure).splitlines()
        raise AssertionError("the build succeeded")


def minimal_pages() -> dict[str, str]:
    """A home page in both languages: the least a site needs."""
    return {
        "docs/index.vi.md": page("Trang chủ", body="Phường và giáo dục."),
        "docs/index.en.md": page("Home", "A page to test the system with.", "The ward and education."),
    }


def article(body: str = "Nội dung bài [src:43].", **fields: str | None) -> str:
    """An article's Markdown with valid front matter; keyword fields override keys (None drops one)."""
    meta = {"title": '"Tin thử"', "date": "2025-09-16", "description": '"Một bài viết thử để kiểm tra danh sách tin của trang."',
            "category": "muc-tieu-quan-diem", "tags": "[hoi-nghi]", "author": "Ban biên tập", "draft": "false", **fields}
    lines = "\n".join(f"{key}: {value}" for key, value in meta.items() if value is not None)
    return f"---\n{lines}\n---\n\n{body}\n"


def news_index() -> dict[str, str]:
    """The news section's first pages, in both languages."""
    return {
        "docs/tin-tuc/index.vi.md": page("Tin tức", body="Tin mới nhất trước."),
        "docs/tin-tuc/index.en.md": page("News", "News, newest first, for the test site.", "Newest first."),
    }
