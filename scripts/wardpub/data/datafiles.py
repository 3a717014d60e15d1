"""Loading the project's own YAML data safely, with editor-readable errors.

Owns `load_yaml` (safe loader only: mkdocs.yml is the one file read with
MkDocs' unsafe loader), `load_model` (a file read into a typed schema) and
the Unicode checks every data file passes: a YAML syntax error or text not
in NFC becomes a `Problem` naming file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import ValidationError

from ..problems import Problem, display_path, from_validation_error
from ..text import is_nfc


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when present: thousands of articles are read per
    build), leaving dates as text: the schemas parse them, so a wrong date is
    reported with its field name instead of crashing the parser."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def parse_yaml(text: str, file: str, line_offset: int = 0, field: str = "YAML") -> tuple[Any, list[Problem]]:
    """Parse YAML text; on error return one Problem with the line it points at."""
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        reason = (error.problem or "cú pháp YAML sai").strip()
        return None, [
            Problem(file, field, f"lỗi cú pháp YAML ({reason})",
                    "kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này", line)
        ]
    except yaml.YAMLError as error:
        return None, [Problem(file, field, f"lỗi cú pháp YAML ({error})", "kiểm tra lại tệp")]


def load_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Read a UTF-8 YAML file that must be NFC; return (data, problems)."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(file, "(tệp)", "không tìm thấy tệp", "tạo lại tệp hoặc sửa đường dẫn")]
    except UnicodeDecodeError:
        return None, [Problem(file, "(tệp)", "tệp không ở mã UTF-8", "lưu lại tệp với mã hóa UTF-8")]
    problems = nfc_problems(text, file)
    data, yaml_problems = parse_yaml(text, file)
    return data, problems + yaml_problems


def load_model(path: Path, model, not_a_group: tuple[str, str]) -> tuple[Optional[Any], list[Problem]]:
    """A YAML file validated by a pydantic model: (the model or None, problems naming file and field).
    not_a_group is the (message, fix) for a file that is not a mapping of fields."""
    file = display_path(path)
    data, problems = load_yaml(path)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(file, "(tệp)", *not_a_group)]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, from_validation_error(file, error)


def walk_strings(value, path: str = ""):
    """(dotted field path, text) for every string in loaded YAML data: for checks that read every text of a spec."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, f"{path}.{index}")


def nfc_problems(text: str, file: str, field: str = "(văn bản)") -> list[Problem]:
    """One Problem for the first line whose text is not NFC (decomposed marks)."""
    if is_nfc(text):
        return []
    for number, line in enumerate(text.splitlines(), start=1):
        if not is_nfc(line):
            return [Problem(file, field, "chữ có dấu được gõ ở dạng tổ hợp (không phải Unicode NFC)",
                            "chạy `make fix-unicode` hoặc gõ lại dòng này bằng bộ gõ Unicode dựng sẵn", number)]
    return []
