"""wardpub.cache: atomic writes and the content-addressed cache."""

import os
import time
from pathlib import Path

from wardpub import PROJECT_ROOT
from wardpub.cache import CACHE_ENV, ContentCache, Pruned, digest, prune, use_project, write_atomic


def test_write_atomic_writes_once_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a" / "b.txt"
    assert write_atomic(target, "xin chào") is True
    assert write_atomic(target, "xin chào") is False
    assert target.read_text() == "xin chào"
    assert [p.name for p in target.parent.iterdir()] == ["b.txt"]


def test_digest_depends_on_content_not_on_names(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    assert digest(a) == digest(b) == digest(b"x")
    assert digest("a", "bc") != digest("ab", "c")
    assert digest({"b": 1, "a": 2}) == digest({"a": 2, "b": 1})


def test_cache_makes_only_when_missing(tmp_path):
    cache = ContentCache("t", root=tmp_path)
    calls = []
    make = lambda: calls.append(1) or b"data"
    path, made = cache.get_or_make("ab12", make, ".bin")
    again, made_again = cache.get_or_make("ab12", make, ".bin")
    assert (made, made_again, calls, path, path.read_bytes()) == (True, False, [1], again, b"data")


def test_prune_deletes_only_entries_no_build_touched_lately(tmp_path):
    cache = ContentCache("t", root=tmp_path)
    old, _ = cache.get_or_make("aa01", lambda: b"old", ".bin")
    kept, _ = cache.get_or_make("bb02", lambda: b"kept", ".bin")
    other = tmp_path / "lock-venv" / "pip"  # not a namespace this process used: never touched
    other.parent.mkdir()
    other.write_bytes(b"x")
    day_ago = time.time() - 86400
    for path in (old, kept, other):
        os.utime(path, (day_ago, day_ago))
    cache.path("bb02", ".bin")  # a later build looks it up again: touched
    pruned = prune(tmp_path)
    assert (pruned.files, pruned.bytes) == (1, 3)
    assert not old.exists() and not old.parent.exists()
    assert kept.read_bytes() == b"kept" and other.exists()
    # The next build's prune, within the hour, has nothing new to find and reads nothing; later it prunes.
    stale, _ = cache.get_or_make("cc03", lambda: b"stale", ".bin")
    os.utime(stale, (day_ago, day_ago))
    assert prune(tmp_path) == Pruned(0, 0) and stale.exists()
    assert prune(tmp_path, now=time.time() + 2 * 3600).files == 2 and not stale.exists()  # and kept, untouched since


def test_a_build_of_another_checkout_writes_beside_its_mkdocs_yml(tmp_path, monkeypatch):
    """`wardpub build` run in another project's folder builds that project: site/ and .cache/ there."""
    from sites import SiteMaker, minimal_pages

    from wardpub.cli import main

    SiteMaker(tmp_path)(minimal_pages())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(CACHE_ENV)
    try:
        assert main(["build"]) == 0
    finally:
        use_project(PROJECT_ROOT)
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()
    assert (tmp_path / "site.nginx.conf").is_file()
    assert any((tmp_path / ".cache" / "fonts").rglob("*.woff2"))


def test_a_file_digest_follows_the_file_not_a_memory_of_it(tmp_path):
    import hashlib
    import os

    from wardpub.cache import file_digest

    path = tmp_path / "anh.png"
    path.write_bytes(b"one")
    assert file_digest(path) == hashlib.sha256(b"one").hexdigest()
    stat = path.stat()
    path.write_bytes(b"two!")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert file_digest(path) == hashlib.sha256(b"two!").hexdigest()


def test_a_cached_files_name_stands_for_its_bytes(tmp_path, monkeypatch):
    from wardpub.cache import file_digest

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    made, _ = ContentCache("t").get_or_make(digest("what made it"), lambda: b"a large image", ".png")
    other, _ = ContentCache("t").get_or_make(digest("something else"), lambda: b"a large image", ".png")
    assert file_digest(made) == file_digest(made) != file_digest(other)
    made.unlink()  # nothing is read
    assert file_digest(made) == "cached " + made.name


def test_kept_results_come_back_in_the_next_process_and_are_worked_out_once(tmp_path, monkeypatch):
    from wardpub import cache

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    calls = []
    first = cache.KeptResults("kept-test")
    assert first.get_or_make("a", lambda: calls.append("a") or [1]) == [1]
    assert first.get_or_make("a", lambda: calls.append("a again") or [2]) == [1]
    first.save()
    # A new process (a new store) reads what the last one kept; it adds its own and keeps both.
    second = cache.KeptResults("kept-test")
    assert second.get_or_make("a", lambda: calls.append("a in the next build") or [3]) == [1]
    second.get_or_make("b", lambda: calls.append("b") or {"x": 1})
    second.save()
    assert calls == ["a", "b"]
    assert cache.KeptResults("kept-test").kept == {"a": [1], "b": {"x": 1}}
    # Results of another version of the code are not those of this one.
    monkeypatch.setattr(cache, "_code_digest", ["another version"])
    assert cache.KeptResults("kept-test").kept == {}


def test_a_site_file_is_written_in_place_once_and_never_through_a_hard_link(tmp_path):
    from wardpub.cache import write_output

    cached, site_file = tmp_path / "cache" / "a.json", tmp_path / "site" / "search" / "a.json"
    assert write_output(site_file, "{}") is True and write_output(site_file, "{}") is False
    cached.parent.mkdir()
    cached.write_text("kept")
    site_file.unlink()
    os.link(cached, site_file)
    assert write_output(site_file, "new") is True
    assert site_file.read_text() == "new" and cached.read_text() == "kept"


def test_a_listing_is_json_with_one_item_a_line():
    import json

    from wardpub.cache import listing_json

    text = listing_json({"site": "https://x.vn/", "count": 2}, "posts", [{"b": 1, "a": "Tin một"}, {"a": "Hai"}])
    assert json.loads(text) == {"site": "https://x.vn/", "count": 2, "posts": [{"a": "Tin một", "b": 1}, {"a": "Hai"}]}
    assert text.splitlines()[1:3] == ['{"a": "Tin một", "b": 1},', '{"a": "Hai"}']
    assert json.loads(listing_json({}, "cards", [])) == {"cards": []}
