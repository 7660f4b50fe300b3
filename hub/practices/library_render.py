"""What the library page's template shows, made ready in Python.

The filter panel lists every value of every filter with its count: each number is
formatted once per request (Django's own `localize`, remembered per value) and each
"N results" sentence is translated here, once per number, and each value's checkbox
and label are written here (OPTION, escaped as the template would), so the template
neither runs `{% blocktranslate count %}` and the number formatting per value nor
loops over the forty-odd values (a millisecond of a page's ten).

The parts made of the code's texts and URLs alone (the evidence scale, the feeds'
links) are rendered once per process and language (`rendered_once`).

The listing as a whole (LISTING_TEMPLATE: the filter panel with its counts, the
results, the pagination) is kept too, per query string (`listing_slot`): for the same
readers, under the same stamp as the cards but for the library page itself, so that
every change that draws a new page generation drops every listing, counts and total
included. A listing kept spares the page its counts and items queries and this
module's work; one not kept is built as below and stored.

Each listed item's card is rendered by `includes/library_item.html` in Python and,
for an anonymous reader of a public library, kept in the shared cache as a fragment
(hub/fragments.py): the same for every reader and every filter, sort and page that
shows the item. A card's key names the item's page and the request's language, site
and code version; its stamp, the page generation read for the request and the page
as published (revision and time), so any change that draws a new generation
(publishing, unpublishing or restricting the page or its case study, a term, a report
that rates it...) drops it. The cards of a page are read in one round trip and the
missing ones written in one. Never for a preview, a logged-in reader or a library
behind a view restriction (the items listed are public by the library's own query).
"""

import functools
import hashlib
import html
from urllib.parse import quote

from django.template import Context
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from hub import fragments

from .exports import URL_SAFE

CARD_TEMPLATE = "includes/library_item.html"
LISTING_TEMPLATE = "practices/library_listing.html"

# One value of the filter panel, as the loop over a facet's options in
# practices/library_index_page.html wrote it: its checkbox and its label, with the
# value's name, its count and the "N results" sentence said to screen readers.
OPTION = (
    "\n                <li>\n"
    '                    <input type="checkbox" id="{id}" name="{name}" '
    'value="{value}"{checked}>\n'
    '                    <label for="{id}"><span>{label}<span class="visually-hidden">'
    ', {results}</span></span> <span class="filters__count" aria-hidden="true">'
    "{count}</span></label>\n"
    "                </li>\n                "
)


class Numbers:
    """Numbers formatted as the template engine would, each value once."""

    def __init__(self):
        self.formatted = {}

    def __call__(self, value):
        text = self.formatted.get(value)
        if text is None:
            text = self.formatted[value] = str(conditional_escape(localize(value)))
        return text


def counted(message, text):
    """What `{% blocktranslate count counter=... trimmed %}` renders: the message
    ngettext chose (written in Python as the tag writes it, "%(counter)s result", so
    the catalogues keep one entry for both) with the counter formatted as `text`."""
    return mark_safe(message % {"counter": text})  # noqa: S308 - counter escaped


def prepare_facets(result):
    """Give each facet of the filter panel its formatted texts and the markup of its
    values (OPTION each), and the result the (facet, value) of each value chosen, in
    the panel's order (the sort form's hidden fields)."""
    number = Numbers()
    texts = {}  # {count: (count, "N results"), as written}
    facets = result.facets
    result.selected_options = [
        (facet.name, option.value)
        for facet in facets
        for option in facet.options
        if option.selected
    ]
    for facet in facets:
        selected = facet.selected_count
        facet.chosen_text = ""
        if selected:
            facet.chosen_text = counted(
                ngettext("(%(counter)s chosen)", "(%(counter)s chosen)", selected),
                number(selected),
            )
        name = _escape(facet.name)  # a name of FACETS: a word
        options = []
        for position, option in enumerate(facet.options, start=1):
            count = texts.get(option.count)
            if count is None:
                # The count as written beside the value, and the sentence said to
                # screen readers: each made once per number.
                count_text = number(option.count)
                count = texts[option.count] = (
                    _escape(count_text),
                    _escape(
                        counted(
                            ngettext(
                                "%(counter)s result",
                                "%(counter)s results",
                                option.count,
                            ),
                            count_text,
                        )
                    ),
                )
            options.append(
                OPTION.format(
                    id=f"f-{name}-{position}",
                    name=name,
                    value=_escape(option.value),
                    checked=" checked" if option.selected else "",
                    label=_escape(option.label),
                    results=count[1],
                    count=count[0],
                )
            )
        facet.options_html = mark_safe("".join(options))  # noqa: S308 - escaped
    return facets


def _escape(value):
    """What the template's autoescaping writes for `value` (`conditional_escape`
    without the wrapper that checks its arguments for lazy texts, about half of its
    cost: `str()` gives a lazy text's translation anyway)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def rendered_once(template_name, **context):
    """What `template_name` renders with `context` in the active language, rendered
    once per process: for parts made of the code's own texts and URLs only (no row,
    reader or request), such as the feeds' links. Each value of `context` is a string
    or a function of none giving the value (called once)."""
    return _rendered(
        template_name,
        translation.get_language() or "",
        get_script_prefix(),
        tuple(sorted(context.items())),
    )


@functools.lru_cache(maxsize=64)
def _rendered(template_name, language, prefix, context):
    values = {name: value() if callable(value) else value for name, value in context}
    return mark_safe(get_template(template_name).render(values))  # noqa: S308


def _card_keys(request):
    """A function from a listed page's id to the key of its card (the request's
    parts read once)."""
    head = "\n".join(
        [
            "library-card",
            translation.get_language() or "",
            request.scheme,
            request.get_host(),
            fragments.code_version(),
            "",
        ]
    )

    def key(pk):
        digest = hashlib.sha256(f"{head}{pk}".encode()).hexdigest()[:40]
        return "fragments:card:" + digest

    return key


def page_urls(library, request, base=None):
    """A function from a listed page's url_path to its URL as `{% pageurl %}` gives
    it: the library's own (`base`, if read already) followed by the page's path below
    it, as Wagtail reverses it (the items are below the library, in its site and
    language)."""
    if base is None:
        base = library.page.get_url(request)
    below = library.page.url_path

    def url(url_path):
        return base + quote(url_path[len(below) :], safe=URL_SAFE)

    return url


def _use_fragments(request, library_page):
    return (
        fragments.fragment_seconds() > 0
        and fragments.may_use_fragments(request)
        and fragments.page_is_public(library_page)
    )


def listing_slot(library_page, request):
    """(key, stamp) of this request's listing (LISTING_TEMPLATE) as kept in the
    shared cache, or None when it may not be kept. The key names the language, the
    site, the library's path and the whole query string (the filters, sort and page
    asked for, and what the listing's links keep of it), and the code's version; the
    stamp, the page generation read for the request and the library page as
    published: any change that draws a new generation (an item published,
    unpublished, restricted, moved or deleted, a term edited...) drops every listing,
    their counts with them."""
    if not _use_fragments(request, library_page):
        return None
    generation = fragments.request_generation(request)
    if generation is None:
        return None
    parts = [
        "library-listing",
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        fragments.code_version(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return "fragments:listing:" + digest, fragments.fragment_stamp(
        library_page, generation
    )


def read_listing(slot):
    """(markup, noindex) of the listing kept in `slot` with its current stamp, or
    None."""
    if slot is None:
        return None
    try:
        found = fragments.fragment_cache().get(slot[0])
    except Exception:  # noqa: BLE001 - a cache down renders the listing
        return None
    if found is None or found[0] != slot[1]:
        return None
    return mark_safe(found[1]), found[2]  # noqa: S308 - rendered by us


def keep_listing(slot, markup, noindex):
    if slot is None:
        return
    try:
        fragments.fragment_cache().set(
            slot[0], (slot[1], str(markup), noindex), fragments.fragment_seconds()
        )
    except Exception:  # noqa: BLE001
        pass


def render_cards(library, items, request, library_url=None):
    """Set `card_html` on each item shown: from the shared cache when its stamp is
    current, else rendered from its values and page (read only then) and stored.
    `library_url`: the library page's URL for this request, if read already."""
    template = get_template(CARD_TEMPLATE).template
    keys, stamps, stored = {}, {}, {}
    generation = None
    if items and _use_fragments(request, library.page):
        generation = fragments.request_generation(request)
    if generation is not None:
        card_key = _card_keys(request)
        for item in items:
            keys[item.pk] = card_key(item.pk)
            # The item's row holds what the stamp reads of a page.
            stamps[item.pk] = fragments.fragment_stamp(item, generation)
        try:
            stored = fragments.fragment_cache().get_many(list(keys.values()))
        except Exception:  # noqa: BLE001 - a cache down renders the cards
            stored = {}
    missing = []
    for item in items:
        found = stored.get(keys.get(item.pk))
        if found is not None and found[0] == stamps[item.pk]:
            item.card_html = mark_safe(found[1])  # noqa: S308 - rendered by us
        else:
            missing.append(item)
    if not missing:
        return items
    library.add_values(missing)
    library.load_pages(missing)
    url = page_urls(library, request, library_url)
    for item in missing:
        for listed in (item, item.parent):
            if listed is not None and listed.page is not None:
                listed.url = url(listed.page.url_path)
    fresh = {}
    for item in missing:
        item.card_html = template.render(Context({"item": item, "request": request}))
        if item.pk in keys and item.page is not None:
            fresh[keys[item.pk]] = (stamps[item.pk], str(item.card_html))
    if fresh:
        try:
            fragments.fragment_cache().set_many(fresh, fragments.fragment_seconds())
        except Exception:  # noqa: BLE001
            pass
    return items
