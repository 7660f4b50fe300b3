"""Field actions of Impact & ValuESS: the three work strands of 2013-2014."""

import datetime

from .text import SRC_RESO, L, action, fig, html, ul

RESO = "https://www.resosolidaire.org/"
PERIOD = {
    "start_date": datetime.date(2013, 10, 1),
    "end_date": datetime.date(2014, 12, 31),
}
PARTNERS = [
    ("reso-solidaire", "lead"),
    ("adess-pays-de-brest", "partner"),
    ("south-west-forum", "partner"),
]
NOT_PUBLISHED = L(
    "Not published; part of the Impact & ValuESS budget (Interreg IV A, Brittany "
    "Regional Council, Ille-et-Vilaine).",
    "Non publié ; inclus dans le budget d'Impact & ValuESS (Interreg IV A, Région "
    "Bretagne, Département d'Ille-et-Vilaine).",
)
TERRITORY = L(
    "Brittany and South West England", "Bretagne et sud-ouest de l'Angleterre"
)

STUDY = action(
    "impact-evaluation-study",
    "impact-valuess",
    L("impact-evaluation-study", "etude-evaluation-impact"),
    L(
        "Study of impact-evaluation practice in the social economy",
        "Étude des pratiques d'évaluation d'impact dans l'ESS",
    ),
    kind="study",
    territory=TERRITORY,
    **PERIOD,
    themes=["social-impact-evaluation", "cross-border-cooperation"],
    target_groups=["sse-organisations"],
    regions=["bretagne", "south-west-england"],
    partners=PARTNERS,
    contact_url=RESO,
    cost=NOT_PUBLISHED,
    summary=L(
        "A cross-border study of whether and how social-economy organisations use "
        "impact-evaluation methods, feeding a good-practice guide and a testimony "
        "film.",
        "Une étude transfrontalière sur l'usage des méthodes d'évaluation d'impact par "
        "les structures de l'ESS, qui nourrit un guide de bonnes pratiques et un film "
        "de témoignages.",
    ),
    description=L(
        html(
            "Funders increasingly ask social-economy organisations to prove their "
            "impact, but few organisations know which methods exist or what they cost. "
            "The first strand of Impact & ValuESS asked organisations in Brittany and "
            "in South West England what they actually do.",
            "The study combined questionnaires, case studies and analysis. Its "
            "findings fed two outputs meant to inform debate and action: a "
            "good-practice guide and a film of French and British testimonies.",
        ),
        html(
            "Les financeurs demandent de plus en plus aux structures de l'ESS de "
            "prouver leur impact, mais peu d'entre elles savent quelles méthodes "
            "existent et ce qu'elles coûtent. Le premier axe d'Impact & ValuESS a "
            "interrogé les structures de Bretagne et du sud-ouest de l'Angleterre sur "
            "leurs pratiques réelles.",
            "L'étude a combiné questionnaires, études de cas et analyse. Ses résultats "
            "ont nourri deux productions destinées à susciter le débat et l'action : "
            "un guide de bonnes pratiques et un film de témoignages "
            "franco-britanniques.",
        ),
    ),
    steps=L(
        [
            (
                "Frame the questions",
                html("Which methods, for whom, at what cost, with what use?"),
            ),
            (
                "Survey widely",
                html("A short questionnaire sent through the SSE networks."),
            ),
            (
                "Go deeper with case studies",
                html("Interview a handful of organisations per country."),
            ),
            (
                "Share the results",
                html("A guide for practitioners and short testimony videos."),
            ),
        ],
        [
            (
                "Cadrer les questions",
                html("Quelles méthodes, pour qui, à quel coût, pour quel usage ?"),
            ),
            (
                "Interroger largement",
                html("Un questionnaire court diffusé par les réseaux de l'ESS."),
            ),
            (
                "Approfondir par des études de cas",
                html("Quelques structures par pays en entretien."),
            ),
            (
                "Partager",
                html(
                    "Un guide pour les praticiens et de courtes vidéos de témoignages."
                ),
            ),
        ],
    ),
    resources=L(
        html(
            ul("a researcher or project officer per country;", "network mailing lists.")
        ),
        html(
            ul("un chargé d'étude par pays ;", "les listes de diffusion des réseaux.")
        ),
    ),
)

WORKING_GROUPS = action(
    "social-utility-working-groups",
    "impact-valuess",
    L("social-utility-working-groups", "groupes-travail-utilite-sociale"),
    L("Social-utility working groups", "Groupes de travail sur l'utilité sociale"),
    kind="networking",
    territory=TERRITORY,
    **PERIOD,
    themes=["social-utility", "cross-border-cooperation"],
    target_groups=["sse-organisations", "local-authorities"],
    regions=["bretagne", "south-west-england"],
    partners=PARTNERS,
    contact_url=RESO,
    cost=NOT_PUBLISHED,
    outcomes=[
        fig(
            L("Local working groups", "Groupes de travail locaux"),
            2,
            L("groups (1 FR, 1 EN)", "groupes (1 FR, 1 EN)"),
            source=SRC_RESO,
        )
    ],
    summary=L(
        "Two local groups, one in France and one in England, where local authorities "
        "and social-economy players compared how they define and take social utility "
        "into account.",
        "Deux groupes locaux, l'un en France, l'autre en Angleterre, où collectivités "
        "et acteurs de l'ESS ont comparé leurs définitions et leurs manières de "
        "prendre en compte l'utilité sociale.",
    ),
    description=L(
        html(
            "Social utility is a French notion with no exact English equivalent; in "
            "England the debate is framed in terms of social value. Each group brought "
            "together local-authority officers and SSE organisations to review "
            "existing definitions and practices through case studies and exchanges.",
            "The two groups compared their conclusions and wrote a Franco-English "
            "guide on good practice in social utility.",
        ),
        html(
            "L'utilité sociale est une notion française sans équivalent exact en "
            "anglais ; en Angleterre, le débat porte sur la valeur sociale. Chaque "
            "groupe a réuni des agents de collectivités et des structures de l'ESS "
            "pour passer en revue définitions et pratiques, par des études de cas et "
            "des échanges.",
            "Les deux groupes ont confronté leurs conclusions et rédigé un guide "
            "franco-anglais des bonnes pratiques en matière d'utilité sociale.",
        ),
    ),
    steps=L(
        [
            (
                "Invite both sides",
                html("Elected officials or officers and SSE organisations."),
            ),
            (
                "Collect local definitions",
                html("Grant criteria, public procurement, charters."),
            ),
            ("Study real cases", html("Three or four projects discussed in depth.")),
            (
                "Compare across the border",
                html("A joint session to contrast the two systems."),
            ),
        ],
        [
            ("Inviter les deux mondes", html("Élus ou agents et structures de l'ESS.")),
            (
                "Recenser les définitions locales",
                html("Critères de subvention, marchés, chartes."),
            ),
            (
                "Étudier des cas réels",
                html("Trois ou quatre projets discutés en détail."),
            ),
            (
                "Comparer par-delà la frontière",
                html("Une séance commune pour confronter les systèmes."),
            ),
        ],
    ),
    resources=L(
        html(ul("a facilitator per group;", "interpreting for the joint session.")),
        html(
            ul(
                "un animateur par groupe ;",
                "une interprétation pour la séance commune.",
            )
        ),
    ),
)

MARKETING_DAY = action(
    "social-marketing-training-day",
    "impact-valuess",
    L("social-marketing-training-day-england", "journee-marketing-social-angleterre"),
    L(
        "Social-marketing and partnerships training day in England",
        "Journée de formation au marketing social et aux partenariats en Angleterre",
    ),
    kind="training",
    territory=L("England", "Angleterre"),
    **PERIOD,
    themes=["patronage-partnerships", "cross-border-cooperation"],
    target_groups=["sse-organisations"],
    regions=["south-west-england"],
    partners=PARTNERS,
    contact_url=RESO,
    cost=NOT_PUBLISHED,
    summary=L(
        "A day in England to train work-integration enterprises in social marketing "
        "and partnership building, and to exchange experience with English peers.",
        "Une journée en Angleterre pour former les structures de l'insertion par "
        "l'activité économique au marketing social et aux partenariats, et échanger "
        "avec leurs homologues anglais.",
    ),
    description=L(
        html(
            "Work-integration enterprises sell goods and services while employing "
            "people far from work. Marketing that social mission to customers and "
            "partners is a skill English social enterprises have developed for years.",
            "The third strand of Impact & ValuESS organised a training and exchange "
            "day in England on social marketing and partnerships, so that French "
            "organisations could learn from those practices first hand.",
        ),
        html(
            "Les structures d'insertion par l'activité économique vendent des biens et "
            "des services tout en employant des personnes éloignées de l'emploi. "
            "Valoriser cette mission sociale auprès des clients et partenaires est un "
            "savoir-faire que les entreprises sociales anglaises cultivent depuis "
            "longtemps.",
            "Le troisième axe d'Impact & ValuESS a organisé en Angleterre une journée "
            "de formation et d'échanges sur le marketing social et les partenariats, "
            "pour que les structures françaises découvrent ces pratiques sur le "
            "terrain.",
        ),
    ),
    steps=L(
        [
            ("Select participants", html("Managers of work-integration enterprises.")),
            (
                "Pair with hosts",
                html("English social enterprises with a similar activity."),
            ),
            ("Mix input and visits", html("Morning training, afternoon visits.")),
            ("Follow up", html("A debrief at home and a shared action plan.")),
        ],
        [
            (
                "Choisir les participants",
                html("Des dirigeants de structures d'insertion."),
            ),
            (
                "Trouver des hôtes",
                html("Des entreprises sociales anglaises d'activité proche."),
            ),
            (
                "Alterner apports et visites",
                html("Formation le matin, visites l'après-midi."),
            ),
            (
                "Assurer le suivi",
                html("Un retour collectif et un plan d'action partagé."),
            ),
        ],
    ),
    resources=L(
        html(ul("travel places;", "a trainer;", "interpreting.")),
        html(ul("des places de voyage ;", "un formateur ;", "une interprétation.")),
    ),
)

PATRONAGE = action(
    "patronage-training",
    "impact-valuess",
    L("patronage-and-partnerships-training", "formation-mecenat-partenariats"),
    L(
        "Patronage and partnership training for SSE support organisations",
        "Formation au mécénat et aux partenariats pour les structures d'accompagnement "
        "de l'ESS",
    ),
    kind="training",
    territory=L("Brittany", "Bretagne"),
    **PERIOD,
    themes=["patronage-partnerships"],
    target_groups=["sse-organisations"],
    regions=["bretagne"],
    partners=PARTNERS,
    contact_url=RESO,
    cost=NOT_PUBLISHED,
    summary=L(
        "Training for the organisations that support social-economy projects, so they "
        "can help those projects find sponsors and build partnerships with business.",
        "Une formation pour les structures qui accompagnent les projets de l'ESS, afin "
        "qu'elles les aident à trouver des mécènes et à nouer des partenariats avec "
        "les entreprises.",
    ),
    description=L(
        html(
            "Support organisations are the multipliers of the social economy: training "
            "them reaches many projects at once. This course covered patronage and "
            "partnership building with companies, to help diversify resources beyond "
            "public grants."
        ),
        html(
            "Les structures d'accompagnement démultiplient l'effet de toute action : "
            "les former, c'est toucher de nombreux projets à la fois. Cette formation "
            "portait sur le mécénat et la construction de partenariats avec les "
            "entreprises, pour diversifier les ressources au-delà des subventions."
        ),
    ),
    steps=L(
        [
            (
                "Identify the multipliers",
                html("Networks, incubators and local SSE hubs."),
            ),
            (
                "Teach the basics",
                html("Tax rules of patronage, partnership agreements."),
            ),
            ("Practise", html("Role-play a meeting with a company.")),
        ],
        [
            (
                "Identifier les relais",
                html("Réseaux, incubateurs et pôles locaux de l'ESS."),
            ),
            (
                "Transmettre les bases",
                html("Cadre fiscal du mécénat, conventions de partenariat."),
            ),
            ("S'exercer", html("Simuler un rendez-vous avec une entreprise.")),
        ],
    ),
    resources=L(
        html(ul("a trainer with corporate-partnership experience.")),
        html(ul("un formateur expérimenté en partenariats d'entreprise.")),
    ),
)

ACTIONS = [STUDY, WORKING_GROUPS, MARKETING_DAY, PATRONAGE]
