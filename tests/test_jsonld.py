"""schema.org JSON-LD on case studies, evaluation reports, guides and events: it parses
and names the right type, in both languages."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lib(lib, django_db_blocker):
    with django_db_blocker.unblock():
        # Text that must not break out of the script element or the JSON string.
        alpha = lib["en"]["alpha"]
        alpha.summary = "Quotes \" and \\ and </script><b>bold</b> & l'été"
        alpha.save_revision().publish()
    return lib


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, page.url
    return json.loads(scripts[0].string)


def test_case_study_is_a_project(client, lib):
    alpha = Page.objects.get(pk=lib["en"]["alpha"].pk).specific
    data = json_ld(client, alpha)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Project"
    assert data["name"] == "Alpha"
    assert data["description"] == alpha.summary  # escaped, and read back whole
    assert data["url"].endswith("/en/library/alpha/")
    assert data["foundingDate"] == "2015-01-01"
    assert data["dissolutionDate"] == "2019-12-31"
    assert data["areaServed"][0]["name"] == "Brittany"
    assert data["funding"]["@type"] == "MonetaryGrant"
    assert data["funding"]["name"] == "Interreg V A"


def test_report_is_a_report_about_its_case_studies(client, lib):
    data = json_ld(client, lib["tree"]["en"]["report"])
    assert data["@type"] == "Report"
    assert data["about"][0]["@type"] == "Project"
    assert data["about"][0]["name"] == "Alpha"
    assert data["datePublished"] == "2022-01-01"
    assert data["inLanguage"] == "en"


def test_french_pages_describe_themselves_in_french(client, lib):
    data = json_ld(client, lib["fr"]["alpha"])
    assert data["@type"] == "Project"
    assert data["name"] == "Alpha (FR)"
    assert data["areaServed"][0]["name"] == "Bretagne"
    report = json_ld(client, lib["tree"]["fr"]["report"])
    assert report["@type"] == "Report"
    assert report["inLanguage"] == "fr"


def test_guide_is_a_howto(client, lib):
    data = json_ld(client, lib["tree"]["en"]["guide"])
    assert data["@type"] == "HowTo"
    assert data["name"] == "Guide"
    assert data["about"][0]["name"] == "Bravo"


def test_event_is_an_event(client, lib):
    for language in ("en", "fr"):
        data = json_ld(client, lib["tree"][language]["event"])
        assert data["@type"] == "Event"
        assert data["location"]["address"]["addressCountry"] == "GB"
        event = lib["tree"][language]["event"]
        # The venue's local time with its offset, the same instant as stored.
        assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
        assert data["startDate"][-6:] in ("+00:00", "+01:00")  # Europe/London
        assert data["inLanguage"] == ["fr", "en"]  # the languages spoken there
        assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
        assert len(data["organizer"]) == 3
    french = json_ld(client, lib["tree"]["fr"]["event"])
    assert french["organizer"][0]["name"].startswith("Organisme")


def test_the_event_place_is_named_as_on_the_event_page(client, lib):
    for language, where in (("en", "United Kingdom"), ("fr", "Royaume-Uni")):
        data = json_ld(client, lib["tree"][language]["event"])
        assert data["location"]["@type"] == "Place"
        assert data["location"]["name"] == where


def test_case_study_with_partners(client, lib):
    bravo = lib["en"]["bravo"]
    organisation = lib["tree"]["organisations"][0]
    bravo.partners.add(bravo.partners.model(organisation=organisation, role="lead"))
    bravo.save_revision().publish()
    data = json_ld(client, Page.objects.get(pk=bravo.pk).specific)
    member = data["member"][0]
    assert member["@type"] == "OrganizationRole"
    assert member["roleName"] == "Lead partner"
    assert member["member"]["name"] == "Organisation 0"
    assert member["member"]["address"]["addressCountry"] == "FR"
