"""Every page type: where it may live, that editors can create it, that it renders."""

import pytest
from bs4 import BeautifulSoup
from django.forms import ChoiceField, DateTimeField
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from hub.contact.models import ContactPage
from hub.events.models import EventIndexPage, EventPage
from hub.pages.models import HomePage, StandardPage
from hub.practices.models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
    GuideIndexPage,
    LibraryIndexPage,
    ReportIndexPage,
)
from tests.factories import SITE_PAGES, build_site, make_locales

PAGE_TREE = {
    HomePage: (
        {Page},
        {
            LibraryIndexPage,
            GuideIndexPage,
            ReportIndexPage,
            EventIndexPage,
            StandardPage,
            ContactPage,
        },
    ),
    ContactPage: ({HomePage}, set()),
    StandardPage: ({HomePage, StandardPage}, {StandardPage}),
    LibraryIndexPage: ({HomePage}, {CaseStudyPage}),
    CaseStudyPage: ({LibraryIndexPage}, {ActionPage}),
    ActionPage: ({CaseStudyPage}, set()),
    GuideIndexPage: ({HomePage}, {GoodPracticeGuidePage}),
    GoodPracticeGuidePage: ({GuideIndexPage}, set()),
    ReportIndexPage: ({HomePage}, {EvaluationReportPage}),
    EvaluationReportPage: ({ReportIndexPage}, set()),
    EventIndexPage: ({HomePage}, {EventPage}),
    EventPage: ({EventIndexPage}, set()),
}

# Which page of the test tree is the parent when an editor adds each page type.
PARENT_IN_TREE = {
    StandardPage: "home",
    ContactPage: "home",
    LibraryIndexPage: None,  # one per home page: created under a fresh home below
    CaseStudyPage: "library",
    ActionPage: "case_study",
    GoodPracticeGuidePage: "guides",
    EvaluationReportPage: "reports",
    EventPage: "events",
}


def admin_form_data(page_class, title):
    """The add form's data, as the real admin form posts it, with minimal values."""
    form_class = page_class.get_edit_handler().get_form_class()
    data = {"title": title, "slug": title.lower().replace(" ", "-")}
    for name, field in form_class.base_fields.items():
        if name in data:
            continue
        if isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text("")
        elif isinstance(field, BlockField):
            data[name] = streamfield([])
        elif isinstance(field, ChoiceField) and field.required:
            data[name] = next(value for value, _label in field.choices if value)
        elif isinstance(field, DateTimeField) and field.required:
            data[name] = "2030-05-04 09:30"
        elif field.required and field.initial is not None:
            data[name] = field.initial  # what the browser posts back unchanged
    for name in form_class.formsets:
        data[name] = inline_formset([])
    if page_class is EventPage:
        data["end"] = "2030-05-04 17:00"
    return nested_form_data(data)


class TestPageTree(WagtailPageTestCase):
    def test_allowed_parents_and_children(self):
        for page_class, (parents, children) in PAGE_TREE.items():
            with self.subTest(page_class=page_class.__name__):
                self.assertAllowedParentPageTypes(page_class, parents)
                self.assertAllowedSubpageTypes(page_class, children)

    def test_index_pages_are_one_per_home(self):
        for page_class in (
            LibraryIndexPage,
            GuideIndexPage,
            ReportIndexPage,
            EventIndexPage,
        ):
            assert page_class.max_count_per_parent == 1


class TestAdminCreation(WagtailPageTestCase):
    """Each page type is created by posting the real admin add form."""

    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.tree = build_site()

    def setUp(self):
        # force_login: client.login() has no request for django-axes to check.
        self.client.force_login(self.create_test_user())

    def test_every_page_type_can_be_created_in_the_admin(self):
        english = self.tree["en"]
        for page_class, parent_name in PARENT_IN_TREE.items():
            with self.subTest(page_class=page_class.__name__):
                if parent_name is None:
                    parent = Page.get_first_root_node().add_child(
                        instance=HomePage(title="Second home", slug="second-home")
                    )
                else:
                    parent = english[parent_name]
                # A title of its own: several page types share the home page.
                title = f"Created in admin {page_class.__name__}"
                self.assertCanCreate(
                    parent, page_class, admin_form_data(page_class, title)
                )

    def test_home_page_can_be_created_at_root(self):
        self.assertCanCreateAt(Page, HomePage)


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("name", SITE_PAGES)
def test_page_renders_in_both_languages_with_switch_and_alternates(client, name):
    tree = build_site()
    english, french = tree["en"][name], tree["fr"][name]
    en_url, fr_url = english.url, french.url
    assert en_url.startswith("/en/") and fr_url.startswith("/fr/")

    for language, page, url, other_url in (
        ("en", english, en_url, fr_url),
        ("fr", french, fr_url, en_url),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = _soup(response)
        assert soup.html["lang"] == language
        assert soup.find("h1").get_text(strip=True) == page.title
        alternates = {
            link["hreflang"]: link["href"]
            for link in soup.find_all("link", rel="alternate", hreflang=True)
        }
        assert alternates["en"].endswith(en_url)
        assert alternates["fr"].endswith(fr_url)
        assert alternates["x-default"].endswith(en_url)
        switch = soup.select("a.language-switch")
        assert [a["href"] for a in switch] == [other_url]


@pytest.mark.django_db
def test_untranslated_page_switches_to_the_other_home_and_says_so(client):
    tree = build_site()
    english_only = StandardPage(title="English only", slug="english-only")
    tree["en"]["home"].add_child(instance=english_only)
    english_only.save_revision().publish()

    soup = _soup(client.get(english_only.url))
    switch = soup.select_one("a.language-switch")
    assert switch["href"] == tree["fr"]["home"].url + "?notice=untranslated"
    assert switch.has_attr("data-untranslated")
    hreflangs = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
    assert "fr" not in hreflangs

    landing = _soup(client.get(switch["href"]))
    notice = landing.select_one("[data-notice=untranslated]")
    assert notice is not None and notice.get_text(strip=True)


@pytest.mark.django_db
def test_root_redirects_to_the_browser_language(client):
    build_site()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/fr/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/en/"
