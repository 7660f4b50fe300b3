"""Case studies read as evidence: results against targets (chart and table), budgets
as each source states them, the Channel map; the evidence scale comes from Python."""

import pytest
from bs4 import BeautifulSoup

from hub.practices.models.report import (
    EVIDENCE_CRITERIA,
    GRADED_LEVELS,
    EvidenceLevel,
)

pytestmark = pytest.mark.django_db


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_conflicting_budgets_are_shown_side_by_side_with_sources(client, lib):
    soup = soup_of(client, lib["en"]["bravo"])
    lines = soup.select("#budget .budget__line")
    total = lines[0]
    assert "sources disagree" in total.get_text()
    figures = [li.get_text(" ", strip=True) for li in total.select(".budget__figure")]
    assert figures == [
        "€10 million Source: Partner page",
        "€13 million Source: Audit 2022",
    ]
    erdf = lines[1]
    assert "sources disagree" not in erdf.get_text()
    # The budget figure is not repeated among the key-figure tiles.
    tiles = [p.get_text() for p in soup.select(".key-figures .key-figure__label")]
    assert tiles == ["Participants"]


def test_budget_without_conflict_has_no_flag(client, lib):
    soup = soup_of(client, lib["en"]["alpha"])
    assert "sources disagree" not in soup.select_one("#budget").get_text()


def test_results_against_targets_chart_has_a_table(client, lib):
    soup = soup_of(client, lib["en"]["bravo"])
    chart = soup.select_one("figure.chart")
    assert chart.select_one(".chart__bars")["aria-hidden"] == "true"
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr(["th", "td"])]
        for tr in chart.select("table tbody tr")
    ]
    assert rows == [
        [
            "Participants",
            "300 participants",
            "250 participants",
            "120%",
            "2021 · Report",
        ]
    ]
    assert "target reached" in chart.select_one(".chart__value").get_text()


def test_french_chart_and_map(client, lib):
    soup = soup_of(client, lib["fr"]["alpha"])
    rows = soup.select("figure.chart table tbody tr")
    assert rows[0].th.get_text(strip=True) == "Participants"
    svg = soup.select_one(".channel-map svg")
    assert "Bretagne" in svg.find("desc").get_text()
    # Coordinates are never written the French way (12,5 is two numbers in SVG).
    for element in svg.select("circle, text"):
        for attribute in ("cx", "cy", "x", "y"):
            assert "," not in element.get(attribute, ""), element
    assert "," not in svg["viewbox"]  # html.parser lowercases attribute names


def test_channel_map_marks_the_regions(client, lib):
    soup = soup_of(client, lib["en"]["bravo"])
    svg = soup.select_one(".channel-map svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() == "Map of the Channel area"
    labels = [text.get_text() for text in svg.select(".channel-map__label")]
    assert sorted(labels) == ["Normandy", "South East England"]
    assert "South East England (United Kingdom)" in svg.find("desc").get_text()
    assert not soup.select("img[src^=http], iframe")  # no external tiles


def test_case_study_links_to_its_actions_reports_and_guides(client, lib):
    soup = soup_of(client, lib["en"]["alpha"])
    text = soup.get_text(" ")
    assert "Action one" in text
    assert soup.find("a", href=lib["tree"]["en"]["report"].url)


def test_evidence_scale_is_read_from_python(client, lib, monkeypatch):
    report = lib["tree"]["en"]["report"]
    soup = soup_of(client, report)
    items = soup.select(".evidence-scale__item")
    assert [item.strong.get_text() for item in items] == [
        "Emergent",
        "Promising",
        "Proven",
    ]
    assert [item.select("span")[-1].get_text() for item in items] == [
        str(EVIDENCE_CRITERIA[level]) for level in GRADED_LEVELS
    ]
    current = soup.select('.evidence-scale__item[aria-current="true"]')
    assert [item.strong.get_text() for item in current] == ["Proven"]

    monkeypatch.setitem(EVIDENCE_CRITERIA, EvidenceLevel.PROVEN, "A changed rule.")
    assert "A changed rule." in soup_of(client, report).get_text()


def test_library_explains_the_evidence_scale(client, lib):
    soup = soup_of(client, lib["library"])
    scale = soup.select(".filters__help .evidence-scale__item")
    assert len(scale) == 3
