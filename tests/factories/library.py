"""A small library with known filters, figures and evidence, in English and French.

Three case studies and two actions replace the test site's own case study:

- Alpha, case study, 2015-2019: entrepreneurship; Brittany; Interreg V A
- Bravo, case study, 2018-2021: entrepreneurship, employment; Normandy, South East
  England
- Étoile, case study, 2008-2012: housing; Brittany
- Action one, training action of Alpha, 2016-2017: entrepreneurship; Brittany
- Zeta coaching, coaching action of Bravo, 2019: employment; South East England

Alpha has a "proven" report, Bravo a "promising" guide, Zeta coaching an "emergent"
guide. French copies keep pointing at the English terms, as wagtail-localize leaves
them.
"""

import datetime
from decimal import Decimal

from hub.pages.models import Programme, Region, TargetGroup, Theme
from hub.practices.models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
)

from .site import add_page, build_site, figure, make_locales, make_term, publish
from .site import translate as translate_page


def _tag(page, themes=(), regions=(), groups=()):
    page.themes.set(themes)
    page.regions.set(regions)
    page.target_groups.set(groups)
    return publish(page)


def build_library(extra=0):
    """The test site with the library above (plus `extra` case studies in Brittany
    about entrepreneurship, each with an action, for query budgets)."""
    tree = build_site()
    locales = make_locales()
    for language in ("fr", "en"):
        tree[language]["case_study"].delete()
    library = tree["en"]["library"]
    employment = tree["theme"]
    bretagne = tree["region"]
    entrepreneurship, _ = make_term(
        Theme, "entrepreneurship", "Entrepreneurship", "Entrepreneuriat"
    )
    housing, _ = make_term(Theme, "housing", "Housing", "Logement")
    normandie, _ = make_term(Region, "normandie", "Normandy", "Normandie", country="FR")
    south_east, _ = make_term(
        Region,
        "south-east-england",
        "South East England",
        "Sud-Est de l'Angleterre",
        country="GB",
    )
    residents, _ = make_term(
        TargetGroup, "residents", "Social-housing residents", "Locataires"
    )
    programme = Programme.objects.get(slug="interreg-va", locale=locales["en"])

    date = datetime.date
    # Parent, page, then its themes, regions and target groups; parents come first.
    plan = {
        "alpha": (
            "library",
            CaseStudyPage(
                title="Alpha",
                slug="alpha",
                start_date=date(2015, 1, 1),
                end_date=date(2019, 12, 31),
                summary="Résumé: création d'entreprise",
                programme=programme,
                total_budget=Decimal("5000000"),
                total_budget_source="Programme sheet",
                key_figures=[
                    figure(
                        "Participants",
                        100,
                        "participants",
                        120,
                        2019,
                        "Sheet",
                        "participants",
                    )
                ],
            ),
            [entrepreneurship],
            [bretagne],
            [residents],
        ),
        "bravo": (
            "library",
            CaseStudyPage(
                title="Bravo",
                slug="bravo",
                start_date=date(2018, 1, 1),
                end_date=date(2021, 6, 30),
                summary='=HYPERLINK("http://evil.example")',
                total_budget=Decimal("10000000"),
                total_budget_source="Partner page",
                erdf_contribution=Decimal("6900000"),
                key_figures=[
                    figure(
                        "Participants",
                        300,
                        "participants",
                        250,
                        2021,
                        "Report",
                        "participants",
                    ),
                    figure(
                        "Total budget (other source)",
                        13000000,
                        "EUR",
                        None,
                        2022,
                        "Audit",
                        "total_budget",
                    ),
                ],
            ),
            [entrepreneurship, employment],
            [normandie, south_east],
            [],
        ),
        "etoile": (
            "library",
            CaseStudyPage(
                title="Étoile",
                slug="etoile",
                start_date=date(2008, 1, 1),
                end_date=date(2012, 12, 31),
                summary="-2+3",
            ),
            [housing],
            [bretagne],
            [],
        ),
        "action_one": (
            "alpha",
            ActionPage(
                title="Action one",
                slug="action-one",
                action_kind="training",
                start_date=date(2016, 1, 1),
                end_date=date(2017, 1, 1),
                outcomes=[figure("Participants trained", 40, "participants")],
            ),
            [entrepreneurship],
            [bretagne],
            [],
        ),
        "zeta": (
            "bravo",
            ActionPage(
                title="Zeta coaching",
                slug="zeta-coaching",
                action_kind="coaching",
                start_date=date(2019, 1, 1),
                end_date=date(2019, 12, 31),
            ),
            [employment],
            [south_east],
            [],
        ),
    }
    english = {}
    for name, (parent, page, themes, regions, groups) in plan.items():
        parent_page = library if parent == "library" else english[parent]
        english[name] = _tag(add_page(parent_page, page), themes, regions, groups)
    alpha, bravo, zeta = english["alpha"], english["bravo"], english["zeta"]

    report = EvaluationReportPage.objects.get(pk=tree["en"]["report"].pk)
    report.evidence_level = "proven"
    report.evaluated_case_studies.set([alpha])
    publish(report)
    guide = GoodPracticeGuidePage.objects.get(pk=tree["en"]["guide"].pk)
    guide.evidence_level = "promising"
    guide.related_case_studies.set([bravo])
    publish(guide)
    emergent = add_page(
        tree["en"]["guides"],
        GoodPracticeGuidePage(title="Small guide", slug="small-guide"),
    )
    emergent.related_actions.set([zeta])
    publish(emergent)

    for n in range(extra):
        page = CaseStudyPage(
            title=f"Extra {n}",
            slug=f"extra-{n}",
            start_date=date(2016, 1, 1),
            end_date=date(2017, 1, 1),
            key_figures=[
                figure("Participants", n, "participants", measure="participants")
            ],
        )
        page = _tag(
            add_page(library, page), [entrepreneurship], [bretagne], [residents]
        )
        _tag(
            add_page(
                page,
                ActionPage(title=f"Extra action {n}", slug="a", action_kind="coaching"),
            ),
            [entrepreneurship],
            [bretagne],
        )

    french = {}
    for name, (parent, *_rest) in plan.items():
        french[name] = translate_page(
            english[name], locales["fr"], title=f"{english[name].title} (FR)"
        )
        if parent != "library":  # an action lands under its case study's copy
            assert french[name].get_parent().pk == french[parent].pk
    return {"tree": tree, "en": english, "fr": french, "library": library}
