"""Parts of public pages that are the same for every reader, kept in the shared cache.

    {% load fragment_tags %}
    {% fragment "detail" %}...{% endfragment %}

stores what the enclosed template renders under a key made of the fragment's name, the
active language and the request's scheme, host and path, stamped with the page (its id
and the revision it was published from) and the hub's *page generation* (hub/cache.py),
then serves it from there while the stamp is the current one. Every change a page may
show draws a new generation
(hub/site/cache_invalidation.py: publish, unpublish, move, delete, view restrictions,
snippets such as taxonomy terms and glossary terms, images, documents, sites,
registrations), so from that moment no process reads a fragment stored before it. The
generation is read once per request, before the page is looked up
(FragmentGenerationMiddleware): a fragment rendered from data read before a change is
stamped with the old generation, which no one accepts any more. The middleware reads
the fragments the same path used last time in the same round trip.

The key also holds the version of the code that renders them (the templates, the
hub's Python and its catalogues, as found on disk when the process starts, and the
static files' manifest): a deploy never serves a fragment an older template rendered,
nor one naming a static file it no longer has.

Fragments are read and written only for an anonymous GET of a page the public may see,
never for a preview, a logged-in user (an editor sees the userbar and may see drafts),
or a page behind a view restriction, and only when the cache is shared by every
process (REDIS_URL; HUB_FRAGMENT_CACHE_SECONDS > 0): a per-process cache could not be
dropped by a change made in another process. What goes in a fragment must not depend
on the reader (no CSRF token, messages, user, query string) nor on the time of day.
"""

import functools
import hashlib
import logging
import os

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.utils import translation

from hub.cache import (
    GENERATION_KEY,
    generation_of_request,
    is_shared,
    page_generation,
)

logger = logging.getLogger(__name__)

_UNREAD = object()


def fragment_seconds():
    """How long a fragment is kept (0: fragments off)."""
    seconds = getattr(settings, "HUB_FRAGMENT_CACHE_SECONDS", 0)
    if seconds <= 0 or not is_shared(settings.CACHES[settings.HUB_PAGE_CACHE]):
        return 0
    return seconds


def fragment_cache():
    return caches[settings.HUB_PAGE_CACHE]


def may_use_fragments(request):
    """Whether this request may read and write fragments at all."""
    if request is None or request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def page_is_public(page):
    """Whether the page is live with no view restriction on it or above it; read from
    what hub.pages.serving found with the page when it can (no query)."""
    if not getattr(page, "live", False):
        return False
    known = getattr(page, "_hub_view_restriction_pages", None)
    if known is not None:
        return not known[1]
    from hub.pages.visibility import is_public

    return is_public(page)


@functools.cache
def code_version():
    """A digest of the name, size and time of every file that renders a fragment, and
    of the static files' manifest: a fragment holds their hashed names (the logo's),
    which a deploy that changes a file replaces, and whose old files it removes."""
    root = settings.BASE_DIR
    digest = hashlib.sha256()
    read_manifest = getattr(staticfiles_storage, "read_manifest", None)
    manifest = read_manifest() if read_manifest is not None else None
    digest.update((manifest or "").encode())
    for folder, suffixes in (
        ("templates", (".html", ".txt", ".xml")),
        ("hub", (".py", ".html")),
        ("locale", (".mo",)),
    ):
        for directory, subdirectories, files in os.walk(os.path.join(root, folder)):
            subdirectories.sort()
            for name in sorted(files):
                if name.endswith(suffixes):
                    path = os.path.join(directory, name)
                    stat = os.stat(path)
                    digest.update(
                        f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode()
                    )
    return digest.hexdigest()[:16]


def request_generation(request):
    """The page generation, read once per request (None: the cache is unavailable)."""
    generation = getattr(request, "_hub_fragment_generation", _UNREAD)
    if generation is _UNREAD:
        try:
            generation = page_generation(fragment_cache())
        except Exception:  # noqa: BLE001 - a cache down renders pages in full
            logger.warning("Fragment cache unavailable", exc_info=True)
            generation = None
        request._hub_fragment_generation = generation
    return generation


def fragment_key(name, request, vary=()):
    """The cache key of fragment `name` for this request's language, site and path (a
    routable page's sub-pages are pages of their own)."""
    parts = [
        name,
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        request.path,
        code_version(),
        *(str(value) for value in vary),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return f"fragments:{digest}"


def shared_fragment_key(name, request, template_name):
    """The cache key of fragment `name` for every page of this request's language and
    site rendered with the template `template_name`."""
    parts = [
        name,
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        template_name or "",
        code_version(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return f"fragments:shared:{digest}"


def fragment_stamp(page, generation):
    """What a stored fragment must have been rendered from to be served: the page
    generation of this request and the page as published (id, revision, time)."""
    published = page.last_published_at.isoformat() if page.last_published_at else ""
    return f"{generation}:{page.pk}:{page.live_revision_id}:{published}"


def stored_fragment(request, key):
    """(stamp, markup) stored under `key`, or None: read with the generation when the
    same path used it last time in this process (FragmentGenerationMiddleware)."""
    found = getattr(request, "_hub_fragments_found", None)
    if found is not None and key in found:
        return found[key]
    try:
        return fragment_cache().get(key)
    except Exception:  # noqa: BLE001 - a cache down renders pages in full
        return None


def store_fragment(request, key, stamp, markup):
    try:
        fragment_cache().set(key, (stamp, str(markup)), fragment_seconds())
    except Exception:  # noqa: BLE001
        logger.warning("Fragment cache unavailable", exc_info=True)


def note_fragment(request, key):
    """The request used fragment `key` (remembered for the next request of its path)."""
    used = getattr(request, "_hub_fragments_used", None)
    if used is None:
        used = request._hub_fragments_used = []
    used.append(key)


# The fragment keys that the last render of each (host, path) used, in this process:
# the next request of the path reads them with the generation, in one round trip.
_USED_BY_PATH = {}
_USED_BY_PATH_LIMIT = 5000


class FragmentGenerationMiddleware:
    """Reads the page generation before the view looks the page up, for the fragments
    the page will use (the page cache's own read is before it, in PageCacheMiddleware),
    together with the fragments the path used last time; the request's site-wide values
    are kept in the process for that generation (hub.cache.generation_kept). Only
    anonymous GETs of the public site, with fragments on."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        if not (
            fragment_seconds()
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            return self.get_response(request)
        try:
            path_key = (request.get_host(), request.path)
        except Exception:  # noqa: BLE001 - a disallowed host: Django answers it
            return self.get_response(request)
        known = _USED_BY_PATH.get(path_key, ())
        try:
            found = fragment_cache().get_many([GENERATION_KEY, *known])
            generation = found.get(GENERATION_KEY) or page_generation(fragment_cache())
        except Exception:  # noqa: BLE001 - a cache down renders pages in full
            logger.warning("Fragment cache unavailable", exc_info=True)
            generation, found = None, {}
        request._hub_fragment_generation = generation
        request._hub_fragments_found = {key: found.get(key) for key in known}
        with generation_of_request(generation):
            response = self.get_response(request)
        used = getattr(request, "_hub_fragments_used", None)
        if used and tuple(used) != known:
            if len(_USED_BY_PATH) >= _USED_BY_PATH_LIMIT:
                _USED_BY_PATH.clear()
            _USED_BY_PATH[path_key] = tuple(used)
        return response
