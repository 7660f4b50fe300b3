"""The related items of a detail page (taxonomy terms, programme, organisations,
related pages) and the home page's upcoming events, read by statements compiled once
per connection (hub.pages.localization.compiled_localized_list and compiled_rows): the
same objects, in the same order and language, as the ORM queries they were compiled
from, for every page and language the same statement serves; the visibility rule and
the translation fallbacks decided by the database at each run, never by what a
compiled statement saw."""

import datetime

import pytest
from django.db import connections
from wagtail.models import Page, PageViewRestriction

from hub.events.models import EventPage
from hub.pages import serving
from hub.pages.localization import localize_items, localized_list
from hub.pages.models import Organisation, Programme
from hub.pages.visibility import public
from hub.site.templatetags.site_tags import upcoming_events
from tests.factories import build_site


def pks(objects):
    return [obj.pk for obj in objects]


def orm_terms(page, name):
    return pks(localized_list(getattr(page, name).all(), page.locale_id))


def orm_pages(page, name):
    model = page._meta.get_field(name).related_model
    chosen = getattr(page, name).all().values("pk")
    return pks(localized_list(model.objects.filter(pk__in=chosen), page.locale_id))


def fresh(page):
    """The page as a request reads it: no cached property filled."""
    return type(page).objects.get(pk=page.pk)


def memo_keys():
    memo = connections["default"].__dict__.get(serving._MEMO_ATTRIBUTE, {})
    return {key for key, value in memo.items() if value}


def check_page(page):
    page = fresh(page)
    for name in ("themes", "target_groups", "regions"):
        if hasattr(page, name):
            assert pks(page.localized_terms(name)) == orm_terms(page, name), name
    for name, model in (
        ("related_case_studies", None),
        ("related_actions", None),
        ("evidence_reports", None),
        ("evaluated_case_studies", None),
        ("organisers", Organisation),
    ):
        if not hasattr(page, name):
            continue
        if model is None:
            assert pks(page.localized_related_pages(name)) == orm_pages(page, name)
        else:
            assert pks(page.localized_terms(name)) == orm_terms(page, name), name


@pytest.mark.django_db
def test_compiled_statements_give_the_orm_objects_in_both_languages():
    tree = build_site()
    for language in ("en", "fr"):
        for name in ("case_study", "action", "report", "guide", "event"):
            check_page(tree[language][name])
    keys = memo_keys()
    assert ("localized", "pages.Theme", "practices.CaseStudyPage", "themes") in keys
    assert (
        "localized",
        "practices.CaseStudyPage",
        "practices.GoodPracticeGuidePage",
        "related_case_studies",
    ) in keys
    # The French pages show the French terms and pages, whatever the English
    # choice copied to them holds.
    fr_case_study = fresh(tree["fr"]["case_study"])
    assert pks(fr_case_study.localized_themes) == [tree["fr_theme"].pk]
    assert pks(fr_case_study.localized_regions) == [tree["fr_region"].pk]
    fr_guide = fresh(tree["fr"]["guide"])
    assert pks(fr_guide.localized_case_studies) == [tree["fr"]["case_study"].pk]
    programme = Programme.objects.get(pk=fr_case_study.programme_id)
    french_programme = programme.get_translation_or_none(fr_case_study.locale)
    assert fr_case_study.localized_programme.pk == (french_programme or programme).pk


@pytest.mark.django_db
def test_a_compiled_statement_follows_translations_and_visibility_at_each_run():
    tree = build_site()
    fr_guide, en_guide = tree["fr"]["guide"], tree["en"]["guide"]
    fr_case_study, en_case_study = tree["fr"]["case_study"], tree["en"]["case_study"]
    # Compiled by the first reads.
    assert pks(fresh(fr_guide).localized_case_studies) == [fr_case_study.pk]
    assert pks(fresh(fr_case_study).localized_themes) == [tree["fr_theme"].pk]

    # The French case study restricted: the French guide falls back to the page as
    # chosen, if public.
    restriction = PageViewRestriction.objects.create(
        page=fr_case_study, restriction_type="login"
    )
    assert pks(fresh(fr_guide).localized_case_studies) == orm_pages(
        fresh(fr_guide), "related_case_studies"
    )
    assert fr_case_study.pk not in pks(fresh(fr_guide).localized_case_studies)
    # Both restricted: none.
    PageViewRestriction.objects.create(page=en_case_study, restriction_type="login")
    assert fresh(fr_guide).localized_case_studies == []
    assert fresh(en_guide).localized_case_studies == []
    # An unpublished page is left out too, a restriction lifted shows it again.
    PageViewRestriction.objects.filter(page=en_case_study).delete()
    restriction.delete()
    Page.objects.filter(pk=fr_case_study.pk).update(live=False)
    assert fr_case_study.pk not in pks(fresh(fr_guide).localized_case_studies)
    assert pks(fresh(en_guide).localized_case_studies) == [en_case_study.pk]

    # A term's translation deleted: the term as chosen.
    tree["fr_theme"].delete()
    assert pks(fresh(fr_case_study).localized_themes) == [tree["theme"].pk]
    assert pks(fresh(fr_case_study).localized_themes) == orm_terms(
        fresh(fr_case_study), "themes"
    )


@pytest.mark.django_db
def test_the_case_studys_related_pages_follow_visibility_at_each_run():
    tree = build_site()
    for language in ("en", "fr"):
        case_study = tree[language]["case_study"]
        page = fresh(case_study)
        assert pks(page.actions) == [tree[language]["action"].pk]
        assert pks(page.evaluation_reports) == [tree[language]["report"].pk]
        assert pks(page.guides) == [tree[language]["guide"].pk]
    for language in ("en", "fr"):
        PageViewRestriction.objects.create(
            page=tree[language]["guide"], restriction_type="login"
        )
        Page.objects.filter(pk=tree[language]["report"].pk).update(live=False)
        PageViewRestriction.objects.create(
            page=tree[language]["action"], restriction_type="password", password="x"
        )
        page = fresh(tree[language]["case_study"])
        assert page.actions == page.evaluation_reports == page.guides == []
    assert ("rows", "practices.ActionPage", "children of") in memo_keys()


@pytest.mark.django_db
def test_a_draft_shows_its_own_choice():
    """A page held in memory with relations not saved (a preview) reads them as
    before, not through the saved choice."""
    tree = build_site()
    revision_page = tree["en"]["case_study"].get_latest_revision_as_object()
    revision_page.themes = []
    assert revision_page.localized_terms("themes") == []
    assert pks(localize_items([tree["theme"]], tree["fr"]["case_study"].locale_id)) == [
        tree["fr_theme"].pk
    ]


@pytest.mark.django_db
def test_the_upcoming_events_are_the_orms_at_every_instant_and_restriction():
    """The instant is a value of the compiled statement, adapted as the database
    stores it (a string on SQLite, a timestamp on PostgreSQL), never the one it was
    compiled with."""
    tree = build_site(extra_children=3)
    event = tree["en"]["event"]
    EventPage.objects.filter(slug__startswith="event-").update(live=True)

    def orm(page, now, limit):
        return pks(
            public(EventPage.objects.live())
            .filter(locale_id=page.locale_id, end__gte=now)
            .order_by("start")[:limit]
        )

    instants = [
        event.start - datetime.timedelta(days=500),  # every event to come
        event.start - datetime.timedelta(days=1),  # the past ones over
        event.end - datetime.timedelta(seconds=1),  # under way
        event.end,  # ends this instant: still shown
        event.end + datetime.timedelta(microseconds=1),  # over
    ]
    seen = []
    for language in ("en", "fr"):
        home = tree[language]["home"]
        for now in instants:
            for limit in (1, 3):
                found = pks(upcoming_events(home, limit, now=now))
                assert found == orm(home, now, limit), (language, now, limit)
                seen.append(len(found))
    assert ("rows", "events.EventPage", "upcoming", 3) in memo_keys()
    assert max(seen) == 3 and min(seen) == 0  # the instants told apart

    PageViewRestriction.objects.create(page=event, restriction_type="login")
    now = instants[1]
    assert event.pk not in pks(upcoming_events(tree["en"]["home"], 3, now=now))
    assert pks(upcoming_events(tree["en"]["home"], 3, now=now)) == orm(
        tree["en"]["home"], now, 3
    )


@pytest.mark.django_db
def test_the_shown_pages_of_a_search_are_the_orms_rows_at_each_run():
    """A page of results reads its pages' five columns with a statement compiled
    per number of pages (search.services.shown_pages, values_list() rows): each run
    gives the pages asked, as they are then, whichever pages the statement was
    compiled with."""
    from search.services import shown_pages

    tree = build_site()
    ids = sorted(
        {page.pk for language in ("en", "fr") for page in tree[language].values()}
    )

    def orm(page_ids):
        return {
            pk: (title, url_path, language)
            for pk, title, url_path, language in Page.objects.filter(
                pk__in=page_ids
            ).values_list("pk", "title", "url_path", "locale__language_code")
        }

    def shown(page_ids):
        return {
            pk: (page.title, page.url_path, page.search_language)
            for pk, page in shown_pages(page_ids).items()
        }

    for size in (1, 3, len(ids)):
        for start in (0, len(ids) - size):
            asked = ids[start : start + size]
            assert shown(asked) == orm(asked)
    assert ("rows", "wagtailcore.Page", "shown pages", 3) in memo_keys()

    guide = tree["fr"]["guide"]
    Page.objects.filter(pk=guide.pk).update(title="Guide renommé")
    assert shown([guide.pk, *ids[:2]])[guide.pk][0] == "Guide renommé"
    assert shown([0, guide.pk, ids[0]]) == orm([guide.pk, ids[0]])
