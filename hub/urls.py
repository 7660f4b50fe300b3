from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from hub.editorial.unpublish import UnpublishView
from hub.pages import serving
from hub.site import feeds
from hub.site.api import api_router
from hub.site.sitemap import sitemap

# The 500 page in the language of the URL (hub/site/errors.py); 404s render
# templates/404.html through Django's handler, in the language LocaleMiddleware set.
handler500 = "hub.site.errors.server_error"

# Wagtail's front-end URLs, with its serve view given the route found in two queries
# (hub/pages/serving.py); same name, same pattern, same hooks.
wagtail_patterns = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if getattr(pattern, "name", None) != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve")]

urlpatterns = [
    # Wagtail's unpublish view, with the choice to leave the translations published
    # (hub/editorial/unpublish.py); same URL, so Wagtail's links reach it.
    path(
        "admin/pages/<int:page_id>/unpublish/",
        require_admin_access(UnpublishView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("hub.glossary.urls")),
    path("feeds/<slug:kind>/", feeds.rss_feed, name="feed"),
    path("feeds/<slug:kind>/atom/", feeds.atom_feed, name="feed_atom"),
    # event.ics and calendar.ics: Wagtail's own pattern refuses dots in paths.
    path("", include("hub.events.urls")),
    path("", include(wagtail_patterns)),
    prefix_default_language=True,
)
