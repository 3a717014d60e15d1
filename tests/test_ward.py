"""wardpub.ward: the one place for the ward's identity and colours."""

from wardpub.ward import Colours, contrast, contrast_problems, load_ward
from wardpub import PROJECT_ROOT
import yaml


def project_ward_block():
    # mkdocs.yml needs MkDocs' loader for its python tags; the ward block is plain data.
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("extra:\n")
    end = text.index("\nplugins:")
    return yaml.safe_load(text[start:end])["extra"]


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_project_colours_pass_aa_and_placeholders_are_marked():
    ward, problems = load_ward(project_ward_block())
    assert problems == []
    assert "[" in ward.name.vi and "[" in ward.name.en  # clearly a placeholder until an editor replaces it
    assert ward.site_name("vi").endswith(ward.name.vi)


def test_low_contrast_colour_is_refused_with_the_field_named():
    colours = Colours(primary="#f2c230", primary_dark="#7d0a0f", accent="#f2c230", text="#1d1d1f", link="#a50e14")
    [problem] = contrast_problems(colours)
    assert str(problem).startswith("mkdocs.yml: extra.ward.colours.primary: độ tương phản chữ trắng trên thanh tiêu đề là 1.")


def test_bad_colour_and_missing_field():
    extra = project_ward_block()
    extra["ward"]["colours"]["link"] = "red"
    del extra["ward"]["email"]
    ward, problems = load_ward(extra)
    assert ward is None
    assert sorted(str(p) for p in problems) == [
        "mkdocs.yml: extra.ward.colours.link: “red” không phải mã màu dạng #rrggbb. Sửa: viết ví dụ \"#a50e14\"",
        "mkdocs.yml: extra.ward.email: thiếu trường bắt buộc. Sửa: thêm trường này",
    ]
