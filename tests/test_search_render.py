"""The search page's filter panel and rows of results, written in Python
(search/render.py), are what the template's loops wrote, byte for byte; result and
suggestion links are the URLs Wagtail gives (search.services.PageUrls).

The reference below is the template the page used before, with the view code that
prepared its values; since then, a result's date goes through the list_date filter,
which says when a date is only the hub's first publication, and the site's own pages
(sections, "About") show none. Each search renders both ways and the two must be
equal."""

import pytest
from django.template import engines
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from hub.pages.models import Theme
from hub.practices.models import CaseStudyPage
from search.render import facet_fieldsets, result_rows
from search.services import PageUrls, SearchQuery, search_pages, suggest_pages
from tests.factories import add_page, make_term, publish

pytestmark = pytest.mark.django_db

REFERENCE = """{% load i18n dates_tags %}
            {% for facet in facets %}{% if facet.values and facet.shown %}
            <fieldset class="filters__group" data-facet="{{ facet.name }}">
                <legend class="filters__legend">{{ facet.label }}{% with chosen=facet.selected_values|length %}{% if chosen %} <span class="filters__selected">{% blocktranslate count counter=chosen trimmed %}({{ counter }} chosen){% plural %}({{ counter }} chosen){% endblocktranslate %}</span>{% endif %}{% endwith %}</legend>
                <ul class="filters__options" role="list">
                    {% for value in facet.values %}{% with field_id=value.input_id %}{% if value.count or value.selected or results.total %}
                    <li{% if not value.count and not value.selected %} class="filters__option--empty"{% endif %}>
                        <input type="checkbox" id="{{ field_id }}" name="{{ facet.name }}" value="{{ value.value }}"{% if value.selected %} checked{% endif %}>
                        <label for="{{ field_id }}"><span>{{ value.label }}<span class="visually-hidden">, {{ value.count_text }}</span></span> <span class="filters__count" aria-hidden="true">{{ value.count_text_short }}</span></label>
                    </li>
                    {% endif %}{% endwith %}{% endfor %}
                </ul>
            </fieldset>
            {% endif %}{% endfor %}
~~~
                {% for hit in results.hits %}
                <li class="search-result" data-page-id="{{ hit.page_id }}">
                    <p class="search-result__type">{{ hit.type_label }}{% if query.all_languages %} · {% get_language_info for hit.language as language %}<span class="search-result__language">{{ language.name_translated }}</span>{% endif %}</p>
                    <h3 class="search-result__title"><a href="{{ hit.url }}" lang="{{ hit.language }}" hreflang="{{ hit.language }}">{{ hit.title }}</a></h3>
                    {% if hit.date and hit.type != "page" %}<p class="card__meta"><time datetime="{{ hit.date|partial_iso:hit.date_precision }}">{{ hit.date|list_date:hit.date_precision }}</time></p>{% endif %}
                    {% if hit.snippet %}<p class="search-result__summary" lang="{{ hit.language }}">{{ hit.snippet }}</p>{% endif %}
                </li>
                {% endfor %}"""  # noqa: E501 - the template as it was


def reference(results):
    """The panel and the rows as the template rendered them, with the values the
    view prepared for it."""
    for facet in results.facets:
        facet.shown = bool(results.total) or any(
            v.count or v.selected for v in facet.values
        )
        for position, value in enumerate(facet.values, 1):
            value.input_id = f"sf-{facet.name}-{position}"
            value.count_text = ngettext(
                "%(count)s result", "%(count)s results", value.count
            ) % {"count": number_format(value.count)}
            value.count_text_short = number_format(value.count)
    template = engines["django"].from_string(REFERENCE)
    context = {"facets": results.facets, "results": results, "query": results.query}
    panel, rows = template.render(context).split("\n~~~\n")
    # What precedes the loops in the template, before the Python pieces as well.
    return panel.removeprefix("\n            "), rows.removeprefix(" " * 16)


@pytest.fixture
def site(search_backend, search_site):
    site = search_site
    # A theme and a page whose names need escaping, in both places they show.
    term, _french = make_term(Theme, "t-amp", "Gardens & <growers>", "Jardins & «x»")
    page = add_page(
        site["en"]["library"],
        CaseStudyPage(
            title='Plots & "pots" <garden>',
            slug="garden-amp",
            summary="A garden of <b>plots</b> & pots.",
        ),
    )
    page.themes.set([term])
    site["amp"] = publish(page)
    search_backend.refresh()
    return site


SEARCHES = [
    ("en", {"q": "garden"}),
    ("fr", {"q": "jardin"}),
    ("en", {"q": "garden", "lang": "all"}),
    ("fr", {"q": "Caen", "lang": "all", "sort": "date"}),
    ("en", {"q": "garden", "theme": ["t1", "t2"], "type": "case-study"}),
    ("en", {"q": "garden", "theme": "t-amp"}),
    ("fr", {"q": "jardin", "region": "r-fr", "country": "FR"}),
    ("en", {"type": "event"}),
    ("en", {"theme": "t2", "sort": "date"}),
    ("en", {"q": "garden", "theme": "t12"}),  # nothing: only counted or chosen
    ("en", {"q": "nowhere to be found"}),
    ("en", {"q": "garden", "page": "2"}),
    ("en", {"q": '<b>garden</b> & "pots"', "theme": "<x>"}),
]


@pytest.mark.parametrize(("language", "params"), SEARCHES)
def test_panel_and_rows_are_the_templates_byte_for_byte(site, language, params):
    params = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    with translation.override(language):
        results = search_pages(SearchQuery.from_params(params, language))
        panel, rows = reference(results)
        assert str(facet_fieldsets(results.facets, results.total)) == panel
        assert str(result_rows(results.hits, results.query.all_languages)) == rows


def test_names_and_titles_are_escaped(site):
    results = search_pages(SearchQuery.from_params({"q": ["plots"]}, "en"))
    rows = str(result_rows(results.hits, False))
    assert "Plots &amp; &quot;pots&quot; &lt;garden&gt;</a>" in rows
    assert "<garden>" not in rows
    panel = str(facet_fieldsets(results.facets, results.total))
    assert "Gardens &amp; &lt;growers&gt;" in panel
    assert "<growers>" not in panel


def test_result_and_suggestion_links_are_wagtails(site, rf):
    request = rf.get("/en/search/", HTTP_HOST="localhost")
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert len(pages) > 20
    for active in ("en", "fr"):
        with translation.override(active):
            urls = PageUrls(request)
            for page in pages:
                assert urls(page.url_path) == page.get_url(request), page.url_path
                assert PageUrls(None)(page.url_path) == page.get_url(None)
    with translation.override("en"):
        results = search_pages(SearchQuery.from_params({"q": ["garden"]}, "en"))
        assert results.hits
        for hit in results.hits:
            assert hit.url == Page.objects.get(pk=hit.page_id).get_url(None)
        suggestions = suggest_pages("gard", "en", request)
        assert suggestions
        for suggestion in suggestions:
            page = Page.objects.get(title=suggestion.title, locale__language_code="en")
            assert suggestion.url == page.get_url(request)


def test_links_to_another_site_are_absolute_as_wagtails(site, rf):
    # The guides (both languages) as the root of a site of their own: for its
    # readers, the library is on another host and the guides on this one.
    Site.objects.create(hostname="guides.example", root_page=site["en"]["guides"])
    pages = [site["pages"]["a"], site["pages"]["d"], site["fr_pages"]["d"]]
    for host in ("localhost", "guides.example"):
        request = rf.get("/en/search/", HTTP_HOST=host)
        for language in ("en", "fr"):
            with translation.override(language):
                urls = PageUrls(request)
                for page in pages:
                    assert urls(page.url_path) == page.get_url(request), (host, page)
    with translation.override("en"):
        urls = PageUrls(rf.get("/en/search/", HTTP_HOST="guides.example"))
        library_page = urls(site["pages"]["a"].url_path)
        guide = urls(site["pages"]["d"].url_path)
    assert library_page == "http://localhost/en/library/garden-a/"
    assert guide == "/en/garden-d/"
