"""Building the site atomically: all or nothing.

Owns `build_site`: validate, build with MkDocs (strict) into a fresh folder
beside the target, finish what needs no MkDocs (the sitemap index), then swap
it into place in one step. A failed build leaves the previous site/ exactly as
it was, so a mistake is never half-published. Every build prints one warning
while the ward's details are placeholders; a publishing build (`make publish`,
the deploy workflow) refuses them, one line each, before building anything.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from .. import PROJECT_ROOT
from ..cache import use_project
from ..language import LANGUAGES
from ..language import prefix
from ..problems import ProblemsFound, raise_if_any
from . import languages
from .cms import editor_origins
from .serving import write_nginx_config
from .sitemaps import finish as finish_sitemaps
from ..project import check_project
from ..data.ward import placeholder_problems, placeholder_warning

_RENAME_EXCHANGE = 2


class BuildFailed(Exception):
    pass


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def remove_later(folder: Path) -> None:
    """Delete a folder nobody serves any more, without making the build wait for it."""
    # The shell starts rm in the background and returns at once; rm outlives this process.
    subprocess.run(["sh", "-c", 'rm -rf -- "$1" >/dev/null 2>&1 &', "sh", str(folder)], check=True)


def swap_into_place(new: Path, target: Path) -> None:
    """Put new at target in one step; the old target (if any) is deleted in the background."""
    if target.exists() and _exchange(new, target):
        remove_later(new)  # it now holds the previous site
        return
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
        new.rename(target)
        remove_later(old)
    else:
        new.rename(target)


def configure_logging(verbose: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False


def source_date_epoch(root: Path) -> str | None:
    """The last commit's time: dates MkDocs stamps (sitemap) then follow the input, not the clock."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def build_site(target: Path | None = None, config_file: Path | None = None, publishing: bool = False) -> Path:
    """Build the whole site strictly into target (default: site/ beside the mkdocs.yml), atomically.
    publishing: refuse to build while any detail of the ward is a placeholder."""
    config_file = Path(config_file or PROJECT_ROOT / "mkdocs.yml").resolve()
    use_project(config_file.parent)
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(config_file.parent)
    if epoch:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    target = Path(target or config_file.parent / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    try:
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(staging))
        ward_block = dict(config.extra).get("ward") or {}
        if publishing:
            raise_if_any(placeholder_problems(ward_block, config.site_url))
        else:
            warning = placeholder_warning(ward_block, config.site_url)
            if warning:  # printed, not logged: a warning in MkDocs' log would stop the strict build
                print(warning, file=sys.stderr)
        # Editors' mistakes first, as plain lines; the plugin reuses this result.
        problems = check_project(dict(config.extra), config.docs_dir, config.site_url).problems
        if problems:
            raise ProblemsFound(problems)
        languages.build(config)  # each language in a process of its own where the machine allows
        # After MkDocs, whichever tool built the pages (see wardpub.tools.eol): the sitemap index.
        finish_sitemaps(staging, config.site_url, [prefix(language) for language in LANGUAGES])
    except (PluginError, Abort, ProblemsFound, languages.LanguageBuildFailed) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, target)
    # The server configuration that goes with this build (its CSP lists this build's inline scripts).
    extra = dict(config.extra)
    write_nginx_config(target, config.site_url, extra.get("ward", {}).get("embed_origins", []), nginx_config_path(target),
                       editor_origins(config_file))
    return target


def nginx_config_path(site: Path) -> Path:
    """Where the build writes the nginx configuration: beside the site folder."""
    return site.with_name(site.name + ".nginx.conf")
