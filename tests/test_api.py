"""Wagtail API v2 at /api/v2/: read-only, structured fields and taxonomy of every page
type, in both locales, with the locale and taxonomy filters."""

import pytest

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def api(client, path=API, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def detail(client, page):
    return api(client, f"{API}{page.pk}/")


def test_locale_filter_lists_each_language(client, lib):
    english = api(client, type="practices.CaseStudyPage", locale="en")
    french = api(client, type="practices.CaseStudyPage", locale="fr")
    assert {item["title"] for item in english["items"]} == {"Alpha", "Bravo", "Étoile"}
    assert {item["title"] for item in french["items"]} == {
        "Alpha (FR)",
        "Bravo (FR)",
        "Étoile (FR)",
    }
    assert {item["meta"]["locale"] for item in french["items"]} == {"fr"}


def test_case_study_fields_in_english(client, lib):
    data = detail(client, lib["en"]["bravo"])
    assert data["meta"]["type"] == "practices.CaseStudyPage"
    assert data["total_budget"] == 10000000
    assert data["total_budget_source"] == "Partner page"
    assert data["erdf_contribution"] == 6900000
    assert data["start_date"] == "2018-01-01"
    assert data["status"] == {"value": "completed", "label": "Completed"}
    assert sorted(theme["slug"] for theme in data["themes"]) == [
        "employment",
        "entrepreneurship",
    ]
    assert {region["slug"]: region["country"] for region in data["regions"]} == {
        "normandie": "FR",
        "south-east-england": "GB",
    }
    assert data["key_figures"][0] == {
        "label": "Participants",
        "measure": "participants",
        "value": 300,
        "upper_value": None,
        "unit": "participants",
        "target": 250,
        "year": 2021,
        "source": "Report",
    }
    assert [action["title"] for action in data["actions"]] == ["Zeta coaching"]
    assert [guide["title"] for guide in data["guides"]] == ["Guide"]


def test_case_study_taxonomy_in_french(client, lib):
    """The French copy points at English terms; the API gives the French terms."""
    data = detail(client, lib["fr"]["alpha"])
    assert data["meta"]["locale"] == "fr"
    assert [theme["name"] for theme in data["themes"]] == ["Entrepreneuriat"]
    assert [region["name"] for region in data["regions"]] == ["Bretagne"]
    assert data["regions"][0]["slug"] == "bretagne"
    english = detail(client, lib["en"]["alpha"])
    assert (
        data["themes"][0]["translation_key"] == english["themes"][0]["translation_key"]
    )
    assert data["programme"]["slug"] == "interreg-va"


def test_every_practice_type_gives_its_structured_fields(client, lib):
    tree = lib["tree"]
    action = detail(client, lib["en"]["action_one"])
    assert action["action_kind"] == {"value": "training", "label": "Training"}
    assert action["case_study"]["title"] == "Alpha"
    assert action["outcomes"][0]["value"] == 40
    assert {"themes", "regions", "target_groups", "delivering_partners"} <= set(action)

    report = detail(client, tree["en"]["report"])
    assert report["evidence"]["level"] == "proven"
    assert report["evidence"]["criteria"]
    assert report["evaluation_kind"]["value"] == "academic"
    assert report["publication_date"] == "2022-01-01"
    assert [study["title"] for study in report["evaluated_case_studies"]] == ["Alpha"]
    assert report["indicators"][0]["label"] == "Figure 1"

    guide = detail(client, tree["en"]["guide"])
    assert guide["evidence"]["level"] == "promising"
    assert [study["title"] for study in guide["related_case_studies"]] == ["Bravo"]
    assert {"problem", "steps", "resources", "challenges", "transferability"} <= set(
        guide
    )

    event = detail(client, tree["en"]["event"])
    assert event["meta"]["type"] == "events.EventPage"
    assert event["time_zone"] == "Europe/London"
    assert event["country"] == "GB"
    assert len(event["organisers"]) == 3
    assert "capacity" not in event  # registrations stay out of open data

    french_event = detail(client, tree["fr"]["event"])
    assert french_event["organisers"][0]["name"].startswith("Organisme")

    for name in ("home", "library", "about"):
        page = detail(client, tree["en"][name])
        assert "summary" in page


def test_taxonomy_filters(client, lib):
    found = api(
        client,
        type="practices.CaseStudyPage",
        theme="entrepreneurship",
        region="bretagne",
        locale="fr",
    )
    assert [item["title"] for item in found["items"]] == ["Alpha (FR)"]
    either = api(
        client, type="practices.ActionPage", theme="employment,entrepreneurship"
    )
    assert either["meta"]["total_count"] == 4  # two actions in two languages


def test_api_is_read_only_and_bad_input_gives_400(client, lib):
    assert client.post(API, {}).status_code == 405
    assert client.delete(f"{API}{lib['en']['alpha'].pk}/").status_code == 405
    missing = client.get(API, {"locale": "xx"})
    assert missing.status_code == 404
    assert "message" in missing.json()
    assert client.get(f"{API}999999/").json() == {
        "message": "No Page matches the given query."
    }
    assert client.get(API, {"theme": "entrepreneurship"}).status_code == 400
    assert client.get(API, {"type": "nope.Nope"}).status_code == 400
    assert client.get(API, {"unknown": "1"}).status_code == 400


def test_images_and_documents_endpoints(client, lib):
    assert api(client, "/api/v2/images/")["meta"]["total_count"] == 0
    assert api(client, "/api/v2/documents/")["meta"]["total_count"] == 0


HOSTILE_PARAMETERS = [
    {"search": "\x00"},
    {"search": "garden\x00"},
    {"locale": "\x00"},
    {"type": "practices.CaseStudyPage", "theme": "\x00"},
    {"type": "practices.CaseStudyPage", "region": "a,\x00"},
    {"offset": "99999999999999999999"},
    {"offset": "-1"},
    {"offset": "x"},
    {"limit": "99999999999999999999"},
    {"limit": "-5"},
    {"search": "a", "search_operator": "xor"},
    {"type": "events.EventPage", "start": "nope"},
    {"type": "events.EventPage", "end": "2030-13-45"},
    {"type": "practices.CaseStudyPage", "start_date": "yesterday"},
    {"type": "practices.CaseStudyPage", "total_budget": "lots"},
    {"type": "practices.CaseStudyPage", "total_budget": "1e999999"},
    {"first_published_at": "\x00"},
    {"first_published_at": "2020-02-30"},
    {"order": "\x00"},
    {"fields": "\x00"},
    {"child_of": "99999999999999999999"},
    {"descendant_of": "x"},
]


@pytest.mark.parametrize("params", HOSTILE_PARAMETERS, ids=repr)
def test_malformed_parameters_get_a_400_with_a_message(client, lib, params):
    response = client.get(API, params)
    assert response.status_code == 400, (params, response.status_code)
    assert response.json()["message"]


@pytest.mark.parametrize("params", [{"html_path": "\x00"}, {"html_path": "/a\x00b/"}])
def test_malformed_find_parameters_never_fail(client, lib, params):
    response = client.get(f"{API}find/", params)
    assert response.status_code in (400, 404)
    assert response.json()["message"]
