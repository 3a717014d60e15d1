"""Keeping editors' Markdown from injecting active content.

Python-Markdown does not sanitise: raw <script>, `{ onclick=... }` through
attr_list, `javascript:` links and iframes pass straight through. This module
owns the rules and applies them twice:

- `markdown_problems` reads the Markdown source (code blocks and code spans
  excluded, so the editor guide may show what is forbidden) and reports each
  finding as a Problem with its line, before anything is built;
- `html_problems` reads the HTML a page became, as the last guard: whatever
  the source looked like, a page with active content is never published.
"""

from __future__ import annotations

import html
import re

from .pages import without_code
from ..problems import Problem

# Elements that run code, load other documents, or submit data.
FORBIDDEN_TAGS = frozenset(
    "script iframe frame frameset object embed applet form input textarea select base meta link portal".split()
)
# Also refused in editors' Markdown: styles and buttons are for the site's own
# components (charts' SVG, share buttons), which the rendered-HTML guard sees too.
FORBIDDEN_IN_SOURCE = FORBIDDEN_TAGS | {"style", "button"}
URL_ATTRIBUTES = frozenset("href src action formaction xlink:href poster data background srcset".split())
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")

_TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9:-]*)")  # opening tags only
_EVENT_IN_TAG = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.S)
_EVENT_IN_ATTR_LIST = re.compile(r"\{[^}\n]*?(?<![\w-])(on[a-zA-Z]+)\s*=[^}\n]*\}")
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](url) and ![alt](url)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),  # [ref]: url
    re.compile(r"(?:href|src|action|formaction|poster)\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>"),  # <scheme:...> autolinks
)


def is_unsafe_url(url: str) -> bool:
    """True for javascript:, vbscript: and data: URLs, however they are spelt."""
    cleaned = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(url)).lower()
    return cleaned.startswith(UNSAFE_SCHEMES)


def markdown_problems(markdown: str, file: str, first_line: int = 1) -> list[Problem]:
    text = without_code(markdown)

    def line(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    problems = []
    if "<" not in text and "{" not in text and ":" not in text:
        return problems  # nothing that could be a tag, an attribute list or a scheme
    for match in _TAG.finditer(text):
        name = match.group(1).lower()
        if name in FORBIDDEN_IN_SOURCE:
            problems.append(Problem(file, f"<{name}>", "thẻ HTML này không được phép trong nội dung (có thể chạy mã hoặc nhúng trang khác)",
                                    "xóa thẻ; muốn nhúng nội dung, hãy gửi yêu cầu cho nhóm kỹ thuật", line(match.start())))
    for pattern in (_EVENT_IN_TAG, _EVENT_IN_ATTR_LIST):
        for match in pattern.finditer(text):
            problems.append(Problem(file, match.group(1), "thuộc tính sự kiện (on...) chạy mã trên máy người đọc, không được phép",
                                    "xóa thuộc tính này", line(match.start(1))))
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(text):
            if is_unsafe_url(match.group(1)):
                scheme = html.unescape(match.group(1)).split(":", 1)[0].strip().lower()
                problems.append(Problem(file, f"liên kết {scheme}:", "liên kết dạng này chạy mã hoặc chứa dữ liệu ẩn, không được phép",
                                        "dùng liên kết https:// hoặc liên kết tới trang khác trong trang web", line(match.start(1))))
    return problems


_HTML_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_HTML_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def html_problems(content: str, file: str) -> list[Problem]:
    """Active content in a page's rendered HTML: the guard that cannot be spelt around.

    Python-Markdown's output is well-formed (text and code are escaped), so a
    scan of its start tags sees every element and attribute a browser would.
    """
    findings = []
    for tag in _HTML_TAG.finditer(content):
        name = tag.group(1).lower()
        if name in FORBIDDEN_TAGS:
            findings.append(f"<{name}>")
        for attr in _HTML_ATTR.finditer(tag.group(2)):
            key = attr.group(1).lower()
            value = next((v for v in attr.groups()[1:] if v is not None), "")
            if key.startswith("on"):
                findings.append(key)
            elif key in URL_ATTRIBUTES and value and is_unsafe_url(value):
                findings.append(f"{key}={html.unescape(value).split(':', 1)[0].strip().lower()}:")
    return [Problem(file, finding, "trang có nội dung chạy mã, không được xuất bản",
                    "xóa phần này khỏi tệp Markdown") for finding in findings]
