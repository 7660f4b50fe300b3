"""The address the hub is reached at, from the environment (PUBLIC_URL).

Every absolute link the hub hands out (the manage link in e-mails, the sitemap, the
API's html_url, calendar files, exports, feeds) is built by Wagtail from the default
Site's hostname and port. PUBLIC_URL sets them: `make run` gives
http://127.0.0.1:8000, compose the public https address. It is applied after each
`migrate` (compose's migrate service runs it before web starts) and by the demo
builder; without PUBLIC_URL the Site is left as the admin set it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def public_address(url=None):
    """(hostname, port) of `url` (default: settings.PUBLIC_URL), or None if unset."""
    url = settings.PUBLIC_URL if url is None else url
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"PUBLIC_URL must look like https://hub.example.org, not {url!r}."
        )
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "http" and port == 443:
        raise ImproperlyConfigured("PUBLIC_URL: port 443 is read as https by Wagtail.")
    return parts.hostname, port


def apply_public_url(site, url=None):
    """Give `site` the hostname and port of PUBLIC_URL; True if it changed."""
    address = public_address(url)
    if address is None or (site.hostname, site.port) == address:
        return False
    site.hostname, site.port = address
    site.save(update_fields=["hostname", "port"])
    return True


def apply_to_default_site(**kwargs):
    """post_migrate: the default site follows PUBLIC_URL."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        apply_public_url(site)
