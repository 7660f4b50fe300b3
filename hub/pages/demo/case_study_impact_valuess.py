"""Case study: Impact & ValuESS (Interreg IV A France (Channel) England, 2013-2014)."""

import datetime

from hub.practices.models import CaseStudyPage

from .text import SRC_RESO, L, fig, html, partner, ul

IMPACT_VALUESS = {
    "key": "impact-valuess",
    "model": CaseStudyPage,
    "slug": "impact-valuess",
    "title": "Impact & ValuESS",
    "themes": [
        "social-impact-evaluation",
        "social-utility",
        "patronage-partnerships",
        "cross-border-cooperation",
    ],
    "target_groups": ["sse-organisations", "local-authorities"],
    "regions": ["bretagne", "south-west-england"],
    "term_fks": {"programme": ("programme", "interreg-iv-a-france-channel-england")},
    "partners": (
        "partners",
        [
            partner(
                "reso-solidaire",
                "lead",
                "Project leader; coordinated the three work strands from Rennes.",
                "Porteur du projet ; a coordonné les trois axes de travail depuis "
                "Rennes.",
            ),
            partner(
                "adess-pays-de-brest",
                "partner",
                "Breton partner, bringing the Brest area's social economy network.",
                "Partenaire breton, avec le réseau de l'ESS du pays de Brest.",
            ),
            partner(
                "south-west-forum",
                "partner",
                "English partner in Exeter; host of the first steering committee.",
                "Partenaire anglais à Exeter ; a accueilli le premier comité de "
                "pilotage.",
            ),
            partner(
                "region-bretagne",
                "co_funder",
                "Regional co-funding.",
                "Cofinancement régional.",
            ),
            partner(
                "departement-ille-et-vilaine",
                "co_funder",
                "Departmental co-funding.",
                "Cofinancement départemental.",
            ),
        ],
    ),
    "fields": {
        "summary": L(
            "A Franco-English cooperation (2013-2014) that helped social and "
            "solidarity economy organisations show their impact and social utility and "
            "build partnerships with public and private players.",
            "Une coopération franco-anglaise (2013-2014) qui a aidé les structures de "
            "l'économie sociale et solidaire à démontrer leur impact et leur utilité "
            "sociale et à nouer des partenariats avec les acteurs publics et privés.",
        ),
        "start_date": datetime.date(2013, 10, 1),
        "end_date": datetime.date(2014, 12, 31),
        "status": "completed",
        "website": "https://www.resosolidaire.org/",
        "key_figures": [
            (
                "key_figure",
                fig(L("Work strands", "Axes de travail"), 3, source=SRC_RESO),
            ),
            (
                "key_figure",
                fig(
                    L("Partner organisations", "Structures partenaires"),
                    3,
                    source=SRC_RESO,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Local social-utility working groups",
                        "Groupes de travail locaux sur l'utilité sociale",
                    ),
                    2,
                    L("groups (1 FR, 1 EN)", "groupes (1 FR, 1 EN)"),
                    source=SRC_RESO,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Cross-border events", "Événements transfrontaliers"),
                    2,
                    year=2014,
                    source=SRC_RESO,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Travel places to the England event (10 to 15 announced)",
                        "Places de voyage pour l'événement anglais (10 à 15 annoncées)",
                    ),
                    15,
                    L("places, at most", "places au plus"),
                    year=2014,
                    source=SRC_RESO,
                ),
            ),
        ],
        "context": L(
            html(
                "Impact & ValuESS grew out of an earlier Interreg project, Part3sec, "
                "in which Réso solidaire had taken part. Part3sec let participants "
                "discover the social economy of Hampshire, around Southampton, through "
                "visits and studies. Both sides found they faced the same questions: "
                "how to reach and diversify resources, how to build new partnerships, "
                "and how to get the impact of the social and solidarity economy (SSE) "
                "recognised.",
                "The wish to go further led to Impact & ValuESS, funded by the "
                "Interreg IV A France (Channel) England programme and co-funded by the "
                "Brittany Regional Council and the Ille-et-Vilaine County Council. The "
                "project started in autumn 2013 and ran until the end of 2014.",
            ),
            html(
                "Impact & ValuESS prolonge un premier projet Interreg, Part3sec, "
                "auquel Réso solidaire avait participé. Part3sec avait permis de "
                "découvrir l'économie sociale du Hampshire, autour de Southampton, par "
                "des rencontres et des études. Les deux rives y ont découvert des "
                "questions communes : accéder aux ressources et les diversifier, nouer "
                "de nouveaux partenariats, faire reconnaître l'impact de l'économie "
                "sociale et solidaire (ESS).",
                "L'envie d'aller plus loin a donné naissance à Impact & ValuESS, "
                "financé par le programme Interreg IV A France (Manche) Angleterre et "
                "cofinancé par la Région Bretagne et le Département d'Ille-et-Vilaine. "
                "Le projet a démarré à l'automne 2013 et s'est poursuivi jusqu'à fin "
                "2014.",
            ),
        ),
        "approach": L(
            html(
                "Réso solidaire led the project with the Adess du pays de Brest and "
                "South West Forum in Exeter. The partners met for the first steering "
                "committee in Exeter in early October 2013. The work was organised in "
                "three strands:",
                ul(
                    "<b>Impact evaluation</b>: a study of how SSE organisations in "
                    "both territories use impact-evaluation methods, based on "
                    "questionnaires, case studies and analysis, leading to a "
                    "good-practice guide and a film of French and British testimonies.",
                    "<b>Social utility</b>: two local working groups, one in France "
                    "and one in England, bringing together local authorities and SSE "
                    "players to compare definitions and practices, leading to a "
                    "Franco-English guide.",
                    "<b>Partnerships, patronage and social marketing</b>: a training "
                    "and exchange day in England on social marketing for work "
                    "integration enterprises, and training on patronage and "
                    "partnership building for organisations that support the SSE.",
                ),
                "The project was open to all SSE players in Brittany, to local "
                "authorities and to public and private organisations interested in the "
                "topics: they could take part in the studies, training sessions, "
                "exchanges of practice and events.",
            ),
            html(
                "Réso solidaire a porté le projet avec l'Adess du pays de Brest et "
                "South West Forum à Exeter. Les partenaires se sont retrouvés à Exeter "
                "début octobre 2013 pour le premier comité de pilotage. Le travail "
                "s'est organisé en trois axes :",
                ul(
                    "<b>L'évaluation d'impact</b> : une étude sur l'usage des méthodes "
                    "d'évaluation d'impact par les structures de l'ESS des deux "
                    "territoires, par questionnaires, études de cas et analyse, "
                    "débouchant sur un guide de bonnes pratiques et un film de "
                    "témoignages franco-britanniques.",
                    "<b>L'utilité sociale</b> : deux groupes de travail locaux, l'un "
                    "en France, l'autre en Angleterre, réunissant collectivités et "
                    "acteurs de l'ESS pour comparer définitions et pratiques, avec à "
                    "la clé un guide franco-anglais.",
                    "<b>Partenariats, mécénat et marketing social</b> : une journée de "
                    "formation et d'échanges en Angleterre sur le marketing social "
                    "pour les structures de l'insertion par l'activité économique, et "
                    "une formation au mécénat et aux partenariats pour les structures "
                    "d'accompagnement de l'ESS.",
                ),
                "Le projet était ouvert à tous les acteurs de l'ESS en Bretagne, aux "
                "collectivités et aux acteurs publics et privés intéressés : chacun "
                "pouvait participer aux études, formations, échanges de pratiques et "
                "rencontres.",
            ),
        ),
        "results": L(
            html(
                "Two cross-border events structured the project: the first in England "
                "in spring 2014, the second in France in autumn 2014. Both offered "
                "workshops, training, visits of organisations, networking and "
                "presentations of the studies in progress. Between 10 and 15 people "
                "from Brittany could travel to England for the first one.",
                "The planned outputs were a study and a good-practice guide on impact "
                "evaluation, a testimony film, a Franco-English guide on social "
                "utility and two training offers on social marketing and patronage.",
            ),
            html(
                "Deux événements transfrontaliers ont rythmé le projet : le premier en "
                "Angleterre au printemps 2014, le second en France à l'automne 2014. "
                "Ils proposaient ateliers, formations, visites de structures, "
                "réseautage et présentation des études en cours. Entre 10 et 15 "
                "personnes de Bretagne ont pu faire le voyage en Angleterre pour le "
                "premier.",
                "Les productions prévues étaient une étude et un guide de bonnes "
                "pratiques sur l'évaluation d'impact, un film de témoignages, un guide "
                "franco-anglais sur l'utilité sociale et deux offres de formation sur "
                "le marketing social et le mécénat.",
            ),
        ),
        "lessons": L(
            html(
                "SSE organisations on both sides share the same need: to explain the "
                "value they create to funders and partners in terms those partners "
                "understand. Comparing the English vocabulary of social impact and "
                "social value with the French notion of social utility helped both "
                "sides sharpen their arguments.",
                "Working groups that mix local authorities and SSE players produce "
                "definitions that funders are more likely to use, because they helped "
                "write them.",
            ),
            html(
                "Les structures de l'ESS partagent, des deux côtés, le même besoin : "
                "expliquer la valeur qu'elles créent à leurs financeurs et partenaires "
                "dans des termes que ceux-ci comprennent. Confronter le vocabulaire "
                "anglais de l'impact social et de la valeur sociale à la notion "
                "française d'utilité sociale a aidé chacun à affûter ses arguments.",
                "Les groupes de travail qui associent collectivités et acteurs de "
                "l'ESS produisent des définitions que les financeurs reprennent plus "
                "volontiers, puisqu'ils ont contribué à les écrire.",
            ),
        ),
        "legacy": L(
            html(
                "The cooperation continued in another Interreg project, FEED, on "
                "citizen finance. The guides on impact evaluation and social utility "
                "remain practical starting points for SSE networks and local "
                "authorities."
            ),
            html(
                "La coopération s'est prolongée dans un autre projet Interreg, FEED, "
                "consacré au financement citoyen. Les guides sur l'évaluation d'impact "
                "et l'utilité sociale restent des points de départ concrets pour les "
                "réseaux de l'ESS et les collectivités."
            ),
        ),
    },
}

CASE_STUDIES = [IMPACT_VALUESS]
