"""`wardpub print`: check, draw what changed, report, and copy the print kit out.

Owns the command the communications team runs before going to the print
shop: it checks the whole project as the build does (one line per mistake,
exit status 1; nothing drawn), draws the documents whose inputs changed
(the cache keeps the others), prints each file with its size, the time it
took, and with `--out` copies every file in the site's layout
(`print/<item>/<name>.pdf`, `.pptx`, `.png`, and `print/manifest.json`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ...problems import ProblemsFound
from ..infographics.command import copy_out
from .kit import kit_files
from .output import PrintCache, render_documents


def run(project, out: Path | None) -> int:
    if project.problems:
        print(ProblemsFound(project.problems), file=sys.stderr)
        print("Chưa in tệp nào: hãy sửa các lỗi trên. (Nothing drawn: fix the lines above.)", file=sys.stderr)
        return 1
    kit = project.printkit
    if kit is None:
        print("Không có thư mục print/. (No print folder.)")
        return 0
    cache = PrintCache()
    start = time.perf_counter()
    report = render_documents(kit.documents, cache, project.ward.committee["vi"])
    elapsed = time.perf_counter() - start
    print(f"{len(kit.items)} ấn phẩm, {len(kit.documents)} tệp in: vẽ mới {len(report.drawn)}, "
          f"dùng lại {report.cached} từ bộ nhớ đệm, {elapsed:.2f} s")
    for document in kit.documents:
        sizes = ", ".join(f"{suffix[1:]} {cache.path(document, suffix).stat().st_size / 1000:.0f} KB"
                          for suffix in document.outputs)
        print(f"  {document.site_path('')}: {document.size_mm[0]}×{document.size_mm[1]} mm, {len(document.pages)} trang; {sizes}")
    if out:
        print(f"Đã chép {copy_out(kit_files(kit, cache), out)} tệp vào {out}")
    return 0
