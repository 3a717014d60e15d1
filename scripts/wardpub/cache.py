"""Content-addressed cache and atomic, deterministic file output.

Owns how generated files reach disk: `write_atomic` (temporary file in the
same folder, then rename, so a reader never sees half a file) and
`ContentCache`, which keys each output on a digest of everything that shapes
it (inputs, template, font, renderer version) so unchanged work is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from . import CACHE_DIR


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

    def __init__(self, namespace: str, root: Path = CACHE_DIR):
        self.dir = Path(root) / namespace

    def path(self, key: str, suffix: str = "") -> Path:
        return self.dir / key[:2] / f"{key}{suffix}"

    def get_or_make(self, key: str, make: Callable[[], bytes], suffix: str = "") -> tuple[Path, bool]:
        """Return (path, made): the cached file for key, made by make() when missing."""
        path = self.path(key, suffix)
        if path.is_file():
            return path, False
        write_atomic(path, make())
        return path, True


def generated(name: str, data: bytes | str) -> Path:
    """A small generated file (stylesheet, manifest) kept in .cache/generated/ for MkDocs to copy."""
    path = CACHE_DIR / "generated" / name
    write_atomic(path, data)
    return path
