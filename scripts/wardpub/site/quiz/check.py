"""The quiz's part of `wardpub.project.check_project`.

Owns `check_quiz`: the bank (wardpub.site.quiz.bank), the contest rounds
(…rounds) and the ready-made paper sets (…sheets), loaded and checked
together, so `make validate`, the pre-commit hook and the build list every
mistake in them with the rest and stop before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ...problems import Problem
from ...data.registries import Registries
from .bank import Bank, load_bank
from .rounds import Rounds, load_rounds
from .sheets import Sheet, load_sets


@dataclass
class Quiz:
    bank: Bank
    rounds: Rounds
    sheets: list[Sheet] = field(default_factory=list)


def check_quiz(data_dir: Path, docs_dir: Path, registries: Registries) -> tuple[Optional[Quiz], list[Problem]]:
    """Everything under docs/_data/quiz/, checked; None when the project has no quiz."""
    folder = Path(data_dir) / "quiz"
    if not folder.is_dir() or registries.problems:
        return None, []  # a broken sources or categories table is reported on its own first
    bank = load_bank(registries, folder / "questions", docs_dir)
    rounds = load_rounds(folder / "rounds.yml")
    sheets, sheet_problems = load_sets(bank, registries, folder / "sheets.yml")
    return Quiz(bank, rounds, sheets), bank.problems + rounds.problems + sheet_problems
