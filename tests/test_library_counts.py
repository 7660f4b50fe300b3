"""The library's counts read from totals (practices.LibraryCount, less the items that
are not public): equal to the counts of the public items themselves, and the totals
equal to totals written again from the entries, after each kind of change (publish
with other terms, unpublish, expiry, restriction, evidence, a region's country,
deletion of a page or a term). A totals table left stale, or counting hidden items,
fails these."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from hub.pages.models import Region, Theme
from hub.practices import library_counts
from hub.practices.library import FACET_NAMES, Library
from hub.practices.library_counts import TABLE
from hub.practices.models import (
    CaseStudyPage,
    EvaluationReportPage,
    LibraryCount,
    LibraryEntry,
    LibraryValue,
)
from tests.factories.site import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(locales):
    from tests.snapshot import LIBRARY

    return LIBRARY.restore()  # build_library(), built once per run


def totals():
    return sorted(
        LibraryCount.objects.values_list(
            "library_id", "facet", "value", "other_facet", "other_value", "count"
        )
    )


def assert_totals_as_rebuilt():
    kept = totals()
    library_counts.rebuild()
    assert kept == totals()


def expected(library, selected):
    """Each value's count among the public items passing every other filter, and
    the number of items and of undated ones passing every filter, counted here."""
    items = library.items_from(library.rows(library.pages(), "title"))

    def passes(item, without=None):
        return all(
            item.values[name] & values
            for name, values in selected.items()
            if name != without and values
        )

    counts = {name: {} for name in FACET_NAMES}
    for item in items:
        for name in FACET_NAMES:
            if passes(item, without=name):
                for value in item.values[name]:
                    counts[name][value] = counts[name].get(value, 0) + 1
    matching = [item for item in items if passes(item)]
    undated = sum(1 for item in matching if item.start_date is None)
    counts["_"] = {"all": len(matching), "undated": undated}
    return counts


def selections():
    def key(model, slug):
        return str(
            model.objects.get(slug=slug, locale__language_code="en").translation_key
        )

    entrepreneurship = key(Theme, "entrepreneurship")
    employment = key(Theme, "employment")
    bretagne = key(Region, "bretagne")
    return [
        {},
        {"theme": {entrepreneurship}},
        {"type": {"action"}},
        {"theme": {entrepreneurship}, "region": {bretagne}},
        {"evidence": {"none", "proven"}},
        {"type": {"action", "case_study"}},
        {"evidence": {"none", "proven"}, "type": {"action"}},
        {"theme": {entrepreneurship, employment}, "type": {"case_study"}},
        {"theme": {entrepreneurship}, "region": {bretagne}, "evidence": {"proven"}},
        {
            "theme": {entrepreneurship, employment},
            "region": {bretagne, key(Region, "south-east-england")},
            "evidence": {"proven", "emergent"},
            "type": {"action"},
        },
    ]


def nonzero(counts):
    return {
        name: {value: n for value, n in found.items() if n}
        for name, found in counts.items()
    }


def assert_counts_exact(built):
    library = Library(built["library"])
    for selected in selections():
        counts = library.counts(selected)
        wanted = expected(library, selected)
        if "_" not in counts:  # two filters: the total is read with the list
            counts["_"] = wanted["_"]
        assert nonzero(counts) == nonzero(wanted), selected


def test_counts_equal_the_public_items_after_each_change(built):
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    bravo = built["en"]["bravo"]
    bravo.themes.add(Theme.objects.get(slug="housing", locale__language_code="en"))
    bravo.start_date = bravo.end_date = None
    bravo.save_revision().publish()
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    built["en"]["alpha"].unpublish()  # and Action one with it
    assert_counts_exact(built)
    built["en"]["alpha"].save_revision().publish()

    restriction = PageViewRestriction.objects.create(
        page=bravo, restriction_type="login"
    )
    assert_counts_exact(built)
    restriction.delete()

    report = EvaluationReportPage.objects.get(evidence_level="proven")
    report.unpublish()  # Alpha's evidence goes
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    Page.objects.get(pk=built["en"]["zeta"].pk).delete()
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    region = Region.objects.get(slug="bretagne", locale__language_code="en")
    region.country = "GB"  # the country filter follows its regions
    region.save()
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    Theme.objects.get(slug="housing", locale__language_code="en").delete()
    assert_totals_as_rebuilt()
    assert_counts_exact(built)


def test_expired_case_study_is_not_counted(built):
    library = Library(built["library"])
    before = library.counts({})["_"]["all"]
    alpha = built["en"]["alpha"]
    alpha.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    alpha.save_revision().publish()
    Page.objects.filter(pk=alpha.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)
    assert not Page.objects.get(pk=alpha.pk).live
    assert library.counts({})["_"]["all"] == before - 2  # with Action one
    assert_counts_exact(built)


def test_restricted_library_counts_nothing(built):
    library = Library(built["library"])
    assert library.counts({})["_"]["all"] == 5
    PageViewRestriction.objects.create(
        page=built["library"], restriction_type="password", password="x"
    )
    assert not any(library.counts({"type": {"action"}}).values())
    assert not any(library.counts({}).values())
    assert_counts_exact(built)


def test_counts_of_several_filters_leave_out_each_hidden_item(built):
    """Counted from the entries' values alone, two or more filters still leave out
    an unpublished action, a restricted case study and their actions."""
    built["en"]["action_one"].unpublish()
    PageViewRestriction.objects.create(
        page=built["en"]["bravo"], restriction_type="login"
    )
    assert_counts_exact(built)
    library = Library(built["library"])
    assert library.counts(selections()[3])["_"]["all"] == 1  # Alpha alone


def test_page_in_another_language_has_no_entry_and_is_not_counted(built):
    """A French case study placed below the English library is not listed there
    (the library lists its own language): it gets no entry, so the counts read from
    the values, which join no page, leave it out too."""
    stray = CaseStudyPage(
        title="Égarée", slug="egaree", locale=Locale.objects.get(language_code="fr")
    )
    stray = add_page(built["library"], stray)
    stray.themes.set(
        [Theme.objects.get(slug="entrepreneurship", locale__language_code="en")]
    )
    stray.regions.set([Region.objects.get(slug="bretagne", locale__language_code="en")])
    stray.save_revision().publish()
    assert stray.locale_id != built["library"].locale_id
    assert not LibraryEntry.objects.filter(page_id=stray.pk).exists()
    assert not LibraryValue.objects.filter(entry_id=stray.pk).exists()
    assert_totals_as_rebuilt()
    assert_counts_exact(built)


def test_single_valued_filters_have_one_value_per_entry(built):
    """The counts add up the totals of each chosen value of these filters: right only
    while no entry has two of their values."""
    for facet in library_counts.SINGLE:
        values = LibraryValue.objects.filter(facet=facet).values_list("entry_id")
        assert values.count() == values.distinct().count(), facet


def _count_writes(captured):
    return sum(
        1 for query in captured if query["sql"].startswith(f"INSERT INTO {TABLE}")
    )


def test_deleted_pages_leave_the_totals_in_one_write(built):
    """A case study deleted with its action is taken out of the totals in one write;
    a whole library deleted writes none (its totals go with it); the totals stay
    equal to totals written again from the entries."""
    with CaptureQueriesContext(connection) as captured:
        Page.objects.get(pk=built["en"]["bravo"].pk).delete()  # and Zeta coaching
    assert _count_writes(captured) == 1
    assert_totals_as_rebuilt()
    assert_counts_exact(built)

    library = Page.objects.get(pk=built["library"].pk)
    assert LibraryCount.objects.filter(library=library).exists()
    with CaptureQueriesContext(connection) as captured:
        library.delete()
    assert _count_writes(captured) == 0
    assert not LibraryCount.objects.filter(library_id=built["library"].pk).exists()
    assert LibraryCount.objects.exists()  # the French library's
    assert_totals_as_rebuilt()
