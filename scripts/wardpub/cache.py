"""Content-addressed cache and atomic, deterministic file output.

Owns how generated files reach disk: `write_atomic` (temporary file in the
same folder, then rename, so a reader never sees half a file) and
`ContentCache`, which keys each output on a digest of everything that shapes
it (inputs, template, font, renderer version) so unchanged work is skipped.

The cache lives in `.cache/` beside the mkdocs.yml being built (`use_project`;
WARDPUB_CACHE_DIR overrides it, as the tests and benchmarks do). Every entry a
build looks up is touched, so `prune` can delete what no build has used for a
while: a changed spec leaves its old images behind until the next full build.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import PACKAGE_DIR, PROJECT_ROOT

CACHE_ENV = "WARDPUB_CACHE_DIR"
# Entries untouched for this long are stale: long enough that a build or a live
# preview running beside the one that prunes never loses a file it is about to copy.
STALE_AFTER = 3600.0

_project_root: Path = PROJECT_ROOT
_namespaces: set[str] = set()  # the namespaces this process has used: the ones prune may clean
_touched: set[Path] = set()


def use_project(root: Path) -> None:
    """Cache under root/.cache from now on (the folder of the mkdocs.yml being built)."""
    global _project_root
    _project_root = Path(root).resolve()


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or _project_root / ".cache")


def _mark_used(path: Path) -> None:
    """Touch a cached entry once per process, so pruning knows a build still uses it."""
    if path in _touched:
        return
    try:
        os.utime(path)
    except FileNotFoundError:
        return  # not made yet: when it is, its time is now
    _touched.add(path)


def digest(*parts: bytes | str | Path | dict | list) -> str:
    """SHA-256 over the parts; files are hashed by content, dicts as sorted JSON."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            part = part.read_bytes()
        elif isinstance(part, (dict, list)):
            part = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str)
        if isinstance(part, str):
            part = part.encode("utf-8")
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def listing_json(head: dict, key: str, items: list) -> str:
    """A manifest as JSON: head's fields, then key's list one item a line. Readable in a diff, and
    written by json's C encoder: indented JSON is encoded in Python, a tenth of a second for the
    thousands of entries (posts, cards) of a large site."""
    fields = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]
    lines = ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items)
    return f"{fields}{', ' if head else ''}{json.dumps(key)}: [\n{lines}\n]}}\n"


_file_digests: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read once per version of the file (path, time, size) in this
    process: a live preview asks again on every save for thousands of unchanged images. A file
    ContentCache made is named after what made it: its name stands for its bytes, unread."""
    name = str(path)
    if name.startswith(os.path.join(cache_root(), "")):
        return "cached " + os.path.basename(name)
    stat = os.stat(path)
    version = (str(path), stat.st_mtime_ns, stat.st_size)
    if version not in _file_digests:
        _file_digests[version] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return _file_digests[version]


def write_output(path: str | Path, data: bytes | str) -> bool:
    """Write one file of the site being built, in place as MkDocs writes its pages (the whole
    site is built in a staging folder and swapped in at once, wardpub.site.publish; a search
    index alone is some 500 files a language). Return False (and touch nothing) if it is there."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
        os.unlink(path)  # a new file, never one a hard link shares with the cache
    except FileNotFoundError:
        pass
    try:
        handle = open(path, "wb")
    except FileNotFoundError:  # its folder first (asked only when missing: thousands of files, a few hundred folders)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = open(path, "wb")
    with handle:
        handle.write(data)
    return True


def write_atomic(path: Path, data: bytes | str) -> bool:
    """Write data to path atomically; return False (and touch nothing) if it is already there."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


class ContentCache:
    """Files stored under the digest of their inputs, in .cache/<namespace>/."""

    def __init__(self, namespace: str, root: Path | None = None):
        self.dir = Path(root or cache_root()) / namespace
        _namespaces.add(namespace)

    def path(self, key: str, suffix: str = "") -> Path:
        path = self.dir / key[:2] / f"{key}{suffix}"
        _mark_used(path)
        return path

    def get_or_make(self, key: str, make: Callable[[], bytes], suffix: str = "") -> tuple[Path, bool]:
        """Return (path, made): the cached file for key, made by make() when missing."""
        path = self.path(key, suffix)
        if path.is_file():
            return path, False
        write_atomic(path, make())
        return path, True


_code_digest: list[str] = []


def code_digest() -> str:
    """A digest of this package's Python source, read once per process: results kept across
    builds are keyed by it, so a changed rule is applied to every input again."""
    if not _code_digest:
        _code_digest.append(digest(*[path.read_bytes() for path in sorted(PACKAGE_DIR.rglob("*.py"))]))
    return _code_digest[0]


_kept: dict[tuple[Path, str], "KeptResults"] = {}


def kept_results(namespace: str) -> "KeptResults":
    """The process's one store of kept results for namespace (under the cache in use now)."""
    key = (cache_root(), namespace)
    if key not in _kept:
        _kept[key] = KeptResults(namespace)
    return _kept[key]


class KeptResults:
    """The JSON results of a deterministic check, kept across builds in one file per namespace
    (.cache/<namespace>/): a build runs the check again only on inputs that changed since the
    last one (one store per namespace and process: `kept_results`)."""

    def __init__(self, namespace: str, name: str = "results"):
        self.file = ContentCache(namespace).path(digest(name, code_digest()), ".json")
        try:
            self.kept: dict = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.kept = {}
        self.used: dict = {}

    def get_or_make(self, key: str, make: Callable[[], object]) -> object:
        """make()'s result for these inputs (key: their digest): kept from an earlier build, or made now."""
        if key not in self.used:
            self.used[key] = self.kept[key] if key in self.kept else make()
        return self.used[key]

    def save(self) -> None:
        # Another process (the other language's build) may keep results here too: keep theirs,
        # until what no build asks for any more outgrows what this one asked for.
        kept = {**self.kept, **self.used}
        if len(kept) > 2 * len(self.used) + 1000:
            kept = dict(self.used)
        if kept != self.kept:
            write_atomic(self.file, json.dumps(kept, ensure_ascii=False, sort_keys=True))
            self.kept = kept


def generated(name: str, data: bytes | str) -> Path:
    """A small generated file (stylesheet, manifest) kept in .cache/generated/ for MkDocs to copy.

    Stored under its content's digest: two builds sharing a cache (tests, a live preview beside
    `make site`) never overwrite each other's file between writing it and MkDocs copying it."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    path, _ = ContentCache("generated").get_or_make(digest(name, data), lambda: data, f"-{name}")
    return path


@dataclass(frozen=True)
class Pruned:
    files: int
    bytes: int


def _prune_folder(folder: str, limit: float) -> Pruned:
    """Delete the files under folder last touched before limit, and the folders that leaves empty.
    Uses the directory entries' own stat: a large site's cache holds many thousand files."""
    files = size = 0
    with os.scandir(folder) as entries:
        listed = list(entries)
    for entry in listed:
        if entry.is_dir(follow_symlinks=False):
            inner = _prune_folder(entry.path, limit)
            files, size = files + inner.files, size + inner.bytes
            if not os.listdir(entry.path):
                os.rmdir(entry.path)
            continue
        stat = entry.stat(follow_symlinks=False)
        if stat.st_mtime < limit:
            os.unlink(entry.path)
            _touched.discard(Path(entry.path))
            files, size = files + 1, size + stat.st_size
    return Pruned(files, size)


PRUNED_MARK = ".pruned"  # touched by each prune: the next one waits until entries can be stale again


def prune(root: Path | None = None, stale_after: float = STALE_AFTER, now: float | None = None) -> Pruned:
    """Delete the entries of the namespaces this process used that no build has touched for stale_after
    seconds. Run after a full build (`wardpub build`): everything that build needs was touched. A prune
    less than stale_after after the last one finds nothing new to delete and returns at once (a large
    site's cache holds tens of thousands of files)."""
    root = Path(root or cache_root())
    now = now if now is not None else time.time()
    mark = root / PRUNED_MARK
    try:
        if now - mark.stat().st_mtime < stale_after:
            return Pruned(0, 0)
    except FileNotFoundError:
        pass
    limit = now - stale_after
    files = size = 0
    for namespace in sorted(_namespaces):
        if (root / namespace).is_dir():
            pruned = _prune_folder(str(root / namespace), limit)
            files, size = files + pruned.files, size + pruned.bytes
    if root.is_dir():
        mark.touch()
        os.utime(mark, (now, now))
    return Pruned(files, size)
