"""wardpub.site.plugin: what the MkDocs plugin adds beyond the modules it calls."""

import errno
import os
from types import SimpleNamespace

from wardpub.site import plugin
from wardpub.site.plugin import LinkedFile


def config_for(site_dir):
    return SimpleNamespace(site_dir=str(site_dir), use_directory_urls=True, plugins=SimpleNamespace(_current_plugin="wardpub"))


def test_a_built_file_is_linked_into_the_site_not_copied(tmp_path):
    built = tmp_path / "cache" / "ab12.png"
    built.parent.mkdir()
    built.write_bytes(b"picture")
    LinkedFile.generated(config_for(tmp_path / "site"), "og/bai/index.png", abs_src_path=str(built)).copy_file()
    placed = tmp_path / "site" / "og" / "bai" / "index.png"
    assert placed.read_bytes() == b"picture" and os.path.samefile(placed, built)


def test_a_built_file_is_copied_where_the_site_cannot_link_to_it(tmp_path, monkeypatch):
    def cross_device(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    built = tmp_path / "ab12.zip"
    built.write_bytes(b"zip")
    monkeypatch.setattr(plugin.os, "link", cross_device)
    LinkedFile.generated(config_for(tmp_path / "site"), "post-kit/bai.zip", abs_src_path=str(built)).copy_file()
    placed = tmp_path / "site" / "post-kit" / "bai.zip"
    assert placed.read_bytes() == b"zip" and not os.path.samefile(placed, built)


def test_a_file_already_in_the_site_is_replaced_by_the_link(tmp_path):
    built = tmp_path / "new.css"
    built.write_text("new")
    old = tmp_path / "site" / "brand.css"
    old.parent.mkdir()
    old.write_text("old")
    LinkedFile.generated(config_for(tmp_path / "site"), "brand.css", abs_src_path=str(built)).copy_file()
    assert old.read_text() == "new"


def test_a_dirty_preview_shows_a_saved_article_and_keeps_the_rest(tmp_path):
    """`make serve` renders only what a save changed: the saved article and the pages that list
    news; the search index keeps the pages not rendered again."""
    import json
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from sites import SiteMaker, article, minimal_pages, news_index
    from wardpub.site.serving import free_port

    saved, other = "docs/tin-tuc/2025/tin-mot.vi.md", "docs/tin-tuc/2025/tin-hai.vi.md"
    maker = SiteMaker(tmp_path)({**minimal_pages(), **news_index(), saved: article(title='"Tin một"'),
                                 other: article(title='"Tin hai"', date="2025-09-15")})
    port = free_port()
    base = f"http://127.0.0.1:{port}/nq71/"
    command = [str(Path(sys.executable).parent / "mkdocs"), "serve", "-q", "--dirty",
               "-f", str(maker.root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def text(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def served(path: str, words: str, limit: float = 120) -> bool:
        deadline = time.monotonic() + limit
        while words not in text(path):
            if time.monotonic() > deadline or server.poll() is not None:
                return False
            time.sleep(0.2)
        return True

    try:
        assert served("tin-tuc/2025/tin-hai/", "Tin hai")
        documents = json.loads(text("search/vi/meta.json"))["documents"]
        (maker.root / saved).write_text(article(title='"Tin một đã sửa"'), encoding="utf-8")  # saved now: newer than its page
        assert served("tin-tuc/2025/tin-mot/", "Tin một đã sửa")
        assert served("tin-tuc/", "Tin một đã sửa")  # the news list is rendered again
        assert "Tin hai" in text("tin-tuc/2025/tin-hai/")
        assert json.loads(text("search/vi/meta.json"))["documents"] == documents  # nothing lost from search
    finally:
        server.terminate()
        server.wait(timeout=30)
