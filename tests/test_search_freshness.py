"""The index follows the content: publishing, unpublishing, deleting, moving and
translating pages, renaming and deleting taxonomy terms, rebuilding the index, and,
with the database task backend, indexing only once the transaction has committed."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections, transaction
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hub.pages.models import StandardPage, Theme
from hub.practices.models import ActionPage, CaseStudyPage
from search.services import SearchQuery, search_pages
from tests.factories import add_page, publish


def found(language, text, **filters):
    query = SearchQuery(text=text, language=language, filters=filters)
    return {hit.title for hit in search_pages(query).hits}


def theme_count(language, text, slug):
    query = SearchQuery(text=text, language=language)
    theme = next(f for f in search_pages(query).facets if f.name == "theme")
    return next(value.count for value in theme.values if value.value == slug)


@pytest.fixture
def site(search_site):
    return search_site


@pytest.mark.django_db
def test_publish_unpublish_republish_and_delete(search_backend, site):
    page = add_page(
        site["en"]["library"],
        CaseStudyPage(title="Orchard of Lisieux", slug="orchard", summary="Apples."),
    )
    search_backend.refresh()
    assert found("en", "orchard") == {"Orchard of Lisieux"}

    page.unpublish()
    search_backend.refresh()
    assert found("en", "orchard") == set()

    publish(page)
    search_backend.refresh()
    assert found("en", "orchard") == {"Orchard of Lisieux"}

    page.delete()
    search_backend.refresh()
    assert found("en", "orchard") == set()


@pytest.mark.django_db
def test_an_edited_rich_text_gives_its_new_snippet(search_backend, site):
    """A snippet is drawn from the rich text that matched (the engine highlights the
    field, though the query asks the copied text; the database backend strips its
    tags, kept per process by the text as stored), and follows the text as
    published."""

    def snippet():
        query = SearchQuery(text="quince", language="en")
        (hit,) = search_pages(query).hits
        return str(hit.snippet)

    page = add_page(
        site["en"]["library"],
        CaseStudyPage(
            title="Orchard of Bayeux",
            slug="orchard-bayeux",
            summary="Fruit trees.",
            approach="<p>Grafted <b>quince</b> trees</p><p>along the lanes.</p>",
        ),
    )
    search_backend.refresh()
    assert "Grafted <mark>quince</mark> trees along the lanes." in snippet()

    page.approach = "<p>Pruned <i>quince</i> &amp; pear saplings.</p>"
    publish(page)
    search_backend.refresh()
    assert "Pruned <mark>quince</mark> &amp; pear saplings." in snippet()
    assert "Grafted" not in snippet()


@pytest.mark.django_db
def test_published_taxonomy_reaches_the_index(search_backend, site):
    # modelcluster saves many-to-many terms after the page's post_save: the page is
    # indexed again when published, so its facets are right at once.
    page = add_page(
        site["en"]["library"],
        CaseStudyPage(title="Orchard of Lisieux", slug="orchard", summary="Apples."),
    )
    page.themes.set([site["themes"][5][0]])
    publish(page)
    search_backend.refresh()
    assert found("en", "orchard", theme=["t6"]) == {"Orchard of Lisieux"}
    assert theme_count("en", "orchard", "t6") == 1


@pytest.mark.django_db
def test_moving_under_a_restricted_page_hides_the_page_and_its_children(
    search_backend, site
):
    study = add_page(
        site["en"]["library"],
        CaseStudyPage(title="Orchard study", slug="orchard", summary="Apples."),
    )
    add_page(
        study,
        ActionPage(title="Orchard action", slug="action", action_kind="training"),
    )
    members = add_page(
        site["en"]["home"], StandardPage(title="Members", slug="members")
    )
    PageViewRestriction.objects.create(
        page=members, restriction_type="password", password="secret"
    )
    search_backend.refresh()
    assert found("en", "orchard") == {"Orchard study", "Orchard action"}

    study.move(members, pos="last-child")
    search_backend.refresh()
    assert found("en", "orchard") == set()

    study.refresh_from_db()
    study.move(site["en"]["library"], pos="last-child")
    search_backend.refresh()
    assert found("en", "orchard") == {"Orchard study", "Orchard action"}


def translate_with_localize(page, locale, strings, on_commit):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale)


@pytest.mark.django_db
def test_a_translation_made_with_wagtail_localize_is_found(
    search_backend, site, django_capture_on_commit_callbacks
):
    page = add_page(
        site["en"]["library"],
        CaseStudyPage(title="Orchard of Lisieux", slug="orchard", summary="Apples."),
    )
    translate_with_localize(
        page,
        Locale.objects.get(language_code="fr"),
        {"Orchard of Lisieux": "Verger de Lisieux", "Apples.": "Des pommes."},
        on_commit=django_capture_on_commit_callbacks,
    )
    search_backend.refresh()
    assert found("fr", "verger pommes") == {"Verger de Lisieux"}
    assert found("en", "orchard") == {"Orchard of Lisieux"}


@pytest.mark.django_db
def test_renaming_a_term_reaches_the_pages_that_use_it(search_backend, site):
    english, french = site["themes"][0]  # t1: gardens a and d
    assert found("en", "permaculture") == set()
    english.name = "Permaculture"
    english.save()
    french.name = "Agroécologie"
    french.save()
    search_backend.refresh()
    assert found("en", "permaculture") == {
        "Community garden in Caen",
        "Starting a garden with tenants",
    }
    # The French pages point at the English term; their text has the French name.
    assert found("fr", "agroecologie") == {
        "Jardin partagé à Caen",
        "Créer un jardin avec les locataires",
    }
    query = SearchQuery(text="garden", language="en")
    theme = next(f for f in search_pages(query).facets if f.name == "theme")
    assert "Permaculture" in [value.label for value in theme.values]


@pytest.mark.django_db
def test_deleting_a_term_updates_the_facets(search_backend, site):
    assert theme_count("en", "garden", "t3") == 1
    Theme.objects.filter(slug="t3").delete()  # both languages
    search_backend.refresh()
    assert "t3" not in {
        value.value
        for f in search_pages(SearchQuery(text="garden", language="en")).facets
        for value in f.values
    }
    assert found("en", "garden", theme=["t3"]) == {
        "Community garden in Caen",
        "Market garden training",
        "Evaluation of the garden programme",
        "Starting a garden with tenants",
        "Garden visit",
    }  # an unknown filter value is ignored


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_update_index_leaves_no_window_without_results(search_backend, site):
    """Searches from another connection while the index is rebuilt all find the page
    (engine: a new index swapped in behind an alias; PostgreSQL: one transaction)."""
    assert found("en", "garden visit")
    stop = threading.Event()
    misses, answers = [], []

    def keep_searching():
        try:
            while not stop.is_set():
                titles = found("en", "garden visit")
                answers.append(titles)
                if "Garden visit" not in titles:
                    misses.append(titles)
        finally:
            connections.close_all()

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        for _ in range(2):
            call_command("update_index", stdout=StringIO(), stderr=StringIO())
    finally:
        stop.set()
        searcher.join()
    assert len(answers) > 5
    assert misses == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_task_backend_pages_are_indexed_after_the_commit(
    search_backend, site, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        page = add_page(
            site["en"]["library"],
            CaseStudyPage(
                title="Orchard of Lisieux", slug="orchard", summary="Apples."
            ),
        )
        page.themes.set([site["themes"][5][0]])
        publish(page)
        search_backend.refresh()
        assert found("en", "orchard") == set()  # nothing indexed inside the transaction
    search_backend.refresh()
    assert found("en", "orchard") == set()  # committed, waiting for the worker
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    search_backend.refresh()
    assert found("en", "orchard", theme=["t6"]) == {"Orchard of Lisieux"}
