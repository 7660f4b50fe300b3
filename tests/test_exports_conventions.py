"""The library's CSV in its reader's conventions: a French export opens in columns in
a French spreadsheet (semicolons, decimal comma, French headers), an English one with
commas and decimal points; no column is empty in every row."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import translation

from hub.practices.exports import COLUMNS, csv_table

pytestmark = pytest.mark.django_db


def record(**values):
    empty = {name: "" for name, _title in COLUMNS}
    return {**empty, "key_figures": [], **values}


RATE = {
    "label": "Positive outcomes",
    "unit": "%",
    "value": Decimal("41.5"),
    "target": Decimal("50"),
    "year": 2022,
    "source": "Sheet",
}


RESULT = {
    "en": "Result – Positive outcomes (%)",
    "fr": "Résultat – Positive outcomes (%)",
}


@pytest.mark.parametrize(
    "language, number, headers",
    [
        ("en", "41.5", ["Title", "Total budget (EUR)", RESULT["en"]]),
        ("fr", "41,5", ["Titre", "Budget total (EUR)", RESULT["fr"]]),
    ],
)
def test_numbers_and_headers_in_the_export_language(language, number, headers):
    records = [
        record(title="A", total_budget=Decimal("6900000.5"), key_figures=[RATE]),
        record(title="B", summary=""),
    ]
    with translation.override(language):
        header, rows = csv_table(records)
    assert header[:3] == headers
    row = dict(zip(header, rows[0], strict=True))
    assert row[headers[1]] == "6900000" + number[2] + "5"
    assert row[headers[2]] == number
    # Columns that no row fills are left out (summary, dates, partners...).
    assert len(header) == 3 + 3  # title, budget, result, target, year, source
    for index in range(len(header)):
        assert any(row[index] for row in rows), header[index]


def read(response):
    text = response.content.decode("utf-8-sig")
    return text.splitlines()[0], list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_french_library_csv_opens_in_columns(client, lib):
    url = lib["tree"]["fr"]["library"].url + "?format=csv&sort=title"
    first_line, rows = read(client.get(url))
    header, body = rows[0], rows[1:]
    assert first_line.count(";") == len(header) - 1 > 5
    assert header[:2] == ["Type", "Titre"] and "Budget total (EUR)" in header
    assert all(len(row) == len(header) for row in body)
    for index, name in enumerate(header):
        assert any(row[index] for row in body), f"{name} is empty in every row"
    english = client.get(lib["library"].url + "?format=csv").content.decode("utf-8-sig")
    assert english.splitlines()[0].startswith("Type,Title,")
