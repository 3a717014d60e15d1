"""The question bank: the shipped bank is sound, and each kind of mistake gives one line naming file, line and question."""

import textwrap

import pytest

from wardpub import DOCS_DIR
from wardpub.site.quiz.bank import load_bank
from wardpub.data.registries import load_registries

from sites import minimal_pages

REGISTRIES = load_registries()

GOOD = """\
- id: cau-mau
  point: muc-tieu-quan-diem
  type: single
  difficulty: easy
  question: {vi: "Nghị quyết 71 do cơ quan nào ban hành?", en: "Which body issued Resolution 71?"}
  options:
    - {vi: "Bộ Chính trị", en: "The Politburo", correct: true}
    - {vi: "Quốc hội", en: "The National Assembly"}
    - {vi: "Chính phủ", en: "The Government"}
  explanation: {vi: "Bộ Chính trị ban hành.", en: "The Politburo issued it."}
  sources: [1]
  section: {vi: "Nghị quyết 71 ra đời như thế nào", en: "How Resolution 71 came about"}
"""


def bank_from(tmp_path, files: dict[str, str]):
    folder = tmp_path / "questions"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_bank(REGISTRIES, folder, DOCS_DIR)


def lines_for(tmp_path, text: str) -> list[str]:
    return [str(p) for p in bank_from(tmp_path, {"x.yml": text}).problems]


def test_the_shipped_bank_has_no_problem_and_covers_every_point():
    bank = load_bank(REGISTRIES)
    assert bank.problems == []
    assert len(bank.entries) >= 60
    points = {key for key, c in REGISTRIES.categories.items() if c.point}
    assert {e.question.point for e in bank.entries} == points
    assert {e.question.type for e in bank.entries} == {"single", "multiple", "true_false"}
    assert {e.question.difficulty for e in bank.entries} == {"easy", "medium", "hard"}
    for entry in bank.entries:  # every question says where its fact comes from
        assert entry.question.sources or entry.question.plan


def test_no_question_cites_the_source_the_fact_sheet_warns_about_for_the_budget_share():
    # Fact sheet, section 10: a copy of [13] carries the myth's "5%" wording; the 20% share cites [6] and [23].
    for entry in load_bank(REGISTRIES).entries:
        text = entry.question.question.vi + entry.question.explanation.vi
        if "20%" in text:
            assert 13 not in entry.question.sources, entry.id


def test_a_good_question_loads_with_the_anchor_of_its_section(tmp_path):
    bank = bank_from(tmp_path, {"x.yml": GOOD})
    assert bank.problems == []
    (entry,) = bank.entries
    assert entry.line == 1 and entry.page == "nghi-quyet-71/muc-tieu-quan-diem.md"
    assert entry.anchors == {"vi": "nghi-quyet-71-ra-doi-nhu-the-nao", "en": "how-resolution-71-came-about"}


BAD = [
    pytest.param(GOOD.replace('"Quốc hội", en: "The National Assembly"}', '"Quốc hội", en: "The National Assembly", correct: true}'),
                 "câu cau-mau (options): câu một đáp án (single) phải có đúng một phương án correct: true, câu này có 2", id="single-two-right"),
    pytest.param(GOOD.replace(", correct: true}", "}"),
                 "câu cau-mau (options): câu một đáp án (single) phải có đúng một phương án correct: true, câu này có 0", id="single-none-right"),
    pytest.param(GOOD.replace("type: single", "type: true_false"),
                 "câu cau-mau (options): câu đúng/sai không ghi phương án", id="true-false-with-options"),
    pytest.param(GOOD.replace("type: single", "type: true_false").split("  options:")[0]
                 + "  explanation: {vi: \"Đúng.\", en: \"True.\"}\n  sources: [1]\n",
                 "câu cau-mau (answer): câu đúng/sai thiếu đáp án", id="true-false-without-answer"),
    pytest.param(GOOD.replace("  sources: [1]\n", "  answer: true\n  sources: [1]\n"),
                 "câu cau-mau (answer): answer chỉ dùng cho câu đúng/sai", id="answer-on-single"),
    pytest.param(GOOD.replace('  explanation: {vi: "Bộ Chính trị ban hành.", en: "The Politburo issued it."}\n', ""),
                 "câu cau-mau (explanation): thiếu trường bắt buộc", id="no-explanation"),
    pytest.param(GOOD.replace("  sources: [1]\n", ""), "câu cau-mau (sources): câu hỏi thiếu nguồn", id="no-source"),
    pytest.param(GOOD.replace("sources: [1]", "sources: [999]"),
                 "câu cau-mau (sources): không có nguồn số 999 trong docs/_data/sources.yml", id="unknown-source"),
    pytest.param(GOOD.replace("point: muc-tieu-quan-diem", "point: guong-dien-hinh"),
                 "câu cau-mau (point): “guong-dien-hinh” không phải một nội dung tuyên truyền", id="news-category-as-point"),
    pytest.param(GOOD.replace("point: muc-tieu-quan-diem", "point: muc-tieu"),
                 "câu cau-mau (point): “muc-tieu” không phải một nội dung tuyên truyền", id="unknown-point"),
    pytest.param(GOOD.replace(', en: "Which body issued Resolution 71?"', ""),
                 "câu cau-mau (question.en): thiếu bản tiếng Anh", id="missing-translation"),
    pytest.param(GOOD.replace('    - {vi: "Chính phủ", en: "The Government"}\n', ""),
                 "câu cau-mau (options): câu loại single cần từ 3 đến 6 phương án, câu này có 2", id="too-few-options"),
    pytest.param(GOOD.replace("Quốc hội", "Bộ Chính trị"),
                 "câu cau-mau (options.1.vi): phương án “Bộ Chính trị” bị lặp lại", id="repeated-option"),
    pytest.param(GOOD.replace("Quốc hội", "Quo\u0302\u0301c hội"),
                 "câu cau-mau (options.1.vi): chữ có dấu được gõ ở dạng tổ hợp (không phải Unicode NFC)", id="not-nfc"),
    pytest.param(GOOD.replace('"Nghị quyết 71 ra đời như thế nào"', '"Không có mục này"'),
                 "câu cau-mau (section.vi): trang docs/nghi-quyet-71/muc-tieu-quan-diem.vi.md không có tiêu đề “Không có mục này”",
                 id="unknown-section"),
    pytest.param(GOOD.replace('"Chính phủ"', '"Khoảng 580,133 tỷ"'),
                 "câu cau-mau (options.2.vi): “580,133”: dấu phẩy ngăn hàng nghìn là kiểu tiếng Anh", id="number-style"),
    pytest.param(GOOD.replace("Quốc hội", "Quốc hội →"),
                 "câu cau-mau (options.1.vi): phông Be Vietnam Pro không có chữ “→”", id="glyph-the-sheet-cannot-print"),
    pytest.param(GOOD.replace("id: cau-mau", "id: Câu Mẫu"), "câu Câu Mẫu (id): mã câu hỏi “Câu Mẫu” không hợp lệ", id="bad-id"),
    pytest.param(GOOD.replace("type: single", "type: multiple").replace('"Chính phủ", en: "The Government"}', '"Chính phủ", en: "The Government"}\n    - {vi: "Tòa án", en: "A court"}'),
                 "câu cau-mau (options): câu nhiều đáp án (multiple) cần ít nhất hai phương án đúng và một phương án sai, câu này có 1/4 đúng",
                 id="multiple-with-one-right"),
    pytest.param(GOOD.replace("  sources: [1]\n", '  plan: "Mục 3"\n'),
                 "câu cau-mau (plan): “Mục 3” không phải một mục của kế hoạch", id="bad-plan-section"),
]


@pytest.mark.parametrize("text, expected", BAD)
def test_each_mistake_is_one_line_naming_file_line_and_question(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    lines = lines_for(tmp_path, text)
    assert len(lines) == 1, lines
    assert lines[0].startswith("questions/x.yml:1: "), lines
    assert expected in lines[0], lines


def test_the_line_points_at_the_bad_question_not_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    second = GOOD.replace("cau-mau", "cau-hai").replace("sources: [1]", "sources: [999]")
    (line,) = lines_for(tmp_path, GOOD + "\n" + second)
    assert line.startswith("questions/x.yml:14: câu cau-hai (sources)")  # GOOD is 12 lines, then a blank one


def test_a_duplicate_id_across_files_names_both_places(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bank = bank_from(tmp_path, {"a.yml": GOOD, "b.yml": GOOD})
    assert [str(p) for p in bank.problems] == [
        "questions/b.yml:1: câu cau-mau (id): mã câu hỏi trùng với câu ở questions/a.yml:1. "
        "Sửa: đặt cho câu này một mã khác (mã của câu đã đăng không được đổi)"]
    assert len(bank.entries) == 1


def test_a_file_that_is_not_a_list_or_not_yaml_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert lines_for(tmp_path, "id: x\n")[0].startswith("questions/x.yml: (tệp): tệp câu hỏi phải là một danh sách")
    assert lines_for(tmp_path, "- id: [x\n")[0].startswith("questions/x.yml:")


def test_choices_are_shuffled_the_same_way_for_the_same_seed():
    question = load_bank(REGISTRIES).by_id["co-quan-ban-hanh"].question
    assert question.ordered_choices("vi", "a") == question.ordered_choices("vi", "a")
    orders = {tuple(text for text, _ in question.ordered_choices("vi", str(seed))) for seed in range(20)}
    assert len(orders) > 1  # the right option is not always first on paper
    assert sorted(question.ordered_choices("vi", "a")) == sorted(question.choices("vi"))


def test_a_bad_question_stops_the_build_of_a_whole_site(make_site):
    site = make_site({**minimal_pages(), "docs/_data/quiz/questions/phan-bac-thong-tin-sai.yml": GOOD.replace("sources: [1]", "sources: [999]")})
    from wardpub.site.publish import BuildFailed

    with pytest.raises(BuildFailed) as failure:
        site.build()
    assert "docs/_data/quiz/questions/phan-bac-thong-tin-sai.yml:1: câu cau-mau (sources): không có nguồn số 999" in str(failure.value)
    assert not (site.root / "site").exists()
