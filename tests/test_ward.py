"""wardpub.data.ward: the one place for the ward's identity and colours."""

from wardpub.data.ward import Colours, contrast, contrast_problems, load_ward
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


def test_every_shipped_placeholder_is_found():
    from wardpub.data.ward import placeholders

    found = dict(placeholders(project_ward_block()["ward"], "https://example.gov.vn/nq71/"))
    assert set(found) == {"extra.ward.name.vi", "extra.ward.name.en", "extra.ward.committee.vi", "extra.ward.committee.en",
                          "extra.ward.address.vi", "extra.ward.address.en", "extra.ward.phone", "extra.ward.email",
                          "extra.ward.zalo_oa_id", "extra.ward.embed_origins[0]", "site_url"}
    assert found["extra.ward.phone"] == "[0xx xxxx xxxx]"


def test_real_values_are_not_placeholders():
    from wardpub.data.ward import is_placeholder

    for value in ("Phường Bình Thạnh", "028 3841 2345", "vanphong@phuongbinhthanh.gov.vn", "https://phuongbinhthanh.gov.vn",
                  "Số 6 Phan Đăng Lưu, phường Bình Thạnh, TP. Hồ Chí Minh"):
        assert not is_placeholder(value), value
    for value in ("[TÊN PHƯỜNG]", "https://example.gov.vn", "hopthu@example.com", "https://phuong.example", "[0xx]"):
        assert is_placeholder(value), value


def test_placeholder_contacts_are_never_links():
    ward, _ = load_ward(project_ward_block())
    assert ward.links() == {"phone": None, "email": None}
    assert ward.page_values("vi")["phone"] == "[0xx xxxx xxxx]"
    real = project_ward_block()
    real["ward"].update(phone="028 3841 2345", email="vanphong@phuongbinhthanh.gov.vn")
    ward, _ = load_ward(real)
    assert ward.links() == {"phone": "tel:02838412345", "email": "mailto:vanphong@phuongbinhthanh.gov.vn"}
    assert ward.page_values("vi")["phone"] == "[028 3841 2345](tel:02838412345)"


def test_short_name_must_fit_a_phone_header():
    extra = project_ward_block()
    extra["ward"]["short_name"] = {"vi": "Phường Nguyễn Thái Bình mới", "en": "P. NTB"}
    ward, problems = load_ward(extra)
    assert ward is None
    [problem] = problems
    assert str(problem).startswith("mkdocs.yml: extra.ward.short_name.vi: “Phường Nguyễn Thái Bình mới” dài 27 ký tự")


def test_logo_must_exist_and_be_an_image(tmp_path):
    from wardpub.data.ward import logo_problems, logo_size

    extra = project_ward_block()
    extra["ward"]["logo"] = "assets/images/logo-phuong.svg"
    ward, _ = load_ward(extra)
    [missing] = logo_problems(ward, tmp_path)
    assert missing.field == "extra.ward.logo" and "không tìm thấy tệp docs/assets/images/logo-phuong.svg" in missing.message
    (tmp_path / "assets/images").mkdir(parents=True)
    (tmp_path / "assets/images/logo-phuong.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 40"></svg>')
    assert logo_problems(ward, tmp_path) == []
    assert logo_size(tmp_path / "assets/images/logo-phuong.svg") == (80, 40)
