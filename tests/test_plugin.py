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
