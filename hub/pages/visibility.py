"""The one rule that decides what the public sees.

A page is public when it is live and neither it nor an ancestor has a view restriction
(password, login or groups), as Wagtail's `PageQuerySet.public()` says. Every public
surface asks here: listings, cited and related pages, feeds, calendars, exports, the
library, search, suggestions, the sitemap and the API.

The rule is read from the database in the same query as the pages, never from a copy
kept in a process: a restriction saved by one worker holds on every worker at once.
Wagtail's own `.public()` runs a separate query per call and builds one condition per
restricted page; `public()` here is a correlated `NOT EXISTS` on the (small)
restriction table, so a listing pays nothing more than its own query.
"""

from django.db import connections, router
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def _restriction_above(path_field="path"):
    """Restrictions on the page whose path is `path_field` or on one of its ancestors
    (a treebeard path starts with each of its ancestors' paths)."""
    return PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
    )


def public(queryset):
    """The pages of `queryset` that the public may see, whatever else it filters."""
    return queryset.live().exclude(Exists(_restriction_above()))


def public_pages():
    return public(Page.objects.all())


def is_public(page):
    """One page: the same rule as `public()`, for a page already in hand."""
    if page is None or not page.live:
        return False
    return not PageViewRestriction.objects.filter(
        page__path__in=[page.path[:end] for end in range(4, len(page.path) + 1, 4)]
    ).exists()


_RESTRICTED_PATHS_SQL = {}  # database alias: (SQL, params), a constant statement


def restricted_paths():
    """The paths of the restricted pages, for a search engine that filters by path
    prefix: read at each call, like the rule itself. Only the statement is kept (per
    database), as every search reads them: building it cost half of its time, and
    the queryset it came from, built at each call only to name the database, was
    still 2.5% of a search's CPU in gunicorn under load (py-spy)."""
    using = router.db_for_read(PageViewRestriction)
    statement = _RESTRICTED_PATHS_SQL.get(using)
    if statement is None:
        queryset = (
            PageViewRestriction.objects.using(using)
            .values_list("page__path", flat=True)
            .distinct()
            .order_by("page__path")
        )
        statement = _RESTRICTED_PATHS_SQL[using] = queryset.query.sql_with_params()
    with connections[using].cursor() as cursor:
        cursor.execute(*statement)
        return [path for (path,) in cursor.fetchall()]


def public_by_path(queryset, paths=None):
    """The same rule as `public()`, written with plain field lookups (one path prefix
    per restriction) for the search backends, which refuse subqueries in the
    querysets they search. It reads the restrictions in one query of its own, unless
    given them (`paths`, from restricted_paths() in the same request)."""
    condition = Q()
    for path in restricted_paths() if paths is None else paths:
        condition |= Q(path__startswith=path)
    queryset = queryset.live()
    return queryset.exclude(condition) if condition else queryset
