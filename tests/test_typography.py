"""French and British typography on everything a reader meets, in both languages.

The demo content is loaded once; every page of the sitemap is rendered in French and
in English, with the search and library pages, a registration form, its done page and
its private page, the e-mails that registration sends, every feed and the calendars.
The text a reader sees (scripts, styles, code and parts marked in another language
left out) is checked:

- French: an ordinary space, or none, before ; ! ? : and inside « »; "1 février" for
  "1er février"; an hh:mm time ("9 h 30" is French); a zone identifier or abbreviation
  (Europe/Paris, CET, BST...) where « heure de Paris » is meant; "41 %" or "4 500" with
  an ordinary space (they break across lines).
- English: "Jan. 4", "a.m.", "January 4, 2027", "41 %", and a zone identifier.

The failure lists every fault with the document it is on; its first line is the count.
"""

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase

from hub.events import links, services
from hub.events.models import EventPage, Registration
from tests.factories import registration_data
from tests.snapshot import DEMO_CONTENT

SPACES = "\u00a0\u202f"  # the no-break space and the narrow no-break space
MONTHS_FR = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    "décembre"
)
MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December"
)
# Addresses and e-mail addresses in running text are not prose: their : ? ! stay.
NOT_PROSE = re.compile(r"\b(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\w+")
ZONES = re.compile(
    r"\b(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic)/[A-Z][A-Za-z_]+"
    r"|\b(?:CET|CEST|BST|GMT|UTC|WET|WEST)\b"
)

FRENCH_RULES = [
    ("ordinary space before ; ! ? :", re.compile(r"\S {1,}[;!?:](?=\s|$)")),
    (
        "no space before ; ! ? :",
        re.compile(r"[\w»)\]%](?<![\u00a0\u202f])[;!?:](?=[\s\u00a0\u202f]|$)"),
    ),
    ("no space or ordinary space after «", re.compile(r"«(?:[^\u00a0\u202f])")),
    ("no space or ordinary space before »", re.compile(r"(?:[^\u00a0\u202f])»")),
    ("« 1 » for « 1er » before a month", re.compile(rf"\b1[ {SPACES}](?:{MONTHS_FR})")),
    ("hh:mm time", re.compile(r"\b\d{1,2}:\d{2}\b")),
    ("zone identifier", ZONES),
    ("ordinary space before %", re.compile(r"\d %")),
    ("ordinary space between thousands", re.compile(r"\b\d{1,3} \d{3}\b")),
]
ENGLISH_RULES = [
    (
        "abbreviated month with a full stop",
        re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. \d"),
    ),
    ("a.m. / p.m.", re.compile(r"\b[ap]\.m\.")),
    ("American date", re.compile(rf"\b(?:{MONTHS_EN}) \d{{1,2}}, \d{{4}}")),
    ("space before %", re.compile(rf"\d[ {SPACES}]%")),
    ("zone identifier", ZONES),
]


def faults(text, language):
    """[(rule, excerpt)] of the typography faults in `text` (a reader's text)."""
    text = NOT_PROSE.sub(" ", re.sub(r"[ \t\r\n]+", " ", text))
    rules = FRENCH_RULES if language == "fr" else ENGLISH_RULES
    found = []
    for name, pattern in rules:
        for match in pattern.finditer(text):
            start, end = max(match.start() - 25, 0), min(match.end() + 25, len(text))
            found.append((name, text[start:end].strip()))
    return found


def html_text(markup, language):
    """The text of an HTML page or fragment as a reader meets it."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "code", "pre", "template", "svg"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"lang": True}):
        if tag.name != "html" and not tag["lang"].startswith(language):
            tag.decompose()
    return soup.get_text()


def feed_text(xml, language):
    """The titles and descriptions of a feed, whose HTML is escaped in the XML."""
    root = ET.fromstring(xml)
    texts = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in {"title", "description", "summary", "content", "subtitle"}:
            texts.append(html_text(html.unescape(element.text or ""), language))
    return "\n".join(texts)


def calendar_text(ics):
    """The human fields of an iCalendar file, unfolded and unescaped."""
    unfolded = re.sub(r"\r?\n[ \t]", "", ics)
    texts = []
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        if name.split(";")[0] in {"SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME"}:
            texts.append(re.sub(r"\\([,;\\])", r"\1", value).replace("\\n", "\n"))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    """{(language, name): text} of everything checked, built once on the demo site."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        DEMO_CONTENT.restore()
        docs = {}
        client = Client()
        sitemap = ET.fromstring(client.get("/sitemap.xml").content)
        paths = [
            re.sub(r"^https?://[^/]+", "", loc.text)
            for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        ]
        assert len(paths) >= 70
        extra = []
        for language in ("en", "fr"):
            extra += [
                f"/{language}/search/?q=emploi",
                f"/{language}/search/?q=housing",
            ]
            for kind in ("case-studies", "actions", "reports", "guides", "events"):
                extra.append(f"/{language}/feeds/{kind}/")
        for path in paths + extra:
            language = path.split("/")[1]
            response = client.get(path)
            assert response.status_code == 200, path
            if "xml" in response["Content-Type"]:
                docs[language, path] = feed_text(response.content, language)
            else:
                docs[language, path] = html_text(response.content, language)

        events = [
            page
            for page in EventPage.objects.live().select_related("locale")
            if page.registration_state == "open"
        ]
        for language in ("en", "fr"):
            event = next(e for e in events if e.locale.language_code == language)
            docs[language, event.url + "event.ics"] = calendar_text(
                client.get(event.url + "event.ics").content.decode()
            )
            docs[language, event.url + "register/"] = html_text(
                client.get(event.url + "register/").content, language
            )
            mail.outbox.clear()
            visitor = Client()
            # E-mails leave when the registration is committed (on_commit).
            with TestCase.captureOnCommitCallbacks(execute=True):
                response = visitor.post(
                    event.url + "register/",
                    registration_data(
                        email=f"typography-{language}@example.org",
                        preferred_language=language,
                    ),
                )
            assert response.status_code == 302, response.content[:2000]
            docs[language, event.url + "register/done/"] = html_text(
                visitor.get(response["Location"]).content, language
            )
            registration = Registration.objects.get(
                email=f"typography-{language}@example.org"
            )
            docs[language, event.url + "manage/<link>/"] = html_text(
                client.get(links.manage_url(registration, event)).content, language
            )
            with TestCase.captureOnCommitCallbacks(execute=True):
                services.cancel_registration(registration)
            assert len(mail.outbox) >= 2
            for number, message in enumerate(mail.outbox):
                parts = [message.subject, message.body]
                parts += [
                    html_text(content, language)
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ]
                docs[language, f"e-mail {number + 1}: {message.subject}"] = "\n".join(
                    parts
                )
        transaction.set_rollback(True)
    return docs


@pytest.mark.django_db
def test_every_page_e_mail_feed_and_calendar_in_both_languages(documents):
    report, per_rule = [], Counter()
    for (language, name), text in sorted(documents.items()):
        found = faults(text, language)
        per_rule.update(f"{language}: {rule}" for rule, _excerpt in found)
        report += [f"{name} [{rule}] …{excerpt}…" for rule, excerpt in found]
    pages = len({line.split(" [", 1)[0] for line in report})
    summary = "; ".join(f"{rule} {count}" for rule, count in per_rule.most_common())
    assert not report, (
        f"{len(report)} typography faults in {pages} of {len(documents)} documents "
        f"({summary}):\n" + "\n".join(report)
    )


@pytest.mark.parametrize(
    "text, language, rule",
    [
        ("Statut : terminé", "fr", "ordinary space before ; ! ? :"),
        ("Statut: terminé", "fr", "no space before ; ! ? :"),
        ("Vraiment ?", "fr", "ordinary space before ; ! ? :"),
        ("« 3h pour l'emploi »", "fr", "no space or ordinary space after «"),
        ("lundi 1 février 2027", "fr", "« 1 » for « 1er » before a month"),
        ("de 09:30 à 17:00", "fr", "hh:mm time"),
        ("(Europe/Paris)", "fr", "zone identifier"),
        ("heure du lieu, CET", "fr", "zone identifier"),
        ("41 % des participants", "fr", "ordinary space before %"),
        ("1 020 micro-entreprises", "fr", "ordinary space between thousands"),
        ("Jan. 4, 2027", "en", "abbreviated month with a full stop"),
        ("9:30 a.m.", "en", "a.m. / p.m."),
        ("January 4, 2027", "en", "American date"),
        ("41 % of them", "en", "space before %"),
    ],
)
def test_each_rule_finds_its_fault(text, language, rule):
    assert rule in {name for name, _excerpt in faults(text, language)}


@pytest.mark.parametrize(
    "text, language",
    [
        ("Statut\u00a0: terminé\u202f; vraiment\u202f? oui\u202f!", "fr"),
        ("«\u00a03h pour l'emploi\u00a0»", "fr"),
        ("lundi 1er février 2027, 9\u00a0h\u00a030 – 17\u00a0h (heure de Paris)", "fr"),
        ("41\u00a0% des 1\u202f020 micro-entreprises", "fr"),
        ("Voir https://example.org/a?b=c:d et alex@example.org", "fr"),
        ("Monday 4 January 2027, 9:30–17:00 (Paris time): 41% of €10 million", "en"),
    ],
)
def test_right_typography_is_no_fault(text, language):
    assert faults(text, language) == []


def test_french_typesetting_touches_prose_only():
    from hub.pages.typography import typeset_html, typeset_text

    markup = (
        '<p title="Statut : x">Statut : <b>terminé</b>; vraiment? « 3h » 41 % de '
        "1 020 &amp; le 1 février à 09:30</p><p><strong>Heure</strong>: voir "
        'https://a.fr/x?y=1:2</p><code>a : b</code><span lang="en">Note: 41 %</span>'
        '<a href="/a?b:c">Lien!</a>'
    )
    assert typeset_html(markup, "fr") == (
        '<p title="Statut : x">Statut\u00a0: <b>terminé</b>\u202f; vraiment\u202f? '
        "«\u00a03h\u00a0» 41\u202f% de 1\u202f020 &amp; le 1er février à "
        "9\u00a0h\u00a030</p><p><strong>Heure</strong>\u00a0: voir "
        'https://a.fr/x?y=1:2</p><code>a : b</code><span lang="en">Note: 41 %</span>'
        '<a href="/a?b:c">Lien\u202f!</a>'
    )
    assert typeset_html(markup, "fr") == typeset_html(typeset_html(markup, "fr"), "fr")
    assert typeset_text("41 % of 9:30 trains: ok", "en") == "41% of 9:30 trains: ok"


@pytest.mark.parametrize(
    "markup, expected",
    [
        (
            '<a href="/en/search/?q=%C3%A9t%C3%A9">41 % of <b>5</b> %</a>',
            '<a href="/en/search/?q=%C3%A9t%C3%A9">41% of <b>5</b>%</a>',
        ),
        # No space before a "%" (an address's percent-encoding, "100%"): the page is
        # left as it is, without walking its tags.
        ('<p>100% of <a href="?q=a%20b">them</a> : 9:30</p>', None),
        ("<p>No percentage at all: 4 500 people</p>", None),
    ],
)
def test_an_english_page_changes_only_where_a_space_precedes_a_percent(
    markup, expected
):
    from hub.pages.typography import typeset_html

    assert typeset_html(markup, "en") == (expected or markup)
