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
