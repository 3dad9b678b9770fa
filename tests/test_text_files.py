"""``text_files.decode_text``: one rule for the text of every imported file, and the importers and
upload widgets that use it."""

from __future__ import annotations

import pytest

from aicmo_kernel.text_files import decode_text

WESTERN = "Kampagne;Datum;Kosten\nFrühjahr Müller;01.03.2027;44,80\nSociété Générale;02.03.2027;36,00 €\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (WESTERN.encode("utf-8"), "utf-8"),
    (WESTERN.encode("utf-8-sig"), "utf-8"),
    (WESTERN.encode("utf-16"), "utf-16"),
    (WESTERN.encode("cp1252"), "cp1252"),  # Excel's plain "CSV" on a Western European Windows
    ("Nom;Société\nÉlodie Hélène Bérénice;Crème brûlée\n".encode("cp1252"), "cp1252"),
    ("name,company\nJosé,Ñandú\n".encode("latin-1"), "cp1252"),
])
def test_the_file_reads_as_it_was_written(data, encoding):
    decoded = decode_text(data)
    assert decoded is not None and decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") in (WESTERN, "Nom;Société\nÉlodie Hélène Bérénice;Crème brûlée\n",
                                             "name,company\nJosé,Ñandú\n")
    assert (decoded.note is not None) == (encoding == "cp1252")


@pytest.mark.parametrize("data", [
    "Имя,Компания\nИван Петров,Рога и копыта\n".encode("cp1251"),  # read as 1252: accented letters only
    "Όνομα,Εταιρεία\nΓιάννης,Αθήνα\n".encode("cp1253"),
    "名前,会社\n山田太郎,東京株式会社\n".encode("shift_jis"),
    "名称,公司\n张三,北京公司\n".encode("gbk"),
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nstream\n\x00\x01\x02\xff\xfe binary",
])
def test_no_guess_for_another_legacy_encoding_or_binary(data):
    assert decode_text(data) is None


def test_a_performance_export_in_windows_1252_is_read_with_a_warning(tmp_path):
    from aicmo_kernel.analytics import load_performance_csv
    from aicmo_kernel.analytics.performance_csv import parse_performance_bytes

    text = "date;platform;campaign;impressions;clicks;leads;spend\n2027-03-01;linkedin;Frühjahr für Müller;1000;12;1;44,80\n"
    path = tmp_path / "zahlen.csv"
    path.write_bytes(text.encode("cp1252"))
    for data in (load_performance_csv(csv_path=str(path)), parse_performance_bytes(path.read_bytes(), filename="x.csv")):
        assert data.rows[0].spend == pytest.approx(44.8) and data.rows[0].campaign == "Frühjahr für Müller"
        assert any("read as Windows-1252" in warning for warning in data.warnings)
    assert not any("Windows-1252" in w for w in load_performance_csv(csv_text=text).warnings)


def test_a_leads_file_in_windows_1252_says_so_where_the_leads_came_from(tmp_path):
    from aicmo_kernel.leads import leads_text_from_upload, load_leads, read_leads_text

    text = "name,company,title,email,status\nJürgen Müller,Société Générale,CFO,jm@sg.fr,new\n"
    path = tmp_path / "leads.csv"
    path.write_bytes(text.encode("cp1252"))
    read, source, _ = read_leads_text(str(path))
    assert read == text and source == "leads.csv (read as Windows-1252, not UTF-8)"
    assert load_leads(leads_text_from_upload(path.read_bytes(), "leads.csv")).leads[0].company == "Société Générale"
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(text, encoding="utf-8")
    assert read_leads_text(str(utf8))[1] == "utf8.csv"


def test_the_upload_widget_reads_utf_16_and_says_when_it_read_windows_1252(isolated_env):
    from pydantic import BaseModel

    from aicmo_kernel.ui.form import InputsForm

    class Inputs(BaseModel):
        csv_text: str = ""

    editor = InputsForm(Inputs).fields["csv_text"]
    text = "Day\tCampaign\tImpr.\tClicks\tCost\tConversions\n2027-03-01\tMarke für Müller\t1000\t12\t4.80\t1\n"
    editor.load_file("report.csv", text.encode("utf-16"))  # Google Ads' "Excel CSV"
    assert editor.input.value == text and editor.upload_message.kind == "success"
    editor.load_file("report.csv", text.encode("cp1252"))
    assert editor.input.value == text and editor.upload_message.kind == "warning"
    assert "read as Windows-1252" in editor.upload_message.text
