"""Command-line entry points (`wardpub <command>`), thin wrappers over the modules.

  wardpub build          validate, then build site/ atomically (make site; --publish: make publish)
  wardpub validate       check every page, table and spec without building
  wardpub new-article    start a news article from its Vietnamese title (make article)
  wardpub fix-unicode    rewrite text files in Unicode NFC
  wardpub charts         draw the charts that changed and list every chart file
  wardpub infographics   render the infographics that changed and report their files
  wardpub clips          render the infographics' clips that changed and copy them out
  wardpub print          draw the print kit's changed files (PDF, PPTX) and copy them out
  wardpub import-stats   turn a unit's exported spreadsheet (CSV) into its stored report
  wardpub quiz-sheet     a paper quiz (A4 PDF question sheet and answer key) on demand
  wardpub bench          speed and size figures against same-run baselines
  wardpub eol-build      build with an alternative to MkDocs + Material (its own venv)
  wardpub eol-report     what that build lacks or changes against the pinned site/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import PROJECT_ROOT


def default_config() -> Path:
    """The mkdocs.yml of the project in the working folder, else this package's project."""
    here = Path.cwd() / "mkdocs.yml"
    return here if here.is_file() else PROJECT_ROOT / "mkdocs.yml"


def project_root(args) -> Path:
    """The folder of the project a command works on: its output, cache and content are there."""
    return Path(getattr(args, "config", None) or default_config()).resolve().parent


def _build(args) -> int:
    from .cache import prune
    from .site.publish import BuildFailed, build_site, configure_logging

    configure_logging(args.verbose)
    try:
        target = build_site(args.site_dir, args.config or default_config(), publishing=args.publish)
    except BuildFailed as error:
        print(str(error), file=sys.stderr)
        print("Chưa xuất bản: trang web cũ vẫn giữ nguyên. (Build stopped; the previous site/ is untouched.)", file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang web vào {target}")
    pruned = prune()
    if pruned.files:
        print(f"Đã dọn {pruned.files} tệp cũ khỏi bộ nhớ đệm ({pruned.bytes / 1e6:.1f} MB).")
    return 0


def _validate(args) -> int:
    from mkdocs.config import load_config

    from .problems import ProblemsFound
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    problems = check_project(dict(config.extra), config.docs_dir, config.site_url).problems
    if problems:
        print(ProblemsFound(problems), file=sys.stderr)
        return 1
    print("Không có lỗi. (No problems found.)")
    return 0


def _infographics(args) -> int:
    from mkdocs.config import load_config

    from .media.infographics.command import run
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    return run(project, args.only, args.debug, args.out)


def _clips(args) -> int:
    from mkdocs.config import load_config

    from .media.clips.command import run
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    return run(project, args.only, args.out)


def _print(args) -> int:
    from mkdocs.config import load_config

    from .media.printkit.command import run
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    return run(project, args.out)


def _new_article(args) -> int:
    from .data.editor import new_article

    title = args.title or input("Tiêu đề bài viết (tiếng Việt): ")
    root = project_root(args)
    try:
        path = new_article(title, docs_dir=root / "docs")
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Đã tạo {path.relative_to(root)}")
    print("Mở tệp, viết bài, rồi chạy `make serve` để xem trước và `make validate` để kiểm tra.")
    return 0


def _fix_unicode(args) -> int:
    from .text import nfc

    changed = 0
    root = project_root(args)
    for path in args.paths or [root / "docs", root / "infographics"]:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in {".md", ".yml", ".yaml", ".csv"})
        for file in files:
            text = file.read_text(encoding="utf-8")
            if nfc(text) != text:
                file.write_text(nfc(text), encoding="utf-8")
                print(f"Đã chuẩn hóa {file.relative_to(root) if file.is_relative_to(root) else file}")
                changed += 1
    print(f"{changed} tệp được sửa.")
    return 0


def _charts(args) -> int:
    import time

    from mkdocs.config import load_config

    from .media.charts import copy_files, render_all, report_lines
    from .problems import ProblemsFound
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    project = check_project(dict(config.extra), config.docs_dir)
    start = time.perf_counter()
    try:
        if project.problems:
            raise ProblemsFound(project.problems)
        files = render_all(project.results.charts, project.registries, project.ward, config.site_url)
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(report_lines(files, time.perf_counter() - start)))
    if args.out:
        print(f"Đã chép {copy_files(files, args.out)} tệp vào {args.out}")
    return 0


def _import_stats(args) -> int:
    from .cache import write_atomic
    from .problems import ProblemsFound, display_path
    from .data.statistics import canonical_csv, import_file, import_summary

    imported = import_file(args.file, args.output, project_root(args) / "docs" / "_data" / "thong-ke")
    if imported.problems:
        print(ProblemsFound(imported.problems), file=sys.stderr)
        print("Chưa nhập: sửa các dòng trên trong bảng tính rồi xuất lại tệp CSV. (Nothing imported.)", file=sys.stderr)
        return 1
    if not args.check:
        write_atomic(imported.target, canonical_csv(imported.reports))
    print(import_summary(imported, display_path(imported.target), written=not args.check))
    return 0


def _quiz_sheet(args) -> int:
    from mkdocs.config import load_config

    from .language import LANGUAGES
    from .problems import ProblemsFound
    from .site.quiz.command import run
    from .project import check_project

    config = load_config(config_file=str(args.config or default_config()))
    project = check_project(dict(config.extra), config.docs_dir, config.site_url)
    languages = list(LANGUAGES) if args.language == "all" else [args.language]
    try:
        written = run(project, args.count, args.point, args.seed, args.ids or [], languages, args.out, args.name)
    except ProblemsFound as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"Đã tạo {path}")
    return 0


def _bench(args) -> int:
    from .tools.bench import main as bench_main

    return bench_main(args)


def _eol_build(args) -> int:
    from .tools.eol import STACKS, build

    record = build(STACKS[args.stack], args.out)
    print(f"{record['title']}: " + ("built " + record["built"] if record["built"] else "did not build") + f"; see {args.out / 'build.log'}")
    return 0  # a failed build is a finding, written to build.json for the report


def _eol_report(args) -> int:
    from .tools.eol import report

    text = report(args.site, args.out, browser=args.browser)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as summary:
            summary.write(text + "\n")
    print(text)
    return 0
# The benchmark's sections (wardpub.tools.bench), named here so `--help` works without importing it.
BENCH_SECTIONS = ("site", "large", "news", "preview", "charts", "infographics", "clips", "print", "reading")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wardpub", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="validate and build site/ atomically")
    build.add_argument("--site-dir", type=Path, default=None)
    build.add_argument("--config", type=Path, default=None, help="another project's mkdocs.yml (benchmarks)")
    build.add_argument("-v", "--verbose", action="store_true")
    build.add_argument("--publish", action="store_true", help="a publishing build: refuse placeholders in extra.ward and site_url")
    build.set_defaults(run=_build)

    validate = commands.add_parser("validate", help="check content without building")
    validate.add_argument("--config", type=Path, default=None)
    validate.set_defaults(run=_validate)

    article = commands.add_parser("new-article", help="start a news article from its Vietnamese title")
    article.add_argument("title", nargs="?", default=None)
    article.set_defaults(run=_new_article)

    fix = commands.add_parser("fix-unicode", help="rewrite text files in Unicode NFC")
    fix.add_argument("paths", nargs="*", type=Path)
    fix.set_defaults(run=_fix_unicode)

    charts = commands.add_parser("charts", help="draw changed charts (cached) and list every chart file")
    charts.add_argument("--config", type=Path, default=None)
    charts.add_argument("--out", type=Path, default=None, help="also copy every chart image into this folder, to share")
    charts.set_defaults(run=_charts)

    graphics = commands.add_parser("infographics", help="render changed infographics (cached) and report their files")
    graphics.add_argument("--config", type=Path, default=None)
    graphics.add_argument("--only", nargs="+", default=[], metavar="ID", help="just these infographics")
    graphics.add_argument("--debug", action="store_true", help="outline every layer's box and the safe area")
    graphics.add_argument("--out", type=Path, default=None, help="also copy the files into this folder, to share")
    graphics.set_defaults(run=_infographics)

    clips = commands.add_parser("clips", help="render changed clips (cached) and copy them out")
    clips.add_argument("--config", type=Path, default=None)
    clips.add_argument("--only", nargs="+", default=[], metavar="ID", help="just the clips of these infographics")
    clips.add_argument("--out", type=Path, default=None, help="also copy the clips, subtitles and covers into this folder")
    clips.set_defaults(run=_clips)

    printed = commands.add_parser("print", help="draw the print kit's changed files (cached) and copy them out")
    printed.add_argument("--config", type=Path, default=None)
    printed.add_argument("--out", type=Path, default=None, help="also copy every file into this folder, for the print shop")
    printed.set_defaults(run=_print)

    stats = commands.add_parser("import-stats", help="turn a unit's exported spreadsheet (CSV) into its stored report")
    stats.add_argument("file", type=Path, help="the CSV the spreadsheet exported")
    stats.add_argument("-o", "--output", type=Path, default=None, help="where to store it (default docs/_data/thong-ke/<name>.csv)")
    stats.add_argument("--check", action="store_true", help="only check the file, write nothing")
    stats.set_defaults(run=_import_stats)

    sheet = commands.add_parser("quiz-sheet", help="a paper quiz: A4 question sheet and answer key (PDF)")
    sheet.add_argument("--count", type=int, default=20, help="how many questions to draw (default 20)")
    sheet.add_argument("--point", default=None, help="only from this content point: its number 1-7 or its key")
    sheet.add_argument("--seed", type=int, default=1, help="the same seed always draws the same set")
    sheet.add_argument("--ids", nargs="+", default=None, metavar="ID", help="exactly these questions, in this order")
    sheet.add_argument("--language", choices=["vi", "en", "all"], default="vi")
    sheet.add_argument("--name", default=None, help="file name of the set (ASCII), e.g. de-chi-bo-thang-12")
    sheet.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    sheet.add_argument("--config", type=Path, default=None)
    sheet.set_defaults(run=_quiz_sheet)

    bench = commands.add_parser("bench", help="print the benchmark table")
    bench.add_argument("--pages", type=int, default=2000, help="size of the large synthetic site")
    bench.add_argument("--only", nargs="+", choices=BENCH_SECTIONS, default=list(BENCH_SECTIONS),
                       help="run only these sections (reading: Lighthouse and first-visit bytes of the key pages)")
    bench.set_defaults(run=_bench)

    eol_build = commands.add_parser("eol-build", help="build with an alternative stack (run with that stack's Python)")
    eol_build.add_argument("stack", choices=["properdocs", "zensical"])
    eol_build.add_argument("out", type=Path, help="folder for the copy, the build, its log and build.json")
    eol_build.set_defaults(run=_eol_build)

    eol_report = commands.add_parser("eol-report", help="Markdown report of an eol-build against the pinned site")
    eol_report.add_argument("site", type=Path, help="the pinned build (site/ from make site)")
    eol_report.add_argument("out", type=Path, help="the folder eol-build wrote")
    eol_report.add_argument("--browser", action="store_true", help="also open both home pages in Chromium (header, search)")
    eol_report.add_argument("--summary", type=Path, default=None, help="also append the report here ($GITHUB_STEP_SUMMARY)")
    eol_report.set_defaults(run=_eol_report)

    args = parser.parse_args(argv)
    from .cache import use_project

    use_project(project_root(args))
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
