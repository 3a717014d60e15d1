"""Each language of the site built in a process of its own, side by side.

mkdocs-static-i18n builds the default language, then every other language one
after the other from inside its own `on_post_build`. On a machine with two
cores the English build can run beside the Vietnamese one instead: `build`
forks one process per other language before MkDocs starts (after the project
check, which the children inherit), has each build its language into a folder
of its own exactly as the i18n plugin would (the same config with the plugin's
`current_language` set), then moves their files into the site. Where two
builds wrote the same file, the later language's wins, as in a sequential
build; the full sitemap, which a sequential build renders last with every
language's pages, is the languages' sitemaps joined.

A process holding threads (a test driving a browser, a live preview, a
library's thread pool once it has worked) builds one language after the
other, as does a machine with one core or `WARDPUB_JOBS=1`.
`tests/test_languages.py` holds both ways to the same bytes.
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort, PluginError

from ..problems import ProblemsFound

JOBS_ENV = "WARDPUB_JOBS"
SITEMAP = "sitemap.xml"
FAILED = 1  # a child's exit code when its build refused the input (its message is the reason)


class LanguageBuildFailed(Exception):
    """A language built in another process refused the input (the message says why)."""


@dataclass
class Child:
    language: str
    pid: int
    messages: int  # the read end of the pipe the child writes its failure to
    site_dir: Path


def side_by_side(config) -> list[str]:
    """The languages to build in processes of their own ([] when one process builds them all)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not hasattr(os, "fork") or os.environ.get(JOBS_ENV) == "1":
        return []
    # A forked child gets only the forking thread: a lock another thread held would never be released,
    # and a native library's thread pool (oxipng's, once it compressed an image) would wait forever.
    if len(os.sched_getaffinity(0)) < 2 or _threads() > 1:
        return []
    return [language for language in i18n.build_languages if language != i18n.default_language]


def _threads() -> int:
    """The process's threads, native ones included (Linux lists them in /proc)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def build(config) -> None:
    """Build every language of config into config.site_dir: side by side where possible."""
    others = side_by_side(config)
    if not others:
        mkdocs_build(config)
        return
    i18n = config.plugins["i18n"]
    i18n.building = True  # its on_post_build then builds no other language in this process
    children = [_fork(config, language) for language in others]
    try:
        mkdocs_build(config)
    except BaseException:
        for child in children:
            _stop(child)
        raise
    finally:
        i18n.building = False
    failures = [_wait(child) for child in children]
    for child, failure in zip(children, failures):
        if failure is not None:
            for other in children:
                shutil.rmtree(other.site_dir, ignore_errors=True)
            raise failure
    for child in children:
        merge(child.site_dir, Path(config.site_dir))


def _fork(config, language: str) -> Child:
    site_dir = Path(tempfile.mkdtemp(prefix=f".{language}-", dir=Path(config.site_dir).parent))
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Child(language, pid, read_end, site_dir)
    # The child: build this language alone, report, and leave without running the parent's exit handlers.
    os.close(read_end)
    code, message = 0, ""
    try:
        i18n = config.plugins["i18n"]
        i18n.current_language = language
        i18n.building = True
        config["site_dir"] = str(site_dir)
        mkdocs_build(config)
    except (PluginError, Abort, ProblemsFound) as error:
        code, message = FAILED, str(error)
    except BaseException:
        code, message = FAILED + 1, traceback.format_exc()
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(message.encode("utf-8"))
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _wait(child: Child):
    """The child's failure as an exception to raise, or None once it built its language."""
    with os.fdopen(child.messages, "rb") as pipe:
        message = pipe.read().decode("utf-8", "replace")
    _, status = os.waitpid(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        return None
    if code == FAILED:
        return LanguageBuildFailed(message)
    return RuntimeError(f"the '{child.language}' build stopped (exit {code}):\n{message}")


def _stop(child: Child) -> None:
    try:
        os.kill(child.pid, 9)
    except ProcessLookupError:
        pass
    os.close(child.messages)
    os.waitpid(child.pid, 0)
    shutil.rmtree(child.site_dir, ignore_errors=True)


def merge(source: Path, site_dir: Path) -> None:
    """Move every file source holds into site_dir (source's wins), then delete source. A folder
    site_dir lacks moves in one rename; the sitemaps are joined."""
    for root, folders, names in os.walk(source):
        relative = Path(root).relative_to(source)
        target = site_dir / relative
        target.mkdir(parents=True, exist_ok=True)
        for folder in list(folders):
            if not (target / folder).exists():
                os.rename(Path(root) / folder, target / folder)
                folders.remove(folder)
        for name in names:
            if relative == Path(".") and name in (SITEMAP, f"{SITEMAP}.gz"):
                continue
            os.replace(Path(root) / name, target / name)
    join_sitemaps(site_dir / SITEMAP, source / SITEMAP)
    shutil.rmtree(source)


def join_sitemaps(first: Path, later: Path) -> None:
    """Append later's <url> entries to first's, as mkdocs-static-i18n's template lists every
    language's pages in one sitemap; its .gz copy follows, stamped as MkDocs stamped later's."""
    if not later.is_file():
        return
    if not first.is_file():
        os.replace(later, first)
        os.replace(later.with_name(f"{SITEMAP}.gz"), first.with_name(f"{SITEMAP}.gz"))
        return
    head, _, _ = first.read_text(encoding="utf-8").rpartition("</urlset>")
    text = later.read_text(encoding="utf-8")
    opening = text.index(">", text.index("<urlset")) + 1
    joined = head.rstrip("\n") + text[opening:]  # each entry starts on a new line
    first.write_text(joined, encoding="utf-8")
    stamped = later.with_name(f"{SITEMAP}.gz")
    mtime = int.from_bytes(stamped.read_bytes()[4:8], "little") if stamped.is_file() else 0
    gz_path = first.with_name(f"{SITEMAP}.gz")
    with open(gz_path, "wb") as handle, gzip.GzipFile(fileobj=handle, filename=str(gz_path), mode="wb", mtime=mtime) as out:
        out.write(joined.encode("utf-8"))
