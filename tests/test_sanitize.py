"""wardpub.data.sanitize: editors' Markdown cannot inject script, in any spelling."""

import pytest

from sites import minimal_pages, page
from wardpub.site.publish import BuildFailed
from wardpub.data.sanitize import html_problems, is_unsafe_url, markdown_problems

INJECTIONS = [
    pytest.param("Xin chào <script>alert(1)</script>", "<script>", id="raw-script"),
    pytest.param('<img src="x.png" alt="a" onerror="alert(1)">', "onerror", id="on-attribute"),
    pytest.param('![ảnh](x.png){ onclick="alert(1)" }', "onclick", id="attr-list-on-image"),
    pytest.param("Đoạn văn\n{: onmouseover='alert(1)' }", "onmouseover", id="attr-list-on-paragraph"),
    pytest.param("[Bấm](javascript:alert(1))", "liên kết javascript:", id="javascript-link"),
    pytest.param("[Bấm](&#106;avascript:alert(1))", "liên kết javascript:", id="javascript-link-entity"),
    pytest.param("[Bấm]( JaVaScRiPt:alert(1))", "liên kết javascript:", id="javascript-link-case"),
    pytest.param("[x](data:text/html;base64,PHNjcmlwdD4=)", "liên kết data:", id="data-link"),
    pytest.param("[x][1]\n\n[1]: javascript:alert(1)", "liên kết javascript:", id="reference-link"),
    pytest.param('<a href="javascript:alert(1)">x</a>', "liên kết javascript:", id="raw-link"),
    pytest.param('<iframe src="https://example.com"></iframe>', "<iframe>", id="iframe"),
    pytest.param('<form action="https://example.com"><input name="a"></form>', "<form>", id="form"),
    pytest.param("<style>body{display:none}</style>", "<style>", id="style"),
]


@pytest.mark.parametrize("markdown, field", INJECTIONS)
def test_each_injection_is_named(markdown, field):
    problems = markdown_problems(markdown, "docs/a.vi.md")
    assert field in {p.field for p in problems}, [str(p) for p in problems]


@pytest.mark.parametrize("markdown, field", INJECTIONS[:6])
def test_injection_stops_the_build(make_site, markdown, field):
    make_site({**minimal_pages(), "docs/a.vi.md": page(body=markdown), "docs/a.en.md": page()})
    with pytest.raises(BuildFailed) as failure:
        make_site.build()
    assert f"docs/a.vi.md:{6 + markdown.count(chr(10))}: {field}:" in str(failure.value)


def test_examples_in_code_are_allowed():
    markdown = "Không dùng `<script>` hay `[x](javascript:y)`.\n\n```html\n<iframe src=x onload=y></iframe>\n```\n"
    assert markdown_problems(markdown, "docs/a.vi.md") == []


def test_ordinary_markdown_passes():
    markdown = "[Trang](https://example.org), [nội bộ](../tai-lieu.md), ![ảnh](a.png){ .lon }, <abbr title='x'>UBND</abbr>"
    assert markdown_problems(markdown, "docs/a.vi.md") == []


def test_html_guard_reads_what_was_rendered():
    rendered = '<p><a href="&#106;avascript:alert(1)">x</a><img src=a.png onload="x"></p><svg><style>a{}</style></svg>'
    assert [p.field for p in html_problems(rendered, "docs/a.vi.md")] == ["href=javascript:", "onload"]


@pytest.mark.parametrize("url, unsafe", [("https://a.vn", False), ("tai-lieu.md", False), ("java\tscript:x", True), ("DATA:x", True)])
def test_unsafe_url(url, unsafe):
    assert is_unsafe_url(url) is unsafe
