"""wardpub.cache: atomic writes and the content-addressed cache."""

from pathlib import Path

from wardpub.cache import ContentCache, digest, write_atomic


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
