"""The quiz: a question bank as data, practice on the site, contest rounds, paper sheets, exports.

For residents who practise on a phone, teachers who import the bank into
their school's platform and chi bộ secretaries who hold a paper quiz. One
module per concern:

- `bank`     the question bank's schema, loading and every check (one line per bad question)
- `rounds`   the contest rounds the ward runs through its own form service, and their state by date
- `exports`  a question in one language, the practice page's JSON, GIFT, Moodle XML and CSV
- `sheets`   paper sets: the seeded draw, the ready-made sets, A4 question sheets and answer keys (PDF)
- `check`    the quiz's part of `wardpub.project.check_project`
- `pages`    the practice and contest pages' sections, and the files MkDocs copies
- `command`  the `wardpub quiz-sheet` command
"""

from .check import Quiz, check_quiz
from .pages import page_section, site_files

__all__ = ["Quiz", "check_quiz", "page_section", "site_files"]
