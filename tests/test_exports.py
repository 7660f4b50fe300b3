"""The library's CSV and JSON exports: the current filtered list, one row per item,
key figures as columns, accents intact and formula cells neutralised."""

import csv
import io
import json

import pytest

from hub.pages.formatting import spreadsheet_safe

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    text = raw.decode("utf-8-sig")
    # A French export is read as a French spreadsheet reads it: columns at ";".
    french = response["Content-Language"].startswith("fr")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if french else ","))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=True)) for row in body], header


def test_csv_has_one_row_per_filtered_item_with_accents(client, lib):
    url = lib["library"].url + "?region=bretagne&sort=title&format=csv"
    rows, header = read_csv(client.get(url))
    assert [row["Title"] for row in rows] == ["Action one", "Alpha", "Étoile"]
    alpha = rows[1]
    assert alpha["Summary"] == "Résumé: création d'entreprise"
    assert alpha["Type"] == "Case study"
    assert alpha["Total budget (EUR)"] == "5000000"
    assert alpha["Source of the total budget"] == "Programme sheet"
    assert alpha["Regions"] == "Brittany"
    assert alpha["Evidence strength"] == "Proven"
    assert alpha["Address"].endswith("/en/library/alpha/")
    assert rows[0]["Case study"] == "Alpha"
    assert rows[0]["Kind of action"] == "Training"


def test_csv_key_figures_are_columns(client, lib):
    rows, header = read_csv(client.get(lib["library"].url + "?format=csv&sort=title"))
    by_title = {row["Title"]: row for row in rows}
    assert by_title["Alpha"]["Result – Participants (participants)"] == "100"
    assert by_title["Alpha"]["Target – Participants (participants)"] == "120"
    assert by_title["Alpha"]["Year – Participants (participants)"] == "2019"
    assert by_title["Alpha"]["Source – Participants (participants)"] == "Sheet"
    assert by_title["Bravo"]["Result – Participants (participants)"] == "300"
    assert by_title["Bravo"]["Result – Total budget (other source) (EUR)"] == "13000000"
    assert (
        by_title["Action one"]["Result – Participants trained (participants)"] == "40"
    )
    assert by_title["Étoile"]["Result – Participants (participants)"] == ""


def test_csv_neutralises_cells_a_spreadsheet_would_run(client, lib):
    rows, _header = read_csv(client.get(lib["library"].url + "?format=csv"))
    by_title = {row["Title"]: row for row in rows}
    assert by_title["Bravo"]["Summary"] == '\'=HYPERLINK("http://evil.example")'
    assert by_title["Étoile"]["Summary"] == "'-2+3"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+2", "'=1+2"),
        ("+33 1 23", "'+33 1 23"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Île-de-France", "Île-de-France"),
        ("a=b", "a=b"),
        (5, 5),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_csv_in_french_has_french_headers_and_names(client, lib):
    url = lib["tree"]["fr"]["library"].url + "?format=csv&theme=entrepreneurship"
    rows, header = read_csv(client.get(url))
    assert len(rows) == 3
    # The catalogue may not translate the header yet; the values are French.
    names = {row[header[1]] for row in rows}
    assert names == {"Alpha (FR)", "Bravo (FR)", "Action one (FR)"}
    themes = {row["Thèmes"] for row in rows}
    assert any("Entrepreneuriat" in value for value in themes)


def test_json_export_lists_the_filtered_items_with_documented_fields(client, lib):
    url = lib["library"].url + "?theme=entrepreneurship&region=bretagne&format=json"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["count"] == 2
    assert data["language"] == "en"
    assert data["filters"] == {"theme": ["entrepreneurship"], "region": ["bretagne"]}
    alpha = next(item for item in data["items"] if item["title"] == "Alpha")
    assert set(alpha) >= {
        "type",
        "id",
        "translation_key",
        "title",
        "url",
        "summary",
        "case_study",
        "programme",
        "start_date",
        "end_date",
        "status",
        "total_budget",
        "total_budget_source",
        "erdf_contribution",
        "themes",
        "target_groups",
        "regions",
        "countries",
        "evidence_level",
        "participants",
        "partners",
        "key_figures",
    }
    assert alpha["type"] == "case_study"
    assert alpha["total_budget"] == 5000000
    assert alpha["start_date"] == "2015-01-01"
    assert alpha["programme"]["slug"] == "interreg-va"
    assert alpha["regions"] == [
        {"slug": "bretagne", "name": "Brittany", "country": "FR"}
    ]
    assert alpha["evidence_level"] == "proven"
    assert alpha["key_figures"] == [
        {
            "label": "Participants",
            "measure": "participants",
            "value": 100,
            "upper_value": None,
            "unit": "participants",
            "target": 120,
            "year": 2019,
            "source": "Sheet",
        }
    ]
    action = next(item for item in data["items"] if item["type"] == "action")
    assert action["case_study"]["title"] == "Alpha"


def test_json_export_in_french(client, lib):
    url = lib["tree"]["fr"]["library"].url + "?format=json&region=bretagne"
    data = json.loads(client.get(url).content)
    assert data["language"] == "fr"
    titles = sorted(item["title"] for item in data["items"])
    assert titles == ["Action one (FR)", "Alpha (FR)", "Étoile (FR)"]
    alpha = next(item for item in data["items"] if item["title"] == "Alpha (FR)")
    assert alpha["regions"][0]["name"] == "Bretagne"
    assert alpha["themes"][0]["name"] == "Entrepreneuriat"
    assert "/fr/" in alpha["url"]


def test_export_of_an_empty_list_is_valid(client, lib):
    url = lib["library"].url + "?theme=housing&region=normandie"
    rows, header = read_csv(client.get(url + "&format=csv"))
    assert rows == [] and header[0] == "Type"
    data = json.loads(client.get(url + "&format=json").content)
    assert data["count"] == 0 and data["items"] == []
