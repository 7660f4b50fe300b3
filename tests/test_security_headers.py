"""Headers and logins: the Content-Security-Policy (strict on the public site, looser
in Wagtail's admin), the Permissions-Policy, pages that need nothing inline, and the
login lockout of the admin and of login-restricted pages (django-axes)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from hub.pages.formatting import clock
from tests.factories.events import choose_privacy_notice

ADMIN_LOGIN = "/admin/login/"
PASSWORD = "a-long-passphrase"


def policy(response):
    """The Content-Security-Policy of `response` as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def public_urls(site_tree):
    choose_privacy_notice(site_tree["en"]["about"])  # the registration form shows
    urls = []
    for language in ("en", "fr"):
        pages = site_tree[language]
        urls += [
            pages["home"].url,
            pages["case_study"].url,
            pages["action"].url,
            pages["report"].url,
            pages["guide"].url,
            pages["event"].url,
            pages["event"].url + "register/",
            pages["library"].url,
            pages["about"].url,
            f"/{language}/search/?q=case",
            f"/{language}/no-such-page/",
        ]
    return urls


@pytest.fixture
def machine_urls(site_tree):
    return [
        "/api/v2/pages/",
        f"/api/v2/pages/{site_tree['en']['case_study'].pk}/",
        "/en/feeds/case-studies/",
        "/fr/feeds/events/atom/",
        "/sitemap.xml",
        site_tree["en"]["event"].url + "event.ics",
    ]


def assert_strict(response):
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert "unsafe" not in response.headers["Content-Security-Policy"]


def assert_permissions_policy(response):
    features = dict(
        item.strip().split("=")
        for item in response.headers["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_public_pages_have_the_strict_policy_and_nothing_inline(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert_strict(response)
        assert_permissions_policy(response)
        soup = BeautifulSoup(response.content, "html.parser")
        for script in soup.find_all("script"):
            # JSON-LD is data, not run: CSP lets it be.
            assert script.get("src") or script.get("type") == "application/ld+json", (
                url,
                str(script)[:200],
            )
        for element in soup.find_all(True):
            assert "style" not in element.attrs, (url, str(element)[:200])
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, (url, str(element)[:200])
        assert not soup.find_all("style"), url


def test_api_feeds_sitemap_and_calendars_have_the_headers_too(client, machine_urls):
    for url in machine_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)
        assert_permissions_policy(response)


def test_admin_has_its_own_policy(client, django_user_model, site_tree):
    login = client.get(ADMIN_LOGIN)
    assert login.status_code == 200
    user = django_user_model.objects.create_superuser("admin", "a@x.org", PASSWORD)
    client.force_login(user)
    for url in ("/admin/", f"/admin/pages/{site_tree['en']['home'].pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert "'unsafe-inline'" in directives["script-src"]
        assert directives["frame-ancestors"] == ["'self'"]  # the preview panel
        assert directives["object-src"] == ["'none'"]
        assert_permissions_policy(response)
    assert policy(login)["frame-ancestors"] == ["'self'"]


# Logins ---------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("sec_admin", "s@x.org", PASSWORD)


def post_login(client, url, password, username="sec_admin", **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def front_login(language):
    return f"/{language}/_util/login/"


@pytest.mark.parametrize(
    "url", [ADMIN_LOGIN, front_login("en")], ids=["admin", "front-end"]
)
def test_five_wrong_passwords_lock_the_username_from_that_address(
    client, editor, site_tree, url
):
    codes = [post_login(client, url, f"wrong-{n}").status_code for n in range(5)]
    assert codes[:4] == [200] * 4  # the form again, with its error
    assert codes[4] == 429
    locked = post_login(client, url, PASSWORD)  # even the right password
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b"Too many failed logins" in locked.content
    assert b"15 minutes" in locked.content
    assert b"sec_admin" not in locked.content  # names neither account nor address
    assert b"127.0.0.1" not in locked.content
    if url != ADMIN_LOGIN:
        assert_strict(locked)

    # Another account from the same address, or the same account from another
    # address, may still log in.
    other = post_login(client, url, "wrong", username="someone-else")
    assert other.status_code == 200
    elsewhere = post_login(client, url, PASSWORD, REMOTE_ADDR="192.0.2.7")
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_page_speaks_french(client, editor, site_tree):
    for n in range(5):
        post_login(client, front_login("fr"), f"wrong-{n}")
    page = post_login(client, front_login("fr"), PASSWORD)
    assert page.status_code == 429
    text = page.content.decode()
    assert "Trop de tentatives de connexion" in text
    assert "15\u00a0minutes" in text or "15 minutes" in text
    admin = post_login(client, ADMIN_LOGIN, PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert admin.status_code == 429
    assert "Trop de tentatives de connexion" in admin.content.decode()


def test_a_success_resets_the_count(client, editor, site_tree):
    for n in range(4):
        assert post_login(client, ADMIN_LOGIN, f"wrong-{n}").status_code == 200
    assert post_login(client, ADMIN_LOGIN, PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        assert post_login(client, ADMIN_LOGIN, f"again-{n}").status_code == 200
    assert post_login(client, ADMIN_LOGIN, PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, site_tree):
    for n in range(5):
        post_login(client, ADMIN_LOGIN, f"wrong-{n}")
    assert post_login(client, ADMIN_LOGIN, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=16)
    )
    assert post_login(client, ADMIN_LOGIN, PASSWORD).status_code == 302


def test_a_forged_forwarded_for_buys_no_new_attempts(client, editor, site_tree):
    """Without a trusted proxy (HUB_TRUSTED_PROXY_COUNT=0) the address is REMOTE_ADDR,
    as for the registration rate limit: X-Forwarded-For is not believed."""
    codes = [
        post_login(
            client, ADMIN_LOGIN, f"wrong-{n}", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(8)
    ]
    assert codes == [200] * 4 + [429] * 4
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "127.0.0.1"
    }


def test_behind_a_trusted_proxy_the_client_address_counts(
    client, editor, site_tree, settings
):
    settings.HUB_TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        post_login(
            client, ADMIN_LOGIN, f"wrong-{n}", HTTP_X_FORWARDED_FOR="203.0.113.9"
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    other_client = post_login(
        client, ADMIN_LOGIN, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )
    assert other_client.status_code == 302


# One journey in headless Chromium with the policies enforced ------------------------

CSP_WORDS = ("Content Security Policy", "Content-Security-Policy")
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def live_site(live_server, locales):
    from django.core.cache import cache

    from tests.factories import build_site, point_default_site_at

    cache.clear()
    tree = build_site()
    choose_privacy_notice(tree["en"]["about"])
    point_default_site_at(live_server.url)
    return tree


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_and_admin_run_under_the_policy(
    live_server, live_site, django_user_model, chromium
):
    django_user_model.objects.create_superuser("admin", "a@x.org", PASSWORD)
    # A phone, in a time zone other than the event's (Europe/London).
    context = chromium.new_context(
        viewport={"width": 390, "height": 800}, timezone_id="Asia/Tokyo"
    )
    context.add_init_script(RECORD_VIOLATIONS)
    console = []
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("console", lambda message: console.append(message.text))
    violations = []

    def visit(path):
        response = tab.goto(live_server.url + path)
        assert response.status < 400, path
        tab.wait_for_load_state("load")
        violations.extend(
            f"{path}: {item}" for item in tab.evaluate("window.__cspViolations")
        )
        return response

    for language in ("en", "fr"):
        pages = live_site[language]
        response = visit(pages["home"].url)
        # Directive order varies (django-csp builds the header from a set).
        directives = {
            name: sources
            for name, *sources in (
                part.split()
                for part in response.headers["content-security-policy"].split(";")
            )
        }
        assert directives["script-src"] == ["'self'"]
        # The phone menu folds and unfolds (hub.js runs).
        toggle = tab.locator(".site-nav__toggle")
        assert toggle.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"

        visit(pages["case_study"].url)
        # JSON-LD is data: it stays in the page and parses.
        ld = tab.locator('script[type="application/ld+json"]').first.text_content()
        assert '"@context"' in ld
        # Bars are sized by classes, not style attributes: 10 of a target of 20.
        meter, track = tab.locator(".meter__bar").first, tab.locator(".meter").first
        width = meter.evaluate("bar => bar.getBoundingClientRect().width")
        full = track.evaluate("bar => bar.getBoundingClientRect().width")
        assert abs(width / full - 0.5) < 0.05

        visit(pages["event"].url)
        local_time = tab.locator("[data-local-time]").first
        local_time.wait_for(state="visible")
        # The reader's time (Tokyo), written as the page writes times: 9:30 and
        # 17:00 in English, 9 h 30 and 17 h in French, never "09:30 AM".
        event = pages["event"].specific
        tokyo = event.start.astimezone(ZoneInfo("Asia/Tokyo"))
        with translation.override(language):
            expected = clock(tokyo)
        text = local_time.text_content()
        assert expected in text, (expected, text)
        assert "AM" not in text and "PM" not in text

        visit(pages["event"].url + "register/")
        assert tab.locator("form.registration-form").count() == 1

    # The admin, under its own policy.
    visit("/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("button[type=submit]").click()
    tab.wait_for_url("**/admin/")
    case_study = live_site["en"]["case_study"]
    for path in (
        f"/admin/pages/{live_site['en']['home'].pk}/",
        "/admin/registration/",
        "/admin/images/",
        f"/admin/pages/{case_study.pk}/edit/",
    ):
        visit(path)
    # The editor's scripts run: the page's title is in the form they drive.
    title = tab.locator("#id_title")
    title.wait_for()
    assert title.input_value() == case_study.title
    tab.wait_for_timeout(500)  # let the editor's late scripts and styles load
    violations.extend(tab.evaluate("window.__cspViolations"))

    # A public page for a logged-in editor: Wagtail's user bar under the strict policy.
    visit(live_site["en"]["case_study"].url)
    tab.locator("wagtail-userbar").wait_for(state="attached")
    tab.wait_for_timeout(500)
    violations.extend(tab.evaluate("window.__cspViolations"))

    csp_console = [text for text in console if any(w in text for w in CSP_WORDS)]
    assert violations == [], violations
    assert csp_console == [], csp_console
    context.close()
