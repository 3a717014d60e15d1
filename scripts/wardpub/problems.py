"""Problems found in editors' input, reported one line each.

Every check in the build (pages, articles, specs, tables, configuration)
reports a `Problem` naming the file, the field and the fix, in Vietnamese for
the editors who read them. `Problems` collects them so one run lists every
mistake at once, then stops the build before anything is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from . import PROJECT_ROOT


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    field: str
    message: str
    fix: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}"
        return f"{text}. Sửa: {self.fix}" if self.fix else text


class ProblemsFound(Exception):
    """Raised with every problem of a run; its text is one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str) -> str:
    """Path as editors know it: relative to the project (or the working folder), with forward slashes."""
    path = os.path.abspath(path)
    for root in (str(PROJECT_ROOT), os.getcwd()):
        if path.startswith(root + os.sep):
            return path[len(root) + 1:].replace(os.sep, "/")
    return path.replace(os.sep, "/")


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise ProblemsFound(problems)


# Vietnamese wording for the pydantic error types editors can cause.
_MESSAGES = {
    "missing": ("thiếu trường bắt buộc", "thêm trường này"),
    "extra_forbidden": ("trường không được hỗ trợ (viết sai tên?)", "xóa hoặc sửa tên trường cho đúng"),
    "string_type": ("phải là một đoạn chữ", "viết giá trị trong dấu ngoặc kép"),
    "string_too_short": ("không được để trống", "điền nội dung"),
    "string_too_long": ("quá dài", "rút gọn"),
    "int_parsing": ("phải là một số nguyên", "viết số, ví dụ 6"),
    "int_type": ("phải là một số nguyên", "viết số, ví dụ 6"),
    "bool_parsing": ("phải là true hoặc false", "viết true hoặc false"),
    "bool_type": ("phải là true hoặc false", "viết true hoặc false"),
    "date_from_datetime_parsing": ("không phải ngày dạng NĂM-THÁNG-NGÀY", "viết ví dụ 2025-09-16"),
    "date_parsing": ("không phải ngày dạng NĂM-THÁNG-NGÀY", "viết ví dụ 2025-09-16"),
    "date_type": ("không phải ngày dạng NĂM-THÁNG-NGÀY", "viết ví dụ 2025-09-16"),
    "list_type": ("phải là một danh sách", "viết dạng [a, b]"),
    "too_long": ("có nhiều mục hơn mức cho phép", "bớt mục cho đủ số cho phép"),
    "too_short": ("có ít mục hơn mức cần", "thêm mục"),
    "dict_type": ("phải là một nhóm trường con", "xem mẫu trong hướng dẫn biên tập"),
    "model_type": ("phải là một nhóm trường con", "xem mẫu trong hướng dẫn biên tập"),
    "literal_error": ("giá trị không hợp lệ", "chọn một trong các giá trị cho phép"),
    "enum": ("giá trị không hợp lệ", "chọn một trong các giá trị cho phép"),
    "float_parsing": ("phải là một số", "viết số, ví dụ 1.5"),
    "greater_than_equal": ("nhỏ hơn mức cho phép", "tăng giá trị"),
    "less_than_equal": ("lớn hơn mức cho phép", "giảm giá trị"),
}


# Errors about a value's form, where quoting what the editor wrote helps.
_QUOTE_INPUT = {"int_parsing", "bool_parsing", "date_from_datetime_parsing", "date_parsing", "float_parsing",
                "literal_error", "enum", "greater_than_equal", "less_than_equal"}


def from_validation_error(file: str, error: ValidationError, prefix: str = "") -> list[Problem]:
    """Turn a pydantic error into Problems naming the dotted field path."""
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in (prefix, *item["loc"]) if part != "")
        kind = item["type"]
        if kind == "value_error":
            # Raised by our own validators: their message already says what to do.
            message, _, fix = str(item["ctx"]["error"]).partition(" | ")
        else:
            message, fix = _MESSAGES.get(kind, (item["msg"], ""))
            if kind == "literal_error":
                fix = f"chọn một trong: {item['ctx']['expected']}"
            if kind in _QUOTE_INPUT and isinstance(item.get("input"), (str, int, float)):
                message = f"“{item['input']}” {message}"
        problems.append(Problem(file, field or "(tệp)", message, fix))
    return problems
