"""Contest rounds: the data file, the state by the build date, and what the contest page says in each state."""

import datetime as dt
import textwrap
from types import SimpleNamespace

import pytest
import yaml

from wardpub.site.quiz.bank import load_bank
from wardpub.site.quiz.check import Quiz
from wardpub.site.quiz.pages import contest_section, state_sentence
from wardpub.site.quiz.rounds import ROUNDS_FILE, Rounds, load_rounds
from wardpub.data.registries import load_registries

D = dt.date


def example_round(**changes) -> dict:
    """The shipped example round, published (draft removed), with changes."""
    (round_,) = yaml.safe_load(ROUNDS_FILE.read_text(encoding="utf-8"))
    round_.pop("draft")
    round_.update(changes)
    return round_


def rounds_from(tmp_path, items: list[dict]) -> Rounds:
    path = tmp_path / "rounds.yml"
    path.write_text(yaml.safe_dump(items, allow_unicode=True, default_flow_style=False), encoding="utf-8")
    return load_rounds(path)


def test_the_shipped_file_holds_only_an_example_that_is_never_published():
    rounds = load_rounds()
    assert rounds.problems == [] and rounds.rounds == []
    assert yaml.safe_load(ROUNDS_FILE.read_text(encoding="utf-8"))[0]["draft"] is True


def test_a_round_moves_through_its_states_with_the_date(tmp_path):
    (round_,) = rounds_from(tmp_path, [example_round()]).rounds
    assert round_.state(D(2027, 1, 4)) == "upcoming"
    assert round_.state(D(2027, 1, 5)) == round_.state(D(2027, 1, 25)) == "open"
    assert round_.state(D(2027, 1, 26)) == "closed"
    (done,) = rounds_from(tmp_path, [example_round(results={"text": {"vi": "Giải nhất: Chi bộ 1.", "en": "First: Cell 1."},
                                                            "published": "2027-02-05"})]).rounds
    assert done.state(D(2027, 2, 6)) == "results"


@pytest.mark.parametrize("changes, expected", [
    ({"closes": "2027-01-01"}, "ngày kết thúc (closes) trước ngày mở (opens)"),
    ({"form": {**example_round()["form"], "url": "http://docs.google.com/forms/x"}}, "đường dẫn biểu mẫu phải bắt đầu bằng https://"),
    ({"form": {**example_round()["form"], "kept_until": "2027-01-10"}}, "ngày xóa dữ liệu (form.kept_until) trước ngày kết thúc"),
    ({"form": {**example_round()["form"], "collects": []}}, "form.collects"),
    ({"rules": []}, "rules"),
])
def test_a_bad_round_is_one_line_naming_it(tmp_path, monkeypatch, changes, expected):
    monkeypatch.chdir(tmp_path)
    rounds = rounds_from(tmp_path, [example_round(**changes)])
    assert rounds.rounds == [] and len(rounds.problems) == 1
    assert str(rounds.problems[0]).startswith("rounds.yml: vòng vong-mau (")
    assert expected in str(rounds.problems[0])


def project_with(rounds: Rounds):
    registries = load_registries()
    ward = SimpleNamespace(values=lambda language: {"email": "hopthu@example.gov.vn", "phone": "0123 456 789"})
    return SimpleNamespace(quiz=Quiz(load_bank(registries), rounds), ward=ward, registries=registries)


def test_the_contest_page_words_each_state_by_the_build_date(tmp_path):
    rounds = rounds_from(tmp_path, [example_round(results_due="2027-02-05")])
    project = project_with(rounds)
    page = "thi-tim-hieu/cuoc-thi/"

    upcoming = contest_section(project, "vi", page, D(2027, 1, 2))
    assert "Sắp diễn ra: vòng thi mở từ ngày 5/1/2027 đến hết ngày 25/1/2027." in upcoming
    assert "docs.google.com" not in upcoming  # the link only while the round is open
    assert "Nghị định 13/2023/NĐ-CP" in upcoming and "Số điện thoại" in upcoming and "31/3/2027" in upcoming

    opened = contest_section(project, "vi", page, D(2027, 1, 10))
    assert "Đang mở: bạn có thể dự thi đến hết ngày 25/1/2027." in opened
    assert 'href="https://docs.google.com/forms/d/e/VI-DU-BIEU-MAU/viewform"' in opened

    closed = contest_section(project, "en", page, D(2027, 1, 30))
    assert "The round closed on 25 January 2027. The organisers are marking the entries. Results are expected on 5 February 2027." in closed
    assert "docs.google.com" not in closed
    # Once the announced day has passed without results, the page no longer promises it.
    late = contest_section(project, "en", page, D(2027, 2, 10))
    assert "expected on" not in late and "as soon as the organisers announce them" in late


def test_results_are_shown_once_the_ward_writes_them(tmp_path):
    results = {"text": {"vi": "Giải nhất thuộc về Chi bộ Khu phố 1.", "en": "First prize: Neighbourhood 1 cell."},
               "url": "https://example.gov.vn/ket-qua", "published": "2027-02-05"}
    project = project_with(rounds_from(tmp_path, [example_round(results=results)]))
    text = contest_section(project, "vi", "thi-tim-hieu/cuoc-thi/", D(2027, 3, 1))
    assert "kết quả được công bố ngày 5/2/2027" in text and "Giải nhất thuộc về Chi bộ Khu phố 1." in text
    assert 'href="https://example.gov.vn/ket-qua"' in text


def test_without_a_round_the_page_says_so_and_points_to_practice():
    text = contest_section(project_with(Rounds()), "vi", "thi-tim-hieu/cuoc-thi/", D(2026, 11, 28))
    assert "Hiện chưa có vòng thi nào được công bố." in text
    assert 'href="../../thi-tim-hieu/"' in text
    assert "Trang thông tin này không thu thập dữ liệu cá nhân" in text


def test_the_open_round_comes_first_and_earlier_ones_follow(tmp_path):
    old = example_round(id="vong-1", opens="2026-10-01", closes="2026-10-10", results_due=None,
                        form={**example_round()["form"], "kept_until": "2026-12-31"})
    new = example_round(id="vong-2")
    rounds = rounds_from(tmp_path, [old, new])
    assert rounds.current(D(2027, 1, 10)).id == "vong-2"
    assert rounds.current(D(2026, 11, 1)).id == "vong-2"  # upcoming beats a closed one
    text = contest_section(project_with(rounds), "vi", "thi-tim-hieu/cuoc-thi/", D(2027, 1, 10))
    assert text.index("Đang mở") < text.index("Các vòng thi trước") < text.index("đã kết thúc ngày 10/10/2026")
