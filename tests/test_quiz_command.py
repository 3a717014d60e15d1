"""`wardpub quiz-sheet`: a paper set on demand, the same files for the same options."""

import subprocess

from wardpub.cli import main


def test_quiz_sheet_writes_a_sheet_and_its_key_per_language(tmp_path, capsys):
    assert main(["quiz-sheet", "--count", "8", "--point", "7", "--seed", "4", "--language", "all", "--out", str(tmp_path / "a")]) == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["de-noi-dung-7-8-cau-so-4-dap-an-en.pdf", "de-noi-dung-7-8-cau-so-4-dap-an-vi.pdf",
                     "de-noi-dung-7-8-cau-so-4-de-en.pdf", "de-noi-dung-7-8-cau-so-4-de-vi.pdf"]
    text = subprocess.run(["pdftotext", str(tmp_path / "a" / names[3]), "-"], capture_output=True, text=True, check=True).stdout
    assert "Phản bác thông tin sai trái · 8 câu" in text
    assert main(["quiz-sheet", "--count", "8", "--point", "phan-bac-thong-tin-sai", "--seed", "4", "--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / names[3]).read_bytes() == (tmp_path / "a" / names[3]).read_bytes()


def test_quiz_sheet_with_chosen_questions(tmp_path):
    assert main(["quiz-sheet", "--ids", "ngay-ban-hanh", "nguoi-ky", "--name", "de-chi-bo", "--out", str(tmp_path)]) == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "de-chi-bo-de-vi.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert text.index("Nghị quyết 71-NQ/TW được ban hành ngày nào?") < text.index("Ai thay mặt Bộ Chính trị ký")


def test_quiz_sheet_refuses_bad_options_with_one_line(tmp_path, capsys):
    assert main(["quiz-sheet", "--point", "9", "--out", str(tmp_path)]) == 1
    assert "--point: 9: không có nội dung nào có câu hỏi như vậy" in capsys.readouterr().err
    assert main(["quiz-sheet", "--ids", "khong-co", "--out", str(tmp_path)]) == 1
    assert "--ids: khong-co: không có câu hỏi mã này" in capsys.readouterr().err
    assert main(["quiz-sheet", "--count", "500", "--out", str(tmp_path)]) == 1
    assert "--count: 500: cần từ 1 đến" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
