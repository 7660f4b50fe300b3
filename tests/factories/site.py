"""Small bilingual site trees, built through Wagtail's own APIs.

Pages are added with `add_child` and published through a revision, as an editor would;
French copies come from `copy_for_translation`, as wagtail-localize makes them, so they
share the English page's `translation_key`. wagtail-factories is not used: it would
save the pages but neither publish a revision nor translate them, which is all that
these helpers do.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from hub.events.models import EventIndexPage, EventPage
from hub.pages.models import (
    HomePage,
    Organisation,
    Programme,
    Region,
    StandardPage,
    Theme,
)
from hub.practices import models as practices

# The pages of `build_site`, by name, in each language.
SITE_PAGES = [
    "home",
    "library",
    "guides",
    "reports",
    "events",
    "about",
    "case_study",
    "action",
    "report",
    "guide",
    "event",
]


def make_locales():
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    return {"en": en, "fr": fr}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def translate(page, locale, **fields):
    """The page's translation in `locale`, created like wagtail-localize's copy."""
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


def make_term(model, slug, en_name, fr_name, **extra):
    """A taxonomy term in English and its French translation: (english, french)."""
    locales = make_locales()
    term = model.objects.create(locale=locales["en"], slug=slug, name=en_name, **extra)
    french = term.copy_for_translation(locales["fr"])
    french.name = fr_name
    french.save()
    return term, french


def figure(label, value, unit="", target=None, year=None, source="", measure=""):
    """One item of a key-figures stream field; numbers become the block's Decimals.
    `measure` is what it counts (hub.pages.blocks.Measure), e.g. "participants"."""
    numbers = {
        name: None if number is None else Decimal(str(number))
        for name, number in (("value", value), ("target", target))
    }
    fields = {
        "label": label,
        "measure": measure,
        "unit": unit,
        "year": year,
        "source": source,
    }
    return ("key_figure", {**fields, **numbers})


def key_figures(count):
    return [
        figure(f"Figure {n}", n * 10, "%", n * 20, 2020, "Test source")
        for n in range(1, count + 1)
    ]


def build_home():
    """A new home page in English and French, root of the default site.

    Other top-level pages (Wagtail's welcome page) are deleted first."""
    locales = make_locales()
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).delete()
    home = add_page(root, HomePage(title="Hub", slug="home", summary="The hub"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return {"en": home, "fr": translate(home, locales["fr"], title="Pôle")}


def point_default_site_at(url):
    """Give the default site the port of `url` (a live server), so that the full
    URLs the hub writes, in e-mails for instance, lead to that server."""
    port = int(url.rsplit(":", 1)[1])
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", port
    site.save()  # through the model, so Wagtail's site caches and the hub's drop it


def build_site(related=3, extra_children=0):
    """Home, sections and one page of each type in English, all translated to French.

    `related` organisations and key figures hang on the pages, and `extra_children`
    more pages go under each section: the query budgets compare 3 with 30."""
    locales = make_locales()
    homes = build_home()
    home = homes["en"]

    theme, fr_theme = make_term(Theme, "employment", "Employment", "Emploi")
    region, fr_region = make_term(
        Region, "bretagne", "Brittany", "Bretagne", country="FR"
    )
    programme, _ = make_term(Programme, "interreg-va", "Interreg V A", "Interreg V A")
    organisations = [
        make_term(
            Organisation,
            f"org-{n}",
            f"Organisation {n}",
            f"Organisme {n}",
            kind="social_landlord",
            country="FR",
        )[0]
        for n in range(related)
    ]

    library = add_page(
        home, practices.LibraryIndexPage(title="Library", slug="library")
    )
    guides = add_page(
        home, practices.GuideIndexPage(title="Good practices", slug="good-practices")
    )
    reports = add_page(
        home, practices.ReportIndexPage(title="Evaluations", slug="evaluations")
    )
    events = add_page(home, EventIndexPage(title="Events", slug="events"))
    about = add_page(
        home, StandardPage(title="About", slug="about", show_in_menus=True)
    )

    case_study = practices.CaseStudyPage(
        title="Case study",
        slug="case-study",
        summary="A funded project",
        programme=programme,
        total_budget=Decimal("10000000"),
        total_budget_source="Project page",
        key_figures=key_figures(related),
        context="<p>Context</p>",
    )
    for organisation in organisations:
        case_study.partners.add(
            case_study.partners.model(organisation=organisation, role="partner")
        )
    case_study = add_page(library, case_study)
    case_study.themes.set([theme])
    case_study.regions.set([region])
    publish(case_study)

    action = practices.ActionPage(
        title="Action",
        slug="action",
        action_kind="training",
        outcomes=key_figures(related),
    )
    for organisation in organisations:
        action.delivering_partners.add(
            action.delivering_partners.model(organisation=organisation)
        )
    action = add_page(case_study, action)

    report = add_page(
        reports,
        practices.EvaluationReportPage(
            title="Report",
            slug="report",
            evaluation_kind="academic",
            indicators=key_figures(related),
            publication_date=datetime.date(2022, 1, 1),
        ),
    )
    report.evaluated_case_studies.set([case_study])
    publish(report)
    guide = add_page(
        guides,
        practices.GoodPracticeGuidePage(
            title="Guide", slug="guide", evidence_figures=key_figures(related)
        ),
    )
    guide.related_case_studies.set([case_study])
    publish(guide)
    start = timezone.now() + datetime.timedelta(days=30)
    event = add_page(
        events,
        EventPage(
            title="Event",
            slug="event",
            start=start,
            end=start + datetime.timedelta(hours=7),
            time_zone="Europe/London",
            country="GB",
            capacity=10,
        ),
    )
    event.organisers.set(organisations)
    publish(event)

    for n in range(extra_children):
        past = start - datetime.timedelta(days=400 + n)
        for parent, page in (
            (library, practices.CaseStudyPage(title=f"Case study {n}", slug=f"cs-{n}")),
            (
                guides,
                practices.GoodPracticeGuidePage(title=f"Guide {n}", slug=f"guide-{n}"),
            ),
            (
                reports,
                practices.EvaluationReportPage(
                    title=f"Report {n}", slug=f"report-{n}", evaluation_kind="academic"
                ),
            ),
            (
                events,
                EventPage(
                    title=f"Event {n}",
                    slug=f"event-{n}",
                    start=past,
                    end=past + datetime.timedelta(hours=3),
                    country="FR",
                ),
            ),
            (
                case_study,
                practices.ActionPage(
                    title=f"Action {n}", slug=f"action-{n}", action_kind="coaching"
                ),
            ),
        ):
            add_page(parent, page)

    english = {
        "home": home,
        "library": library,
        "guides": guides,
        "reports": reports,
        "events": events,
        "about": about,
        "case_study": case_study,
        "action": action,
        "report": report,
        "guide": guide,
        "event": event,
    }
    french = {"home": homes["fr"]}
    for name, page in english.items():
        if name != "home":
            french[name] = translate(page, locales["fr"], title=f"{page.title} (FR)")
    return {
        "en": english,
        "fr": french,
        "theme": theme,
        "fr_theme": fr_theme,
        "region": region,
        "fr_region": fr_region,
        "organisations": organisations,
    }
