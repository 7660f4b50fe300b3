"""Evaluation reports of the demo case studies."""

import datetime

from hub.practices.models import EvaluationReportPage

from .text import PERCENT, SRC_NCLIQUE, SRC_SHEET, SRC_SHEET_NCLIQUE, L, fig, html, ul

UEA = {
    "key": "uea-evaluation",
    "model": EvaluationReportPage,
    "slug": L("increase-academic-evaluation", "evaluation-academique-increase"),
    "title": L(
        "Academic evaluation of INCREASE Valorisation Sociale",
        "Évaluation académique d'INCREASE Valorisation Sociale",
    ),
    "themes": ["employment", "entrepreneurship", "social-housing"],
    "target_groups": ["social-housing-residents", "micro-entrepreneurs"],
    "regions": ["bretagne", "normandie", "hauts-de-france", "south-east-england"],
    "term_fks": {"evaluator": ("organisation", "university-of-east-anglia")},
    "page_m2m": {"evaluated_case_studies": ["increase"]},
    "fields": {
        "summary": L(
            "The University of East Anglia's evaluation of the cross-Channel "
            "programme: who was reached, what changed for participants and what made "
            "the landlords' role work.",
            "L'évaluation du programme transmanche par l'Université d'East Anglia : "
            "qui a été touché, ce qui a changé pour les participants et ce qui a fait "
            "réussir le rôle des bailleurs.",
        ),
        "publication_date": datetime.date(2023, 1, 1),
        "evaluation_kind": "academic",
        "evidence_level": "promising",
        "report_language": "en",
        "methodology": L(
            html(
                "The University of East Anglia, in Norwich, provided the academic "
                "evaluation of INCREASE VS across its French and English sites. Our "
                "sources do not describe its methods in detail; the indicators below "
                "are those reported in the programme's project sheet, which links to "
                "the evaluation report: people reached, businesses created and changes "
                "in work or education status.",
                "The publication date recorded here is the end of the action period "
                "(2023): our sources do not give the exact date of the report, and "
                "they do not mention a comparison group.",
            ),
            html(
                "L'Université d'East Anglia, à Norwich, a assuré l'évaluation "
                "académique d'INCREASE VS sur ses sites français et anglais. Nos "
                "sources ne détaillent pas sa méthode ; les indicateurs ci-dessous "
                "sont ceux de la fiche projet du programme, qui renvoie au rapport "
                "d'évaluation : personnes touchées, entreprises créées et changements "
                "de situation professionnelle ou de formation.",
                "La date de publication indiquée ici correspond à la fin de la période "
                "d'actions (2023) : nos sources ne donnent ni la date exacte du "
                "rapport, ni l'existence d'un groupe de comparaison.",
            ),
        ),
        "key_findings": L(
            html(
                ul(
                    "About 4,500 residents of 38 neighbourhoods took part in 32 field "
                    "actions, and 1,020 micro-enterprises were created.",
                    "41 % of participants reported a change in their work or education "
                    "situation.",
                    "Landlords' knowledge of their tenants, including 'invisible' "
                    "residents missed by other services, was decisive in reaching new "
                    "people.",
                    "Landlords' contractor networks (maintenance, cleaning, security) "
                    "helped connect job seekers with recruiters.",
                    "French partners adopted the employment-service know-how of "
                    "British housing associations.",
                    "Community ambassadors in every neighbourhood make the approach "
                    "last beyond the funding.",
                ),
                "The evaluation allows the partners to share reports and a "
                "good-practice guide with everyone working on entrepreneurship.",
            ),
            html(
                ul(
                    "Environ 4 500 habitants de 38 quartiers ont participé à 32 "
                    "actions de terrain, et 1 020 micro-entreprises ont été créées.",
                    "41 % des participants ont déclaré un changement de situation "
                    "professionnelle ou de formation.",
                    "La connaissance qu'ont les bailleurs de leurs locataires, y "
                    "compris des « invisibles » ignorés des autres services, a été "
                    "décisive pour toucher de nouveaux publics.",
                    "Les réseaux de prestataires des bailleurs (maintenance, ménage, "
                    "sécurité) ont facilité la mise en relation avec les recruteurs.",
                    "Les partenaires français se sont approprié le savoir-faire des "
                    "associations de logement britanniques en matière d'emploi.",
                    "Les ambassadeurs communautaires présents dans chaque quartier "
                    "font durer la démarche au-delà du financement.",
                ),
                "L'évaluation permet aux partenaires de partager rapports et guide de "
                "bonnes pratiques avec tous les acteurs de l'entrepreneuriat.",
            ),
        ),
        "indicators": [
            (
                "key_figure",
                fig(
                    L("Participants", "Participants"),
                    4500,
                    target=5300,
                    source=SRC_SHEET_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Micro-enterprises created", "Micro-entreprises créées"),
                    1020,
                    target=1200,
                    source=SRC_SHEET_NCLIQUE,
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

NCLIQUE = {
    "key": "nclique-assessment",
    "model": EvaluationReportPage,
    "slug": L("increase-social-impact-assessment", "etude-impact-social-increase"),
    "title": L(
        "Social-impact assessment of INCREASE for the French social landlords",
        "Évaluation de l'impact social d'INCREASE pour les bailleurs français",
    ),
    "themes": ["social-impact-evaluation", "social-housing"],
    "target_groups": ["social-housing-residents"],
    "regions": ["bretagne", "normandie", "hauts-de-france"],
    "term_fks": {"evaluator": ("organisation", "n-clique")},
    "page_m2m": {"evaluated_case_studies": ["increase"]},
    "fields": {
        "summary": L(
            "In 2022 the four French landlords of INCREASE asked the consultancy "
            "n-clique what value the programme had produced for them. The answer is a "
            "cross-cutting context report on impacts, contributions and the conditions "
            "for lasting results.",
            "En 2022, les quatre bailleurs français d'INCREASE ont demandé au cabinet "
            "n-clique quelle valeur le programme avait produite pour eux. La réponse : "
            "un rapport de contexte transversal sur les impacts, les apports et les "
            "conditions de pérennisation.",
        ),
        "publication_date": datetime.date(2022, 1, 1),
        "evaluation_kind": "social_impact",
        "evidence_level": "emergent",
        "report_language": "fr",
        "methodology": L(
            html(
                "n-clique did not run new surveys. It gathered the data, surveys, work "
                "and studies that already existed inside each landlord, analysed them "
                "together and wrote a single cross-cutting context report. The "
                "assignment was managed for the French partners, with Pas-de-Calais "
                "Habitat named as client.",
                "Because the analysis rests on the partners' own material, without a "
                "comparison group, the hub rates its evidence as emergent; the date "
                "recorded is the year of the assignment.",
            ),
            html(
                "n-clique n'a pas mené de nouvelles enquêtes. Le cabinet a rassemblé "
                "les données, enquêtes, travaux et études existant chez chaque "
                "bailleur, les a analysés ensemble et en a tiré un rapport de contexte "
                "transversal. La mission a été conduite pour les partenaires français, "
                "Pas-de-Calais Habitat étant cité comme client.",
                "L'analyse reposant sur les documents des partenaires, sans groupe de "
                "comparaison, le hub classe ses preuves au niveau émergent ; la date "
                "indiquée est l'année de la mission.",
            ),
        ),
        "key_findings": L(
            html(
                "The report situates the programme in its context: social-housing "
                "residents are much more often out of work than the population as a "
                "whole, especially in the United Kingdom. It restates the programme's "
                "targets (5,300 people trained, 2,000 back into work, 1,200 business "
                "creations) and its funding as stated in the assignment sheet: 9 M EUR "
                "of ERDF for a total budget of 13 M EUR, figures that differ from "
                "those on the We Ker page (6.9 M EUR of 10 M EUR).",
                "It highlights what the programme brought to the landlords and the "
                "conditions for it to last, notably the community ambassadors and the "
                "network of outside organisations in each neighbourhood.",
            ),
            html(
                "Le rapport replace le programme dans son contexte : les locataires du "
                "logement social sont bien plus souvent sans emploi que l'ensemble de "
                "la population, surtout au Royaume-Uni. Il rappelle les objectifs (5 "
                "300 personnes formées, 2 000 retours à l'emploi, 1 200 créations "
                "d'entreprise) et le financement indiqué dans la fiche de mission : 9 "
                "M EUR de FEDER pour un budget total de 13 M EUR, chiffres différents "
                "de ceux de la page de We Ker (6,9 M EUR sur 10 M EUR).",
                "Il met en relief ce que le programme a apporté aux bailleurs et les "
                "conditions de sa pérennité, notamment les ambassadeurs communautaires "
                "et le réseau d'intervenants extérieurs de chaque quartier.",
            ),
        ),
        "indicators": [
            (
                "key_figure",
                fig(
                    L(
                        "UK social-housing residents unemployed or inactive",
                        "Locataires du logement social sans emploi ou inactifs "
                        "(Royaume-Uni)",
                    ),
                    53,
                    PERCENT,
                    target=None,
                    source=L(
                        "n-clique, 2022 (national average: 30 %)",
                        "n-clique, 2022 (moyenne nationale : 30 %)",
                    ),
                ),
            ),
            (
                "key_figure",
                fig(
                    L("UK national average", "Moyenne nationale (Royaume-Uni)"),
                    30,
                    PERCENT,
                    source=SRC_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Unemployment in the French target areas",
                        "Chômage dans les quartiers ciblés en France",
                    ),
                    39.5,
                    PERCENT,
                    source=L(
                        "n-clique, 2022 (national average: 36 %)",
                        "n-clique, 2022 (moyenne nationale : 36 %)",
                    ),
                ),
            ),
            (
                "key_figure",
                fig(
                    L("French national average", "Moyenne nationale (France)"),
                    36,
                    PERCENT,
                    source=SRC_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Total budget", "Budget total"),
                    13000000,
                    "EUR",
                    source=SRC_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("ERDF co-funding", "Cofinancement FEDER"),
                    9000000,
                    "EUR",
                    source=SRC_NCLIQUE,
                ),
            ),
        ],
    },
}

ANSA = {
    "key": "ansa-evaluation",
    "model": EvaluationReportPage,
    "slug": L(
        "territoires-partages-continuous-evaluation",
        "evaluation-continue-territoires-partages",
    ),
    "title": L(
        "Continuous evaluation of Territoires partagés",
        "Évaluation continue de Territoires partagés",
    ),
    "themes": ["social-impact-evaluation", "employment", "third-places"],
    "target_groups": ["low-qualified-job-seekers", "young-people-16-25"],
    "regions": ["normandie"],
    "term_fks": {"evaluator": ("organisation", "ansa")},
    "page_m2m": {"evaluated_case_studies": ["territoires-partages"]},
    "fields": {
        "summary": L(
            "ANSA and the NIMEC laboratory follow Territoires partagés throughout its "
            "three years, to learn what helps low-qualified job seekers and young "
            "people re-engage, and share it with the whole sector.",
            "L'Ansa et le laboratoire NIMEC suivent Territoires partagés pendant ses "
            "trois années, pour comprendre ce qui aide les demandeurs d'emploi peu "
            "qualifiés et les jeunes à se remobiliser, et le partager avec tout le "
            "secteur.",
        ),
        "evaluation_kind": "continuous",
        "evidence_level": "emergent",
        "report_language": "fr",
        "methodology": L(
            html(
                "A continuous evaluation runs alongside the programme rather than "
                "after it: the evaluators observe the activities, follow participants' "
                "paths and feed findings back to the partners as they go. It is "
                "carried out jointly by ANSA (Agence nouvelle des solidarités actives) "
                "and NIMEC, a Normandy research laboratory on innovation, markets, "
                "business and consumption.",
                "The evaluation measures progress against the programme's targets of "
                "500 participants and 300 positive outcomes. Our sources do not give a "
                "publication date, so none is recorded.",
            ),
            html(
                "Une évaluation continue accompagne le programme au lieu de venir "
                "après : les évaluateurs observent les activités, suivent les parcours "
                "des participants et restituent leurs constats aux partenaires au fil "
                "de l'eau. Elle est menée conjointement par l'Ansa (Agence nouvelle "
                "des solidarités actives) et le NIMEC, laboratoire normand de "
                "recherche sur l'innovation, le marché, l'entreprise et la "
                "consommation.",
                "L'évaluation mesure l'avancée vers les objectifs de 500 participants "
                "et 300 sorties positives. Nos sources ne donnent pas de date de "
                "publication : aucune n'est indiquée.",
            ),
        ),
        "key_findings": L(
            html(
                "Findings are to be shared with all those working in social support. "
                "Until they are published, the hub records the baseline the programme "
                "starts from: three Normandy job seekers in four are qualified at or "
                "below BEP level, and in rural areas one young person in ten lacks "
                "basic reading and writing skills."
            ),
            html(
                "Les résultats doivent être partagés avec l'ensemble des acteurs de "
                "l'accompagnement social. En attendant leur publication, le hub "
                "rappelle la situation de départ : trois demandeurs d'emploi normands "
                "sur quatre ont un niveau inférieur ou égal au BEP, et dans les zones "
                "rurales un jeune sur dix ne maîtrise pas la lecture et l'écriture."
            ),
        ),
        "indicators": [
            (
                "key_figure",
                fig(
                    L("Participants", "Participants"),
                    None,
                    target=500,
                    source=L("Le Dôme, 2021", "Le Dôme, 2021"),
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Positive outcomes", "Sorties positives"),
                    None,
                    target=300,
                    source=L("Le Dôme, 2021", "Le Dôme, 2021"),
                ),
            ),
        ],
    },
}

REPORTS = [UEA, NCLIQUE, ANSA]
