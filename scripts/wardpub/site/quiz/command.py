"""The `wardpub quiz-sheet` command: a paper set on demand, for a chi bộ or a class.

Owns turning the command's options into a set (a seeded draw of --count
questions, from one content point given by its number or key, or the exact
--ids chosen) and writing its question sheet and answer key, in one language
or both, into a folder. The same bank, options and seed always give the same
files, so a secretary can print the same set again later.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from ... import language as lang
from ...problems import Problem, ProblemsFound
from ...data.registries import Bilingual
from .sheets import Sheet, render_sheet, select


def resolve_point(value: Optional[str], bank, registries) -> Optional[str]:
    """A content point from the command line: its number (1–7) or its key."""
    if value is None:
        return None
    for key in bank.point_keys:
        if value in (key, str(registries.categories[key].point)):
            return key
    raise ProblemsFound([Problem("--point", value, "không có nội dung nào có câu hỏi như vậy",
                                 f"ghi số 1–7 hoặc một trong: {', '.join(bank.point_keys)}")])


def make_sheet(project, count: int, point: Optional[str], seed: int, ids: list[str], name: Optional[str]) -> Sheet:
    quiz = project.quiz
    key = resolve_point(point, quiz.bank, project.registries)
    unknown = [ident for ident in ids if ident not in quiz.bank.by_id]
    if unknown:
        raise ProblemsFound([Problem("--ids", ", ".join(unknown), "không có câu hỏi mã này", "xem mã trong docs/_data/quiz/questions/")])
    available = len(quiz.bank.for_point(key))
    if not ids and not 1 <= count <= available:
        raise ProblemsFound([Problem("--count", str(count), f"cần từ 1 đến {available} câu", f"ghi --count {min(max(count, 1), available)}")])
    entries = select(quiz.bank, count, key, seed, ids)
    ident = name or (f"de-{'noi-dung-' + str(project.registries.categories[key].point) + '-' if key else ''}{len(entries)}-cau-so-{seed}")
    titles = {language: (project.registries.categories[key][language] if key else lang.t("quiz.sheet_custom", language)) for language in lang.LANGUAGES}
    return Sheet(ident, Bilingual(**titles), f"{ident}:{seed}", tuple(entries))


def run(project, count: int, point: Optional[str], seed: int, ids: list[str], languages: list[str],
        out: Path, name: Optional[str] = None) -> list[Path]:
    """Write the set's PDFs into out; return their paths."""
    if project.problems:
        raise ProblemsFound(project.problems)
    sheet = make_sheet(project, count, point, seed, ids, name)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        made = render_sheet(sheet, language, project.registries, project.ward, project.site_url)
        for site_path, file in ((made.questions_path, made.questions_file), (made.key_path, made.key_file)):
            target = out / Path(site_path).name
            shutil.copyfile(file, target)
            written.append(target)
    return written
