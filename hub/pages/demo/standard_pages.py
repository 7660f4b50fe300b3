"""Home page, section index pages and the about page."""

from hub.events.models import EventIndexPage
from hub.pages.models import HomePage, StandardPage
from hub.practices.models import GuideIndexPage, LibraryIndexPage, ReportIndexPage

from .legal_pages import ACCESSIBILITY, PRIVACY
from .text import PERCENT, SRC_SHEET, L, fig, html, ul

HOME = {
    "key": "home",
    "model": HomePage,
    "slug": L("home", "accueil"),
    "title": L(
        "Cross-border social innovation hub", "Hub transfrontalier d'innovation sociale"
    ),
    "featured": ["increase", "impact-valuess", "territoires-partages"],
    "fields": {
        "summary": L(
            "Case studies, field actions, evaluations, guides and events from "
            "cross-border and French social-innovation programmes that help people far "
            "from work, in English and in French.",
            "Études de cas, actions de terrain, évaluations, guides et événements "
            "issus de programmes d'innovation sociale transfrontaliers et français au "
            "service des personnes éloignées de l'emploi, en français et en anglais.",
        ),
        "intro": L(
            html(
                "European and national programmes have funded social landlords, "
                "employment bodies and <b>social and solidarity economy</b> networks "
                "on both sides of the Channel to try new ways of helping people into "
                "work. When the funding ends, what they learned tends to scatter "
                "across partner websites and reports in one language. This hub keeps "
                "it together: what was done, what it cost, what the evaluations found "
                "and whom to ask.",
                "Browse the case-study library, read the good-practice guides, compare "
                "evaluation evidence and register for the next exchange day.",
            ),
            html(
                "Des programmes européens et nationaux ont financé des bailleurs "
                "sociaux, des acteurs de l'emploi et des réseaux de <b>l'économie "
                "sociale et solidaire</b> des deux côtés de la Manche pour inventer de "
                "nouvelles façons d'accompagner vers l'emploi. Quand les financements "
                "s'arrêtent, les enseignements se dispersent entre sites de "
                "partenaires et rapports écrits dans une seule langue. Ce centre de "
                "ressources les rassemble : ce qui a été fait, ce que cela a coûté, ce "
                "que disent les évaluations et qui contacter.",
                "Parcourez la bibliothèque d'études de cas, lisez les guides de bonnes "
                "pratiques, comparez les résultats d'évaluation et inscrivez-vous à la "
                "prochaine journée d'échange.",
            ),
        ),
        "key_figures": [
            (
                "key_figure",
                fig(
                    L(
                        "Neighbourhoods reached by INCREASE",
                        "Quartiers touchés par INCREASE",
                    ),
                    38,
                    L("neighbourhoods", "quartiers"),
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Participants in INCREASE actions",
                        "Participants aux actions INCREASE",
                    ),
                    4500,
                    L("participants", "participants"),
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Micro-enterprises created", "Micro-entreprises créées"),
                    1020,
                    L("micro-enterprises", "micro-entreprises"),
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Positive outcomes", "Sorties positives"),
                    41,
                    PERCENT,
                    source=SRC_SHEET,
                ),
            ),
        ],
    },
}


def index(key, model, slug, title, summary, intro):
    return {
        "key": key,
        "model": model,
        "slug": slug,
        "title": title,
        "show_in_menus": True,
        "fields": {"summary": summary, "intro": intro},
    }


INDEXES = [
    index(
        "library",
        LibraryIndexPage,
        L("library", "bibliotheque"),
        L("Case-study library", "Bibliothèque d'études de cas"),
        L(
            "Funded projects told as evidence: partners, budgets with their sources, "
            "field actions, key figures and evaluations.",
            "Des projets financés racontés comme des preuves : partenaires, budgets et "
            "leurs sources, actions de terrain, chiffres clés et évaluations.",
        ),
        L(
            html(
                "Each case study describes one funded project from context to legacy, "
                "with its field actions underneath. Filter by theme, target group, "
                "region or programme, compare projects side by side, and export the "
                "figures to CSV or JSON."
            ),
            html(
                "Chaque étude de cas décrit un projet financé, du contexte à ce qu'il "
                "laisse derrière lui, avec ses actions de terrain. Filtrez par thème, "
                "public, région ou programme, comparez les projets et exportez les "
                "chiffres en CSV ou en JSON."
            ),
        ),
    ),
    index(
        "good-practices",
        GuideIndexPage,
        L("good-practices", "bonnes-pratiques"),
        L("Good-practice guides", "Guides de bonnes pratiques"),
        L(
            "Step-by-step guides drawn from the projects, with the resources they need "
            "and the evidence behind them.",
            "Des guides pas à pas tirés des projets, avec les moyens nécessaires et "
            "les preuves qui les fondent.",
        ),
        L(
            html(
                "The guides turn project experience into a method you can reuse: the "
                "problem, the steps, the resources, what went wrong and how far the "
                "approach travels. Each one states how strong its evidence is."
            ),
            html(
                "Les guides transforment l'expérience des projets en méthode "
                "réutilisable : le problème, les étapes, les moyens, les difficultés "
                "et les conditions de transfert. Chacun indique la solidité de ses "
                "preuves."
            ),
        ),
    ),
    index(
        "evaluations",
        ReportIndexPage,
        L("evaluations", "evaluations"),
        L("Evaluation reports", "Rapports d'évaluation"),
        L(
            "Academic evaluations, social-impact assessments and continuous "
            "evaluations of the projects, with their methods and findings.",
            "Évaluations académiques, études d'impact social et évaluations continues "
            "des projets, avec leurs méthodes et leurs résultats.",
        ),
        L(
            html(
                "Who evaluated what, how, and what they found. Every report is rated "
                "on the hub's evidence scale:",
                ul(
                    "<b>emergent</b>: monitoring data or practitioners' accounts;",
                    "<b>promising</b>: a structured or independent evaluation without "
                    "a comparison group;",
                    "<b>proven</b>: an independent evaluation with a comparison or "
                    "repeated measurement.",
                ),
            ),
            html(
                "Qui a évalué quoi, comment, et avec quels résultats. Chaque rapport "
                "est situé sur l'échelle de preuve du hub :",
                ul(
                    "<b>émergent</b> : données de suivi ou témoignages de praticiens ;",
                    "<b>prometteur</b> : évaluation structurée ou indépendante, sans "
                    "groupe de comparaison ;",
                    "<b>avéré</b> : évaluation indépendante avec comparaison ou "
                    "mesures répétées.",
                ),
            ),
        ),
    ),
    index(
        "events",
        EventIndexPage,
        L("events", "evenements"),
        L("Events", "Événements"),
        L(
            "Cross-border exchange days, study visits and workshops, past and "
            "upcoming. Registration is open online, with subsidised travel places.",
            "Journées d'échange transfrontalières, visites d'étude et ateliers, passés "
            "et à venir. Inscription en ligne, avec des places de voyage prises en "
            "charge.",
        ),
        L(
            html(
                "Times are shown in the venue's time zone: remember that France is one "
                "hour ahead of the United Kingdom. Each event page says which "
                "languages are spoken and whether interpretation is provided."
            ),
            html(
                "Les horaires sont donnés dans le fuseau horaire du lieu : la France a "
                "une heure d'avance sur le Royaume-Uni. Chaque page indique les "
                "langues utilisées et s'il y a une interprétation."
            ),
        ),
    ),
]

ABOUT = {
    "key": "about",
    "model": StandardPage,
    "slug": L("about", "a-propos"),
    "title": L("About the hub", "À propos du hub"),
    "show_in_menus": True,
    "fields": {
        "summary": L(
            "Why this hub exists, where its content comes from and how to contribute.",
            "Pourquoi ce centre de ressources existe, d'où vient son contenu et "
            "comment y contribuer.",
        ),
        "body": L(
            [
                ("heading", "Why a hub"),
                (
                    "paragraph",
                    html(
                        "Cross-border programmes such as Interreg France (Channel) "
                        "England, and national experiments such as the French <i>100 % "
                        "inclusion</i> call, fund projects that help social-housing "
                        "residents, young people without qualifications, people with "
                        "disabilities and single parents towards work. Each project "
                        "tries field actions, commissions evaluations and writes "
                        "guides. This hub keeps that knowledge in one place, in French "
                        "and in English, so that practitioners can find it after the "
                        "funding period ends."
                    ),
                ),
                ("heading", "Where the content comes from"),
                (
                    "paragraph",
                    html(
                        "Pages are written by the hub's editors from public documents "
                        "published by the projects, their partners and their funders. "
                        "Figures always carry their source; when two sources disagree, "
                        "both figures are shown with their source rather than one "
                        "being picked.",
                        "Content is written in one language and translated into the "
                        "other; when a translation is not available yet, the page says "
                        "so.",
                    ),
                ),
                ("heading", "Contribute"),
                (
                    "paragraph",
                    html(
                        "Programme officers of partner organisations can publish and "
                        "update their own case studies, actions and reports. Ask the "
                        "editorial team for an account, or point us to a public report "
                        "we should add."
                    ),
                ),
            ],
            [
                ("heading", "Pourquoi un centre de ressources"),
                (
                    "paragraph",
                    html(
                        "Des programmes transfrontaliers comme Interreg France "
                        "(Manche) Angleterre et des expérimentations nationales comme "
                        "l'appel <i>100 % inclusion</i> financent des projets qui "
                        "accompagnent vers l'emploi les locataires du logement social, "
                        "les jeunes sans qualification, les personnes en situation de "
                        "handicap et les familles monoparentales. Chaque projet teste "
                        "des actions, commande des évaluations et rédige des guides. "
                        "Ce hub rassemble ces savoirs, en français et en anglais, pour "
                        "que les praticiens les retrouvent une fois les financements "
                        "terminés."
                    ),
                ),
                ("heading", "D'où vient le contenu"),
                (
                    "paragraph",
                    html(
                        "Les pages sont rédigées par l'équipe éditoriale à partir de "
                        "documents publics diffusés par les projets, leurs partenaires "
                        "et leurs financeurs. Chaque chiffre indique sa source ; quand "
                        "deux sources divergent, les deux chiffres sont affichés avec "
                        "leur source plutôt que d'en choisir un.",
                        "Les contenus sont écrits dans une langue puis traduits dans "
                        "l'autre ; lorsqu'une traduction manque encore, la page le "
                        "signale.",
                    ),
                ),
                ("heading", "Contribuer"),
                (
                    "paragraph",
                    html(
                        "Les chargés de mission des structures partenaires peuvent "
                        "publier et mettre à jour leurs études de cas, actions et "
                        "rapports. Demandez un compte à l'équipe éditoriale ou "
                        "signalez-nous un rapport public à ajouter."
                    ),
                ),
            ],
        ),
    },
}

STANDARD_PAGES = [ABOUT, PRIVACY, ACCESSIBILITY]
