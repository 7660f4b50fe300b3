"""Case study: INCREASE Valorisation Sociale (Interreg V A France (Channel) England)."""

import datetime
from decimal import Decimal

from hub.practices.models import CaseStudyPage

from .text import (
    EUR,
    PERCENT,
    SRC_NCLIQUE,
    SRC_SHEET,
    SRC_SHEET_NCLIQUE,
    SRC_WEKER,
    L,
    fig,
    html,
    partner,
    ul,
)

INCREASE = {
    "key": "increase",
    "model": CaseStudyPage,
    "slug": "increase-valorisation-sociale",
    "title": "INCREASE Valorisation Sociale",
    "themes": ["employment", "entrepreneurship", "skills-training", "social-housing"],
    "target_groups": [
        "social-housing-residents",
        "long-term-job-seekers",
        "people-with-disabilities",
        "single-parent-families",
        "young-people-16-25",
        "micro-entrepreneurs",
    ],
    "regions": ["bretagne", "normandie", "hauts-de-france", "south-east-england"],
    "term_fks": {"programme": ("programme", "interreg-v-a-france-channel-england")},
    "partners": (
        "partners",
        [
            partner(
                "optivo-southern-housing",
                "lead",
                "Lead partner; brought English housing associations' long experience "
                "of running employment services for tenants.",
                "Chef de file ; a apporté la longue expérience des associations de "
                "logement anglaises en matière de services d'emploi aux locataires.",
            ),
            partner(
                "archipel-habitat",
                "partner",
                "French landlord partner in Rennes; initiated the French application "
                "in 2016.",
                "Bailleur partenaire à Rennes ; à l'origine de la candidature "
                "française en 2016.",
            ),
            partner(
                "neotoa",
                "partner",
                "French landlord partner in Brittany; joint actions with We Ker.",
                "Bailleur partenaire en Bretagne ; actions communes avec We Ker.",
            ),
            partner(
                "pas-de-calais-habitat",
                "partner",
                "French landlord partner in Hauts-de-France; commissioned the 2022 "
                "social-impact assessment with the other French landlords.",
                "Bailleur partenaire dans les Hauts-de-France ; a commandé l'étude "
                "d'impact social de 2022 avec les autres bailleurs français.",
            ),
            partner(
                "logirep",
                "partner",
                "Landlord partner in Normandy.",
                "Bailleur partenaire en Normandie.",
            ),
            partner(
                "inco",
                "partner",
                "Housing company partner in Normandy.",
                "Société d'habitat partenaire en Normandie.",
            ),
            partner(
                "we-ker",
                "delivery",
                "Career-building, job-discovery and business-creation tools, local "
                "networking and project engineering in Rennes.",
                "Outils de construction de projet professionnel, de découverte des "
                "métiers et de création d'activité, animation territoriale et "
                "ingénierie de projet à Rennes.",
            ),
            partner(
                "university-of-east-anglia",
                "evaluator",
                "Academic evaluation.",
                "Évaluation académique.",
            ),
            partner(
                "n-clique",
                "evaluator",
                "Social-impact assessment for the French landlords (2022).",
                "Étude d'impact social pour les bailleurs français (2022).",
            ),
        ],
    ),
    "fields": {
        "summary": L(
            "A cross-Channel partnership of social landlords, inclusion bodies and "
            "business-creation services that supported unemployed residents of 38 "
            "neighbourhoods in France and England towards work or self-employment.",
            "Un partenariat transmanche de bailleurs sociaux, de structures "
            "d'insertion et d'aide à la création d'entreprise qui a accompagné vers "
            "l'emploi ou l'auto-entrepreneuriat les habitants sans emploi de 38 "
            "quartiers en France et en Angleterre.",
        ),
        "start_date": datetime.date(2017, 10, 1),
        "end_date": datetime.date(2021, 3, 31),
        "status": "completed",
        "total_budget": Decimal("10000000"),
        "total_budget_source": SRC_WEKER,
        "erdf_contribution": Decimal("6900000"),
        "erdf_contribution_source": SRC_WEKER,
        "key_figures": [
            (
                "key_figure",
                fig(
                    L("Neighbourhoods involved", "Quartiers concernés"),
                    38,
                    L("neighbourhoods", "quartiers"),
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Field actions tested, 2018-2023",
                        "Actions de terrain, 2018-2023",
                    ),
                    32,
                    L("actions", "actions"),
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Participants (target: 5,300 trained)",
                        "Participants (objectif : 5 300 formés)",
                    ),
                    4500,
                    L("participants", "participants"),
                    target=5300,
                    source=SRC_SHEET_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Micro-enterprises created", "Micro-entreprises créées"),
                    1020,
                    L("businesses", "entreprises"),
                    target=1200,
                    source=SRC_SHEET_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Participants reporting a change in work or education status",
                        "Participants déclarant un changement de situation "
                        "professionnelle ou de formation",
                    ),
                    41,
                    PERCENT,
                    source=SRC_SHEET,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Residents back into work", "Retours à l'emploi"),
                    None,
                    L("people", "personnes"),
                    target=2000,
                    source=SRC_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Total budget (other source)", "Budget total (autre source)"),
                    13000000,
                    EUR,
                    year=2022,
                    source=SRC_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "ERDF co-funding (other source)",
                        "Cofinancement FEDER (autre source)",
                    ),
                    9000000,
                    EUR,
                    year=2022,
                    source=SRC_NCLIQUE,
                ),
            ),
        ],
        "context": L(
            html(
                "Globalisation and successive economic crises have widened "
                "inequalities inside the European Union and left pockets of poverty in "
                "some neighbourhoods of large towns. On both sides of the Channel, "
                "tenants of social housing face the same combination of difficulties: "
                "unemployment well above the national average, few qualifications, "
                "distance from the labour market, and often a disability or the "
                "constraints of raising children alone.",
                "The 2022 assessment commissioned by the French landlords quotes the "
                "gap: in the United Kingdom, 53 % of social-housing residents were "
                "unemployed or economically inactive against 30 % nationally; in the "
                "French target areas the rate was 39.5 % against a national 36 %.",
                "These residents are often invisible to mainstream employment, "
                "training and business-creation schemes, which are not designed for "
                "them. Social landlords, on the other hand, know them well and see "
                "them regularly. That observation brought English housing "
                "associations, French landlords, inclusion bodies and "
                "business-creation services together in one project.",
                "In France the idea took shape in 2016, when Archipel Habitat asked "
                "the Maison de l'Emploi de Rennes to join a group of partners applying "
                "to the Interreg France (Channel) England programme. The application "
                "was approved on 5 July 2017, under specific objective 1.2, which "
                "funds social innovation for the most disadvantaged groups.",
            ),
            html(
                "La mondialisation et les crises économiques successives ont creusé "
                "les inégalités dans l'Union européenne et laissé des poches de "
                "pauvreté dans certains quartiers des grandes villes. Des deux côtés "
                "de la Manche, les locataires du logement social cumulent les mêmes "
                "difficultés : un chômage nettement supérieur à la moyenne nationale, "
                "peu de qualifications, un éloignement du marché du travail, et "
                "souvent un handicap ou les contraintes d'une famille monoparentale.",
                "L'étude commandée en 2022 par les bailleurs français chiffre l'écart "
                ": au Royaume-Uni, 53 % des locataires du logement social étaient au "
                "chômage ou inactifs, contre 30 % en moyenne nationale ; dans les "
                "quartiers ciblés en France, le taux atteignait 39,5 % contre 36 % au "
                "niveau national.",
                "Ces habitants échappent souvent aux dispositifs classiques d'emploi, "
                "de formation et de création d'entreprise, mal adaptés à leur "
                "situation. Les bailleurs sociaux, eux, les connaissent et les "
                "côtoient au quotidien. C'est de ce constat qu'est né le partenariat "
                "entre associations de logement anglaises, bailleurs français, "
                "structures d'insertion et services d'aide à la création d'activité.",
                "En France, l'idée a pris forme en 2016, lorsqu'Archipel Habitat a "
                "proposé à la Maison de l'Emploi de Rennes de rejoindre un groupement "
                "candidat au programme Interreg France (Manche) Angleterre. La "
                "candidature a été retenue le 5 juillet 2017, au titre de l'objectif "
                "spécifique 1.2, qui finance l'innovation sociale en faveur des "
                "publics les plus défavorisés.",
            ),
        ),
        "approach": L(
            html(
                "Optivo, an English housing association now part of Southern Housing, "
                "led a partnership of three English and four French social landlords, "
                "each working with local inclusion and business-creation "
                "organisations. The landlords acted as go-betweens: close enough to "
                "their tenants to reach people no scheme was reaching, and able to "
                "offer work and training opportunities of their own on top of existing "
                "services.",
                "Across 38 neighbourhoods, the partners tested 32 field actions "
                "between 2018 and 2023, built around three families of support:",
                ul(
                    "<b>qualifying training</b> for jobs that are hard to fill, such "
                    "as the École de la proximité and its building-caretaker diploma;",
                    "<b>job-search and career-building support</b>, from short "
                    "awareness sessions such as <i>3h pour l'emploi</i> to "
                    "job-discovery programmes like l'Exploratoire;",
                    "<b>business creation</b> for would-be micro-entrepreneurs, with "
                    "CitésLab, Cafés Créateurs, a neighbourhood business centre and "
                    "sector programmes such as <i>Rennes aux Fourneaux</i> for food "
                    "businesses.",
                ),
                "In Rennes, We Ker worked with Archipel Habitat and Néotoa on shared "
                "actions and brought its own tools, while also connecting the project "
                "to the rest of the local employment network. Landlords opened their "
                "networks of contractors (maintenance, cleaning, security) to put job "
                "seekers in touch with recruiters.",
            ),
            html(
                "Optivo, association de logement anglaise aujourd'hui intégrée à "
                "Southern Housing, a piloté un partenariat de trois bailleurs anglais "
                "et quatre bailleurs français, chacun associé à des structures locales "
                "d'insertion et d'aide à la création d'entreprise. Les bailleurs ont "
                "joué les intermédiaires : assez proches de leurs locataires pour "
                "toucher des personnes qu'aucun dispositif n'atteignait, et capables "
                "de proposer leurs propres opportunités d'emploi et de formation en "
                "complément de l'existant.",
                "Dans 38 quartiers, les partenaires ont expérimenté 32 actions de "
                "terrain entre 2018 et 2023, autour de trois familles d'accompagnement "
                ":",
                ul(
                    "<b>des formations qualifiantes</b> sur des métiers en tension, "
                    "comme l'École de la proximité et son CAP de gardien d'immeubles ;",
                    "<b>l'aide à la recherche d'emploi et à la construction du projet "
                    "professionnel</b>, des séances courtes comme <i>3h pour "
                    "l'emploi</i> aux parcours de découverte des métiers comme "
                    "l'Exploratoire ;",
                    "<b>la création d'activité</b> pour les futurs "
                    "micro-entrepreneurs, avec CitésLab, les Cafés Créateurs, un "
                    "centre d'affaires de quartier et des parcours sectoriels comme "
                    "<i>Rennes aux Fourneaux</i> pour la restauration.",
                ),
                "À Rennes, We Ker a mené des actions communes avec Archipel Habitat et "
                "Néotoa et apporté ses propres outils, tout en reliant le projet au "
                "reste du réseau local de l'emploi. Les bailleurs ont ouvert leurs "
                "réseaux de prestataires (maintenance, ménage, sécurité) pour mettre "
                "en relation demandeurs d'emploi et recruteurs.",
            ),
        ),
        "results": L(
            html(
                "According to the programme's project sheet, about 4,500 residents "
                "took part in the actions and 1,020 micro-enterprises were created. 41 "
                "% of participants said their work or education situation had changed, "
                "which the partners count as a positive outcome.",
                "The targets quoted in the 2022 assessment were higher: 5,300 people "
                "trained, 2,000 back into work and 1,200 new businesses. The figures "
                "come from different documents and moments of the project, so the hub "
                "shows each one with its source rather than computing a completion "
                "rate.",
                "The most visible success on the French side was the École de la "
                "proximité, opened at the end of 2018 with support from the Brittany "
                "Regional Council and Pôle emploi: around fifty people earned a "
                "recognised building-caretaker diploma in social housing, a job "
                "landlords struggle to fill.",
            ),
            html(
                "Selon la fiche projet du programme, environ 4 500 habitants ont "
                "participé aux actions et 1 020 micro-entreprises ont été créées. 41 % "
                "des participants ont déclaré un changement de situation "
                "professionnelle ou de formation, ce que les partenaires comptent "
                "comme une sortie positive.",
                "Les objectifs cités par l'étude de 2022 étaient plus élevés : 5 300 "
                "personnes formées, 2 000 retours à l'emploi et 1 200 créations "
                "d'entreprise. Ces chiffres proviennent de documents et de moments "
                "différents du projet : le hub affiche chacun avec sa source plutôt "
                "que de calculer un taux de réalisation.",
                "La réussite la plus visible côté français est l'École de la "
                "proximité, ouverte fin 2018 avec le soutien de la Région Bretagne et "
                "de Pôle emploi : une cinquantaine de personnes y ont obtenu un CAP "
                "reconnu de gardien d'immeubles en logement social, un métier en "
                "tension pour les bailleurs.",
            ),
        ),
        "lessons": L(
            html(
                "Landlords are a powerful lever. Their detailed knowledge of tenants, "
                "including those furthest from work that other services never see, was "
                "decisive in reaching new people, and their contractor networks turned "
                "into a direct route to recruiters.",
                "The exchange worked in both directions. French partners adopted the "
                "know-how of British housing associations, which have run employment "
                "services for their tenants for many years, and the solutions on offer "
                "improved as a result.",
                "A whole-neighbourhood approach pays off: working with all local "
                "players created closer ties and a richer range of services than any "
                "partner could offer alone.",
                "Budget figures differ between sources (10 M EUR total with 6.9 M EUR "
                "of ERDF on the We Ker page; 13 M EUR with 9 M EUR of ERDF in the 2022 "
                "assessment sheet). Anyone quoting the project should cite the source "
                "of each figure.",
            ),
            html(
                "Les bailleurs sont un levier puissant. Leur connaissance fine des "
                "locataires, y compris des plus éloignés de l'emploi que les autres "
                "services ne voient jamais, a été décisive pour toucher de nouveaux "
                "publics, et leurs réseaux de prestataires sont devenus une voie "
                "directe vers les recruteurs.",
                "L'échange a fonctionné dans les deux sens. Les partenaires français "
                "se sont approprié le savoir-faire des associations de logement "
                "britanniques, qui proposent depuis longtemps des services d'emploi à "
                "leurs locataires, et l'offre s'en est trouvée améliorée.",
                "L'approche globale à l'échelle du quartier est payante : travailler "
                "avec l'ensemble des acteurs locaux a créé des liens plus étroits et "
                "une offre plus riche que ce qu'un partenaire aurait pu proposer seul.",
                "Les montants diffèrent selon les sources (10 M EUR au total dont 6,9 "
                "M EUR de FEDER sur la page de We Ker ; 13 M EUR dont 9 M EUR de FEDER "
                "dans la fiche de l'étude de 2022). Toute citation du projet devrait "
                "indiquer la source de chaque chiffre.",
            ),
        ),
        "legacy": L(
            html(
                "The length of the project gave it stability. Every neighbourhood now "
                "has community ambassadors: residents who mobilise future participants "
                "and keep supporting micro-entrepreneurs, backed by the network of "
                "outside organisations built during the project.",
                "The partners expected changes in landlords' professional practice and "
                "better mutual knowledge between local players to keep the work going "
                "after the funding. The University of East Anglia's academic "
                "evaluation was meant to let the partners share reports and a "
                "good-practice guide with anyone working on entrepreneurship.",
            ),
            html(
                "La durée du projet lui a donné de la stabilité. Chaque quartier "
                "dispose désormais d'ambassadeurs communautaires : des habitants qui "
                "mobilisent les futurs participants et continuent de soutenir les "
                "micro-entrepreneurs, en s'appuyant sur le réseau d'intervenants "
                "extérieurs constitué pendant le projet.",
                "Les partenaires comptaient sur l'évolution des pratiques "
                "professionnelles des bailleurs et sur une meilleure interconnaissance "
                "des acteurs locaux pour faire vivre la démarche après le financement. "
                "L'évaluation académique de l'Université d'East Anglia devait "
                "permettre aux partenaires de partager rapports et guide de bonnes "
                "pratiques avec tous les acteurs de l'entrepreneuriat.",
            ),
        ),
    },
}

CASE_STUDIES = [INCREASE]
