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


def _dated(model, parent, title, slug, start, end, **fields):
    """A case study or an action running from `start` to `end` (date tuples)."""
    page = model(
        title=title,
        slug=slug,
        start_date=datetime.date(*start),
        end_date=datetime.date(*end),
        **fields,
    )
    return add_page(parent, page)


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

    alpha = _dated(
        CaseStudyPage,
        library,
        "Alpha",
        "alpha",
        (2015, 1, 1),
        (2019, 12, 31),
        summary="Résumé: création d'entreprise",
        programme=programme,
        total_budget=Decimal("5000000"),
        total_budget_source="Programme sheet",
        key_figures=[figure("Participants", 100, "participants", 120, 2019, "Sheet")],
    )
    _tag(alpha, [entrepreneurship], [bretagne], [residents])
    bravo = _dated(
        CaseStudyPage,
        library,
        "Bravo",
        "bravo",
        (2018, 1, 1),
        (2021, 6, 30),
        summary='=HYPERLINK("http://evil.example")',
        total_budget=Decimal("10000000"),
        total_budget_source="Partner page",
        erdf_contribution=Decimal("6900000"),
        key_figures=[
            figure("Participants", 300, "participants", 250, 2021, "Report"),
            figure("Total budget (other source)", 13000000, "EUR", None, 2022, "Audit"),
        ],
    )
    _tag(bravo, [entrepreneurship, employment], [normandie, south_east])
    etoile = _dated(
        CaseStudyPage,
        library,
        "Étoile",
        "etoile",
        (2008, 1, 1),
        (2012, 12, 31),
        summary="-2+3",
    )
    _tag(etoile, [housing], [bretagne])
    action_one = _dated(
        ActionPage,
        alpha,
        "Action one",
        "action-one",
        (2016, 1, 1),
        (2017, 1, 1),
        action_kind="training",
        outcomes=[figure("Participants trained", 40, "participants")],
    )
    _tag(action_one, [entrepreneurship], [bretagne])
    zeta = _dated(
        ActionPage,
        bravo,
        "Zeta coaching",
        "zeta-coaching",
        (2019, 1, 1),
        (2019, 12, 31),
        action_kind="coaching",
    )
    _tag(zeta, [employment], [south_east])

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
        page = _dated(
            CaseStudyPage,
            library,
            f"Extra {n}",
            f"extra-{n}",
            (2016, 1, 1),
            (2017, 1, 1),
            key_figures=[figure("Participants", n, "participants")],
        )
        _tag(page, [entrepreneurship], [bretagne], [residents])
        _tag(
            add_page(
                page,
                ActionPage(title=f"Extra action {n}", slug="a", action_kind="coaching"),
            ),
            [entrepreneurship],
            [bretagne],
        )

    english = {
        "alpha": alpha,
        "bravo": bravo,
        "etoile": etoile,
        "action_one": action_one,
        "zeta": zeta,
    }
    french = {}
    for name in ("alpha", "bravo", "etoile"):
        french[name] = translate_page(
            english[name], locales["fr"], title=f"{english[name].title} (FR)"
        )
    for name, parent in (("action_one", "alpha"), ("zeta", "bravo")):
        french[name] = translate_page(
            english[name], locales["fr"], title=f"{english[name].title} (FR)"
        )
        assert french[name].get_parent().pk == french[parent].pk
    return {"tree": tree, "en": english, "fr": french, "library": library}
