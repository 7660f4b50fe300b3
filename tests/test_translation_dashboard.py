"""The translation dashboard lists, per locale, exactly the pages and taxonomy terms
with no translation and the translations older than their source."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from hub.pages.models import StandardPage, Theme
from hub.site.dashboard import translation_reports
from tests.factories import add_page, build_site, make_locales, make_term, publish
from tests.test_translation import translate_with_localize

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/reports/translations/"


@pytest.fixture
def fixture(django_capture_on_commit_callbacks):
    tree = build_site()
    locales = make_locales()
    en, fr = tree["en"], tree["fr"]

    untranslated = add_page(en["home"], StandardPage(title="Untranslated", slug="u"))
    draft = StandardPage(title="Draft only", slug="draft-only", live=False)
    en["home"].add_child(instance=draft)
    draft.save_revision()
    french_only = add_page(
        fr["home"], StandardPage(title="Seulement en français", slug="fr-only")
    )

    synced = add_page(en["home"], StandardPage(title="Synced", slug="synced"))
    fresh = add_page(en["home"], StandardPage(title="Fresh", slug="fresh"))
    for page in (synced, fresh):
        translate_with_localize(
            page, locales["fr"], on_commit=django_capture_on_commit_callbacks
        )
    synced.summary = "Changed after the translation"
    publish(synced)

    # A hand-made translation whose source was published again afterwards.
    about = en["about"]
    about.summary = "New wording"
    publish(about)

    untranslated_theme = Theme.objects.create(
        locale=locales["en"], slug="new-theme", name="New theme"
    )
    housing = Theme.objects.create(locale=locales["en"], slug="housing", name="Housing")
    steady = Theme.objects.create(locale=locales["en"], slug="steady", name="Steady")
    for term in (housing, steady):
        translate_with_localize(
            term, locales["fr"], on_commit=django_capture_on_commit_callbacks
        )
    housing.name = "Social housing"
    housing.save()
    make_term(Theme, "both", "Both", "Les deux")  # translated by hand, unchecked

    return {
        "tree": tree,
        "untranslated": untranslated,
        "draft": draft,
        "french_only": french_only,
        "synced": synced,
        "about": about,
        "untranslated_theme": untranslated_theme,
        "housing": housing,
        "locales": locales,
    }


def by_locale():
    return {report.locale.language_code: report for report in translation_reports()}


def titles(entries, side="source"):
    return sorted(getattr(entry, side).title for entry in entries)


def test_reports_list_exactly_what_awaits_translation(fixture):
    reports = by_locale()
    french, english = reports["fr"], reports["en"]

    assert titles(french.missing_pages) == ["Draft only", "Untranslated"]
    assert titles(french.stale_pages) == ["About", "Synced"]
    stale = {entry.source.title: entry for entry in french.stale_pages}
    assert stale["Synced"].synchronised
    assert stale["Synced"].target.title == "Synced"  # no translated strings given
    assert stale["Synced"].target.locale_id == fixture["locales"]["fr"].pk
    assert not stale["About"].synchronised
    assert stale["About"].target.title == "About (FR)"
    assert sorted(term.source.name for term in french.missing_terms) == ["New theme"]
    assert [(e.source.name, e.target.name) for e in french.stale_terms] == [
        ("Social housing", "Housing")
    ]

    assert titles(english.missing_pages) == ["Seulement en français"]
    assert english.stale_pages == []
    assert english.missing_terms == [] and english.stale_terms == []


def test_syncing_clears_the_stale_entries(fixture):
    for instance in (fixture["synced"], fixture["housing"]):
        TranslationSource.objects.get_for_instance(instance).update_from_db()
    french = by_locale()["fr"]
    assert titles(french.stale_pages) == ["About"]
    assert french.stale_terms == []


def test_a_draft_revision_alone_does_not_make_a_translation_stale(fixture):
    """Syncing copies the published source, so only a publication counts."""
    synced = fixture["synced"]
    TranslationSource.objects.get_for_instance(synced).update_from_db()
    synced.summary = "Draft wording"
    synced.save_revision()
    assert titles(by_locale()["fr"].stale_pages) == ["About"]


def test_translating_a_page_removes_it_from_the_missing_list(
    fixture, django_capture_on_commit_callbacks
):
    translate_with_localize(
        fixture["untranslated"],
        fixture["locales"]["fr"],
        on_commit=django_capture_on_commit_callbacks,
    )
    assert titles(by_locale()["fr"].missing_pages) == ["Draft only"]


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def rows(soup, language, report):
    section = soup.find("section", attrs={"data-locale": language})
    table = section.find("table", attrs={"data-report": report})
    return table.select("tbody tr") if table else []


def test_editors_see_the_dashboard_with_links_to_translate_and_sync(
    client, fixture, editor
):
    client.force_login(editor)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    missing = rows(soup, "fr", "missing-pages")
    assert {row["data-page-id"] for row in missing} == {
        str(fixture["untranslated"].pk),
        str(fixture["draft"].pk),
    }
    translate = reverse(
        "wagtail_localize:submit_page_translation", args=[fixture["untranslated"].pk]
    )
    assert soup.find("a", href=translate)

    stale = {
        row.td.get_text(strip=True): row for row in rows(soup, "fr", "stale-pages")
    }
    source = TranslationSource.objects.get_for_instance(fixture["synced"])
    sync = stale["Synced"].find("a", string="Sync")["href"]
    assert sync.startswith(
        reverse("wagtail_localize:update_translations", args=[source.pk])
    )
    assert "next=" in sync
    assert stale["About (FR)"].find("a", string="Edit the translation")

    terms = rows(soup, "fr", "missing-terms")
    assert [row["data-term"] for row in terms] == ["new-theme"]
    assert [row["data-term"] for row in rows(soup, "fr", "stale-terms")] == ["housing"]
    assert [row["data-page-id"] for row in rows(soup, "en", "missing-pages")] == [
        str(fixture["french_only"].pk)
    ]

    # The links work for this editor: wagtail-localize's own forms open.
    assert client.get(sync).status_code == 200
    assert client.get(translate).status_code == 200


def test_dashboard_is_in_the_reports_menu_and_needs_admin_access(client, fixture):
    assert client.get(DASHBOARD).status_code == 302  # to the login page
    outsider = User.objects.create_user("outsider", password="pw")
    client.force_login(outsider)
    assert client.get(DASHBOARD).status_code in (302, 403)
    admin = User.objects.create_superuser("boss", password="pw")
    client.force_login(admin)
    home = client.get("/admin/")
    assert DASHBOARD.encode() in home.content


def test_times_are_compared_not_dates(fixture):
    """A publication a second after the last sync counts."""
    synced = fixture["synced"]
    source = TranslationSource.objects.get_for_instance(synced)
    source.update_from_db()
    source.last_updated_at = timezone.now() - datetime.timedelta(seconds=1)
    source.save(update_fields=["last_updated_at"])
    publish(synced)
    assert "Synced" in titles(by_locale()["fr"].stale_pages)
