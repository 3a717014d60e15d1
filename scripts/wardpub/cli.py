"""Command-line entry points (`wardpub <command>`), thin wrappers over the modules.

  wardpub build          validate, then build site/ atomically (make site)
  wardpub validate       check every page, table and spec without building
  wardpub fix-unicode    rewrite text files in Unicode NFC
  wardpub bench          speed and size figures against same-run baselines
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import PROJECT_ROOT


def _build(args) -> int:
    from .publish import BuildFailed, build_site, configure_logging

    configure_logging(args.verbose)
    try:
        target = build_site(args.site_dir, args.config)
    except BuildFailed as error:
        print(str(error), file=sys.stderr)
        print("Chưa xuất bản: trang web cũ vẫn giữ nguyên. (Build stopped; the previous site/ is untouched.)", file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang web vào {target}")
    return 0


def _validate(args) -> int:
    from mkdocs.config import load_config

    from .validate import check_project

    config = load_config(config_file=str(PROJECT_ROOT / "mkdocs.yml"))
    problems = check_project(dict(config.extra), config.docs_dir).problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("Không có lỗi. (No problems found.)")
    return 0


def _fix_unicode(args) -> int:
    from .text import nfc

    changed = 0
    for path in args.paths or [PROJECT_ROOT / "docs", PROJECT_ROOT / "infographics"]:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in {".md", ".yml", ".yaml", ".csv"})
        for file in files:
            text = file.read_text(encoding="utf-8")
            if nfc(text) != text:
                file.write_text(nfc(text), encoding="utf-8")
                print(f"Đã chuẩn hóa {file.relative_to(PROJECT_ROOT) if file.is_relative_to(PROJECT_ROOT) else file}")
                changed += 1
    print(f"{changed} tệp được sửa.")
    return 0


def _bench(args) -> int:
    from .bench import main as bench_main

    return bench_main(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wardpub", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="validate and build site/ atomically")
    build.add_argument("--site-dir", type=Path, default=None)
    build.add_argument("--config", type=Path, default=None, help="another project's mkdocs.yml (benchmarks)")
    build.add_argument("-v", "--verbose", action="store_true")
    build.set_defaults(run=_build)

    commands.add_parser("validate", help="check content without building").set_defaults(run=_validate)

    fix = commands.add_parser("fix-unicode", help="rewrite text files in Unicode NFC")
    fix.add_argument("paths", nargs="*", type=Path)
    fix.set_defaults(run=_fix_unicode)

    bench = commands.add_parser("bench", help="print the benchmark table")
    bench.add_argument("--pages", type=int, default=2000, help="size of the large synthetic site")
    bench.set_defaults(run=_bench)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
