"""load_demo_content builds a complete bilingual site from the data files of
hub/demo/data, running it again changes nothing, and a mistake in a data file stops it
with the file and the key in the message."""

import datetime
import json
import re
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from hub.demo import loader
from hub.demo.builder import DemoBuilder, working_day
from hub.demo.loader import DemoDataError
from hub.events.models import EventPage
from hub.pages.models import Organisation, SiteLinks, StandardPage, Theme
from hub.practices.models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
)


def counts():
    models = [Page, Revision, Organisation, Theme, ActionPage, EventPage]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_demo_content_is_bilingual_and_idempotent(client, demo_content):
    # demo_content: the rows that load_demo_content wrote on an empty database in
    # this run, put back (tests/snapshot.py).
    first = counts()
    starts = dict(EventPage.objects.values_list("pk", "start"))

    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert "Changes: none." in out.getvalue()
    assert counts() == first
    assert dict(EventPage.objects.values_list("pk", "start")) == starts

    pages = Page.objects.filter(depth__gt=1)
    english = pages.filter(locale__language_code="en")
    french = pages.filter(locale__language_code="fr")
    assert english.count() == french.count() >= 35
    assert set(english.values_list("translation_key", flat=True)) == set(
        french.values_list("translation_key", flat=True)
    )
    assert not pages.filter(live=False).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == (
        "HomePage"
    )

    assert CaseStudyPage.objects.filter(locale__language_code="en").count() >= 3
    assert ActionPage.objects.filter(locale__language_code="en").count() >= 8
    assert EvaluationReportPage.objects.filter(locale__language_code="en").count() >= 3
    assert GoodPracticeGuidePage.objects.filter(locale__language_code="en").count() >= 3
    assert Organisation.objects.filter(locale__language_code="en").count() >= 20

    increase = CaseStudyPage.objects.get(
        locale__language_code="fr", slug="increase-valorisation-sociale"
    )
    assert increase.total_budget == 10_000_000
    assert increase.total_budget_source
    assert {p.organisation.locale.language_code for p in increase.partners.all()} == {
        "fr"
    }
    assert {t.locale.language_code for t in increase.themes.all()} == {"fr"}
    assert increase.programme.locale.language_code == "fr"
    figures = {block.value["value"] for block in increase.key_figures}
    assert {13_000_000, 9_000_000, 4500, 1020, 41} <= figures
    shows_facts_as_their_sources_give_them(client)

    open_events = [
        e for e in EventPage.objects.live() if e.registration_state == "open"
    ]
    assert len(open_events) >= 4  # two upcoming events, in both languages
    assert all(0 < e.capacity <= 15 for e in open_events)

    privacy = StandardPage.objects.get(locale__language_code="en", slug="privacy")
    assert privacy.version == "2026-11"
    # The registration form links to it, and the consent records its version.
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    assert links.privacy_notice == privacy
    assert links.accessibility_statement.slug == "accessibility"

    # --update rewrites every page in place (one new revision each); events keep their
    # dates, the French pages their own slugs.
    out = StringIO()
    call_command("load_demo_content", "--update", stdout=out)
    assert "case study updated: 3" in out.getvalue()
    after_update = counts()
    # Pages not in the data (the contact page a migration creates) are left alone.
    demo_pages = 2 * len(loader.load().pages)  # each in English and in French
    assert after_update["Revision"] == first["Revision"] + demo_pages
    assert {k: v for k, v in after_update.items() if k != "Revision"} == {
        k: v for k, v in first.items() if k != "Revision"
    }
    assert dict(EventPage.objects.values_list("pk", "start")) == starts
    assert CaseStudyPage.objects.filter(
        locale__language_code="fr", slug="increase-valorisation-sociale"
    ).exists()


def json_ld(response):
    html = response.content.decode()
    pattern = r'<script type="application/ld\+json">(.*?)</script>'
    blocks = re.findall(pattern, html, re.S)
    return [json.loads(block) for block in blocks]


def shows_facts_as_their_sources_give_them(client):
    """The demo's facts as the sources give them (../shared/product/fidelity.md):
    disagreeing periods and budgets side by side, silence as silence, a season as a
    season, plans as plans."""
    page = client.get("/en/library/increase-valorisation-sociale/")
    html = page.content.decode()
    # The three periods the sources give, each with its source; no completion rate.
    for period in ("October 2017 – March 2021", "2018 – 2023", "5 years"):
        assert period in html
    assert "n-clique assignment sheet, 2022" in html
    assert "% of the target" not in html
    assert "earned a recognised" not in html
    [project] = [d for d in json_ld(page) if d["@type"] == "Project"]
    assert project["foundingDate"] == "2017-10"
    assert "dissolutionDate" not in project  # the sources disagree on the end
    amounts = {a["value"]: a["description"] for a in project["funding"]["amount"]}
    assert amounts == {
        6_900_000: "We Ker project page",
        9_000_000: "n-clique assignment sheet, 2022",
    }

    # The academic evaluation: no date, language or rating the sources do not give.
    page = client.get("/fr/evaluations/evaluation-academique-increase/")
    html = page.content.decode()
    assert html.count("Non précisé dans les sources") >= 2
    assert "Non évaluable" in html
    [report] = [d for d in json_ld(page) if d["@type"] == "Report"]
    assert "datePublished" not in report

    # The 2014 events: a season and a country, no hours, no calendar entry.
    page = client.get("/fr/evenements/impact-valuess-angleterre-2014/")
    html = page.content.decode()
    assert "Printemps 2014" in html
    assert "event.ics" not in html
    assert "ni le jour ni les horaires" in html
    [event] = [d for d in json_ld(page) if d["@type"] == "Event"]
    assert event["startDate"] == "2014"
    assert "endDate" not in event and "eventStatus" not in event
    ics = client.get("/fr/evenements/impact-valuess-angleterre-2014/event.ics")
    assert ics.status_code == 404
    assert "agenda" in ics.content.decode()

    # Library exports: every budget with its source, dates at their precision.
    export = client.get("/en/library/?format=json").json()
    [increase] = [i for i in export["items"] if i["title"].startswith("INCREASE")]
    assert [b["amount"] for b in increase["budgets"]["total_budget"]] == [
        10_000_000,
        13_000_000,
    ]
    assert increase["start_date"] == "2017-10"
    assert len(increase["periods"]) == 3
    [ecole] = [i for i in export["items"] if i["title"].startswith("École")]
    assert ecole["start_date"] == "2018"


def test_french_pages_have_french_slugs():
    """A French page has its own slug, unless it is a name (INCREASE, Impact &
    ValuESS, École de la proximité...) or the same word in both languages."""
    same_in_both = {
        "impact-valuess",
        "increase-valorisation-sociale",
        "ecole-de-la-proximite",
        "rennes-aux-fourneaux",
        "lexploratoire",
        "territoires-partages",
        "evaluations",
        "impact-valuess-france-2014",
    }
    for entry in loader.load().pages:
        slug = entry.data["slug"]
        english, french = (
            (slug["en"], slug["fr"]) if isinstance(slug, dict) else (slug, slug)
        )
        if english == french:
            assert english in same_in_both, entry.where


@pytest.mark.django_db
def test_editors_translate_slugs_with_wagtail_localize(locales):
    """wagtail-localize offers each page's slug as a segment to translate, so a
    translated page gets a slug in its own language (slugified when published)."""
    from wagtail.models import get_page_models
    from wagtail_localize.fields import TranslatableField, get_translatable_fields
    from wagtail_localize.segments.extract import extract_segments

    for model in get_page_models():
        if model is Page:
            continue
        fields = {field.field_name: field for field in get_translatable_fields(model)}
        assert isinstance(fields["slug"], TranslatableField), model
    page = CaseStudyPage(title="Shared territories", slug="shared-territories")
    segments = {segment.path: segment for segment in extract_segments(page)}
    assert segments["slug"].string.data == "shared-territories"


def test_data_files_load_and_name_only_existing_models_and_fields():
    data = loader.load()
    assert data.files[-1] == "legal-pages.yaml"
    assert {label for label, _entry in data.terms} == {
        "pages.Theme",
        "pages.TargetGroup",
        "pages.Region",
        "pages.Programme",
        "pages.Organisation",
    }
    assert len(data.pages) == 35  # English pages; each has its French translation
    DemoBuilder(data=data).check()  # raises DemoDataError naming every problem


def test_html_blocks_and_plain_words_read_as_written(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "time: 10:00\ncountry: NO\nanswer: yes\nflag: true\ncode: 08\n"
        "value: 38\nshare: 39.5\nday: 2014-05-15\n"
        "html: |\n  <p>One paragraph\n  on two lines.</p>\n  <ul>\n"
        "    <li><b>bold</b> <i>then</i> italic</li>\n  </ul>\n",
        encoding="utf-8",
    )
    assert loader.read_yaml(path) == {
        "time": "10:00",
        "country": "NO",
        "answer": "yes",
        "flag": True,
        "code": "08",
        "value": 38,
        "share": 39.5,
        "day": datetime.date(2014, 5, 15),
        "html": "<p>One paragraph on two lines.</p>"
        "<ul><li><b>bold</b> <i>then</i> italic</li></ul>",
    }


def test_upcoming_dates_count_from_the_first_load():
    builder = DemoBuilder()
    # A Thursday: 30 days later is Saturday 23 January, moved to Monday 25.
    builder.now = datetime.datetime(2026, 12, 24, 10, 0, tzinfo=datetime.UTC)
    field = EventPage._meta.get_field("start")
    values = {
        "time_zone": "Europe/Paris",
        "start": {"days_from_now": 30, "at": "09:30"},
    }
    start = builder.field_value(field, values["start"], values)
    assert start.isoformat() == "2027-01-25T09:30:00+01:00"
    closes = builder.field_value(field, {"days_before_start": 2}, values)
    assert closes == start - datetime.timedelta(days=2)
    opens = builder.field_value(field, {"days_from_now": -1}, values)
    assert opens == builder.now - datetime.timedelta(days=1)
    past = builder.field_value(
        field, "2014-05-15 09:30", {"time_zone": "Europe/London"}
    )
    assert past.isoformat() == "2014-05-15T09:30:00+01:00"
    assert working_day(datetime.date(2026, 12, 24)) == datetime.date(2027, 1, 4)


def broken_data(tmp_path, file, old, new):
    data_dir = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data_dir)
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data_dir


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "case-study-increase.yaml",
            "\n  summary:",
            "\n  sumary:",
            "case-study-increase.yaml: pages[0] (increase).sumary: CaseStudyPage has "
            "no field 'sumary'; did you mean 'summary'?",
        ),
        (
            "case-study-increase.yaml",
            "      label: {en: Neighbourhoods involved",
            "      lable: {en: Neighbourhoods involved",
            "case-study-increase.yaml: pages[0] (increase).key_figures[0].key_figure"
            ".lable: no 'lable' in a key_figure",
        ),
        (
            "case-study-increase.yaml",
            "  - key_figure:",
            "  - key_figures:",
            "case-study-increase.yaml: pages[0] (increase).key_figures[0]: no block "
            "type 'key_figures'",
        ),
        (
            "case-study-increase.yaml",
            "status: completed",
            "status: finished",
            "case-study-increase.yaml: pages[0] (increase).status: 'finished' is not "
            "one of",
        ),
        (
            "case-study-increase.yaml",
            "programme: interreg-v-a-france-channel-england",
            "programme: interreg-v-a-france-channel-englnd",
            "case-study-increase.yaml: pages[0] (increase).programme: no programme "
            "with the slug 'interreg-v-a-france-channel-englnd'",
        ),
        (
            "case-study-increase.yaml",
            "  - organisation: optivo-southern-housing\n",
            "  - organisaton: optivo-southern-housing\n",
            "case-study-increase.yaml: pages[0] (increase).partners[0].organisaton: "
            "CaseStudyPartner has no field 'organisaton'",
        ),
        (
            "upcoming-events.yaml",
            "related_case_study: increase",
            "related_case_study: increse",
            "upcoming-events.yaml: pages[0] (event-landlords-day).related_case_study: "
            "no page with the key 'increse'",
        ),
        (
            "upcoming-events.yaml",
            'start: {days_from_now: 30, at: "09:30"}',
            'start: {days_from_nw: 30, at: "09:30"}',
            "upcoming-events.yaml: pages[0] (event-landlords-day).start: a relative "
            "date is",
        ),
        (
            "site.yaml",
            "type: practices.GuideIndexPage",
            "type: practices.GuidesIndexPage",
            "site.yaml: pages[2] (good-practices): type 'practices.GuidesIndexPage': "
            "no such model",
        ),
        (
            "taxonomy.yaml",
            "    description:",
            "    descripton:",
            "taxonomy.yaml: terms.pages.Theme[0] (employment).descripton: Theme has no "
            "field 'descripton'; did you mean 'description'?",
        ),
        (
            "case-study-increase.yaml",
            "      source: programme-sheet\n      cite: {seed: 001",
            "      source: programme-shet\n      cite: {seed: 001",
            "case-study-increase.yaml: pages[0] (increase).key_figures[0].key_figure"
            ".source: no source named 'programme-shet' in sources.yaml",
        ),
        (
            "taxonomy.yaml",
            "name: {en: Employment, fr: Emploi}",
            "name: {en: Employment, fe: Emploi}",
            "taxonomy.yaml: terms.pages.Theme[0] (employment).name: a text in two "
            "languages needs exactly `en:` and `fr:`",
        ),
        (
            "case-study-increase.yaml",
            "  status: completed\n",
            "  status: completed\n  status: ongoing\n",
            "case-study-increase.yaml: not valid YAML: 'status' is written twice",
        ),
    ],
)
def test_a_mistake_in_a_data_file_names_the_file_and_the_key(
    tmp_path, file, old, new, message
):
    data_dir = broken_data(tmp_path, file, old, new)
    with pytest.raises(DemoDataError) as error:
        DemoBuilder(data=loader.load(data_dir)).check()
    assert message in str(error.value)


def test_every_data_file_is_listed(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data_dir)
    (data_dir / "case-study-new.yaml").write_text("pages: []\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match="files.yaml: case-study-new.yaml not"):
        loader.load(data_dir)


@pytest.mark.django_db
def test_wrong_data_writes_nothing(tmp_path):
    data_dir = broken_data(tmp_path, "legal-pages.yaml", "  version:", "  versoin:")
    with pytest.raises(
        DemoDataError, match=r"legal-pages.yaml: pages\[0\] \(privacy\)"
    ):
        DemoBuilder(data=loader.load(data_dir)).build()
    assert not Page.objects.filter(depth__gt=2).exists()
    assert not Theme.objects.exists()
