"""What the search page shows many times, made in Python: the filter panel's values
and the rows of results, and the search's URL with some parameters changed.

The panel lists every value of every facet (about sixty) and a page of results ten
rows; through the template engine, their loops, filters and translations were most of
the page's own rendering. Here each count is formatted (Django's `number_format`)
and its "N results" sentence translated, and each result's date written, once per
language and process, and the
markup written as the template wrote it, byte for byte (tests/test_search_render.py
compares both); templates/search/search.html places the two pieces where its loops
were. Only the chosen values get the URL that unselects them (the chips above the
results): the panel's checkboxes are a form and need none.
"""

from html import escape
from urllib.parse import urlencode

from django.core.signals import setting_changed
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, ngettext

from hub.pages.dates import DatePrecision, iso_date, list_date_text
from hub.pages.search_data import SITE_PAGE


class _TextsByLanguage:
    """Texts made once per language and process, kept between searches: a panel
    shows some fifty counts, and formatting and translating them at each search was
    two thirds of its cost; a page of results, ten dates. Bounded (counts run to the
    number of pages, dates to the days of the corpus), and dropped when settings
    change (a test's formats)."""

    LIMIT = 5000

    def __init__(self):
        self.by_language = {}
        setting_changed.connect(self.forget, weak=False)

    def forget(self, **kwargs):
        self.by_language.clear()

    def get(self, key, make, *args):
        """The text of `key` in the active language: `make(*args)` the first time."""
        known = self.by_language.setdefault(get_language(), {})
        text = known.get(key)
        if text is None:
            if len(known) >= self.LIMIT:
                known.clear()
            text = known[key] = make(*args)
        return text


_COUNT_TEXTS = _TextsByLanguage()
_DATE_TEXTS = _TextsByLanguage()


def _count_texts(count):
    shown = number_format(count)
    sentence = ngettext("%(count)s result", "%(count)s results", count) % {
        "count": shown
    }
    return _text(shown), _text(sentence)


def count_texts(count):
    """(`number_format(count)`, its "N results" sentence), escaped, in the active
    language."""
    return _COUNT_TEXTS.get(count, _count_texts, count)


def _date_markup(date, precision):
    return (
        '<p class="card__meta"><time datetime="'
        f'{_text(iso_date(date, precision) or "")}">'
        f"{_text(list_date_text(date, precision))}</time></p>"
    )


class SearchUrls:
    """This search's URL with some parameters replaced (None removes them): the query
    string's other pairs in their order, then the new values; any change but a page
    change starts again from page 1; the bare path when nothing is left."""

    def __init__(self, request):
        self.path = request.path
        self.params = [
            (name, value)
            for name, values in request.GET.lists()
            if name != "format"
            for value in values
        ]

    def __call__(self, **changes):
        dropped = set(changes) | ({"page"} if "page" not in changes else set())
        pairs = [(name, value) for name, value in self.params if name not in dropped]
        for name, value in changes.items():
            if value is None:
                continue
            values = value if isinstance(value, list | tuple) else [value]
            pairs.extend((name, item) for item in values)
        encoded = urlencode(pairs)
        return f"?{encoded}" if encoded else self.path


def _text(value):
    """`conditional_escape(value)` as a plain string, without its checks and wrapping
    (a panel escapes some three hundred values)."""
    as_html = getattr(value, "__html__", None)
    return str(as_html()) if as_html is not None else escape(str(value))


def facet_fieldsets(facets, total):
    """The filter panel's fieldsets, as the template's loop wrote them: every value
    of every facet with its count (read out as "3 results", shown as "3"); with no
    result, only the values counted or chosen, and no facet without one (forty
    filters at zero would only push the advice down)."""
    parts = []
    for facet in facets:
        if not facet.values or not (
            total or any(value.count or value.selected for value in facet.values)
        ):
            continue
        name = _text(facet.name)
        chosen = len(facet.selected_values)
        legend = _text(facet.label)
        if chosen:
            counted = ngettext("(%(counter)s chosen)", "(%(counter)s chosen)", chosen)
            legend += (
                ' <span class="filters__selected">'
                + counted % {"counter": count_texts(chosen)[0]}
                + "</span>"
            )
        parts.append(
            f'\n            <fieldset class="filters__group" data-facet="{name}">'
            f'\n                <legend class="filters__legend">{legend}</legend>'
            '\n                <ul class="filters__options" role="list">'
            "\n                    "
        )
        for position, value in enumerate(facet.values, 1):
            if not (value.count or value.selected or total):
                continue
            field_id = f"sf-{name}-{position}"
            shown, sentence = count_texts(value.count)
            empty = (
                ' class="filters__option--empty"'
                if not value.count and not value.selected
                else ""
            )
            checked = " checked" if value.selected else ""
            parts.append(
                f"\n                    <li{empty}>"
                f'\n                        <input type="checkbox" id="{field_id}"'
                f' name="{name}" value="{_text(value.value)}"{checked}>'
                f'\n                        <label for="{field_id}"><span>'
                f'{_text(value.label)}<span class="visually-hidden">, '
                f"{sentence}</span></span> "
                '<span class="filters__count" aria-hidden="true">'
                f"{shown}</span></label>"
                "\n                    </li>"
                "\n                    "
            )
        parts.append("\n                </ul>\n            </fieldset>\n            ")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


def result_rows(hits, all_languages):
    """The list items of a page of results, as the template's loop wrote them."""
    parts = []
    languages = {}
    for hit in hits:
        language = _text(hit.language)
        type_line = _text(hit.type_label)
        if all_languages:
            name = languages.get(hit.language)
            if name is None:
                name = languages[hit.language] = _text(
                    get_language_info(hit.language)["name_translated"]
                )
            type_line += f' · <span class="search-result__language">{name}</span>'
        date = ""
        # The site's own pages (sections, "About") are no work with a date to show.
        if hit.date and hit.type != SITE_PAGE:
            precision = hit.date_precision or DatePrecision.DAY
            key = (hit.date, precision)
            date = _DATE_TEXTS.get(key, _date_markup, *key)
        snippet = ""
        if hit.snippet:
            snippet = (
                f'<p class="search-result__summary" lang="{language}">'
                f"{_text(hit.snippet)}</p>"
            )
        parts.append(
            f'\n                <li class="search-result" data-page-id="{hit.page_id}">'
            f'\n                    <p class="search-result__type">{type_line}</p>'
            '\n                    <h3 class="search-result__title">'
            f'<a href="{_text(hit.url)}" lang="{language}" hreflang="{language}">'
            f"{_text(hit.title)}</a></h3>"
            f"\n                    {date}"
            f"\n                    {snippet}"
            "\n                </li>"
            "\n                "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
