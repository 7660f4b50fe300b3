import logging

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answer /healthz/ first, so a container probe on 127.0.0.1 passes whatever
    ALLOWED_HOSTS says and without a redirect to HTTPS."""

    path = "/healthz/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == self.path:
            from wagtail.models import Site

            Site.objects.exists()  # the database answers too
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Deny every response the browser features the hub never uses
    (settings.HUB_PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        from django.conf import settings

        self.policy = settings.HUB_PERMISSIONS_POLICY
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy (HUB_ADMIN_CSP_DIRECTIVES)
    under HUB_ADMIN_CSP_PREFIXES and the strict public one everywhere else."""

    def get_policy_parts(self, request, response, report_only=False):
        from django.conf import settings

        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.HUB_ADMIN_CSP_PREFIXES)
        ):
            parts.config = default_config(settings.HUB_ADMIN_CSP_DIRECTIVES)
        return parts


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login from a locked-out username and address: a page
    in the visitor's language saying when to try again (429)."""
    from django.conf import settings
    from django.shortcuts import render

    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "login_locked_out.html", {"minutes": minutes}, status=429)


def login_client_address(request):
    """The client address django-axes counts failed logins by: the one the
    registration rate limit sees (REMOTE_ADDR, or behind HUB_TRUSTED_PROXY_COUNT
    proxies what they recorded), or None when that is not an IP address (a request
    built in a test, a malformed header), since axes stores it in an address column."""
    import ipaddress

    from hub.events.ratelimit import client_address

    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


logger = logging.getLogger(__name__)

PRIVATE_CACHE_CONTROL = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    """The shared page cache: anonymous GETs of the public site (under a language
    prefix, so the cache varies on language by the path, and on the query string by
    the full path) are answered from the cache that every worker shares.

    Never stored or served: a request with a session or messages cookie (editors,
    logged-in readers, a password-unlocked page, pending messages) or credentials;
    a response that sets a cookie (a CSRF token in a form, a session, messages),
    that used a CSRF token, that is not a 200, that says private / no-cache /
    no-store (the registrant's secret pages), a preview, or a page the public may not
    see (hub.pages.visibility). Placed after WhiteNoise (static files never reach it)
    and before the session: a hit costs one round trip to the cache; the headers of
    the outer middleware (security, CSP, Permissions-Policy) are added to every answer.
    Invalidation: hub/site/cache_invalidation.py. Off with HUB_PAGE_CACHE_SECONDS=0.
    """

    def __init__(self, get_response):
        from django.conf import settings
        from django.core.cache import caches

        self.get_response = get_response
        self.seconds = settings.HUB_PAGE_CACHE_SECONDS
        self.cache = caches[settings.HUB_PAGE_CACHE]
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.private_cookies = (
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        )

    def cacheable_request(self, request):
        return (
            self.seconds > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and "HTTP_AUTHORIZATION" not in request.META
            and not any(name in request.COOKIES for name in self.private_cookies)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        from hub.cache import GENERATION_KEY, page_generation, page_key

        key = page_key(request.get_host(), request.get_full_path())
        try:
            found = self.cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or page_generation(self.cache)
        except Exception:  # noqa: BLE001 - a cache down serves pages uncached
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored["generation"] == generation:
            response = self.stored_response(stored, "hit")
            if request.method == "HEAD":
                response.content = b""
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            stored = {
                # The generation read before rendering: a change during the render
                # leaves this page stored under an old one, never served.
                "generation": generation,
                "content": response.content,
                "headers": list(response.items()),
            }
            self.cache.set(key, stored, self.seconds)
            return self.stored_response(stored, "miss")
        return response

    def stored_response(self, stored, state):
        from django.http import HttpResponse

        response = HttpResponse(stored["content"])
        for name, value in stored["headers"]:
            response[name] = value
        response["X-Hub-Cache"] = state
        # Browsers ask again each time; a shared proxy keeps the page until purged
        # (wagtail.contrib.frontend_cache) or for the cache's lifetime.
        response["Cache-Control"] = f"max-age=0, s-maxage={self.seconds}"
        return response

    def storable(self, request, response):
        from django.utils.cache import get_max_age

        cache_control = response.get("Cache-Control", "").lower()
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or request.META.get("CSRF_COOKIE_USED")
            or any(
                word in cache_control for word in ("private", "no-cache", "no-store")
            )
            or get_max_age(response) == 0
            or getattr(request, "is_preview", False)
        ):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        page = getattr(request, "hub_served_page", None)
        if page is not None:
            from hub.pages.visibility import is_public

            return is_public(page)
        return True
