"""INCREASE Valorisation Sociale field actions rooted in the neighbourhoods: food
businesses and community ambassadors."""

from .actions_increase import NOT_PUBLISHED, PERIOD
from .text import SRC_SHEET, L, action, fig, html, ul

FOURNEAUX = action(
    "rennes-aux-fourneaux",
    "increase",
    L("rennes-aux-fourneaux", "rennes-aux-fourneaux"),
    L(
        "Rennes aux Fourneaux: support for food micro-businesses",
        "Rennes aux Fourneaux : accompagner les micro-entreprises de la restauration",
    ),
    kind="business_creation",
    territory="Rennes",
    **PERIOD,
    themes=["entrepreneurship", "skills-training"],
    target_groups=["social-housing-residents", "micro-entrepreneurs"],
    regions=["bretagne"],
    partners=[
        ("we-ker", "delivery"),
        ("archipel-habitat", "partner"),
        ("neotoa", "partner"),
    ],
    contact_url="https://www.we-ker.org/",
    cost=NOT_PUBLISHED,
    summary=L(
        "A programme for residents who want to start a food business (catering, street "
        "food, home cooking) as a micro-enterprise, combining training, professional "
        "integration and the local economy.",
        "Un parcours pour les habitants qui veulent lancer une micro-entreprise dans "
        "la restauration (traiteur, cuisine de rue, cuisine à domicile), associant "
        "formation, insertion professionnelle et économie locale.",
    ),
    description=L(
        html(
            "Cooking is a skill many residents already have, and food is one of the "
            "most common ideas for a first business in a deprived neighbourhood. It is "
            "also a trade with demanding rules on hygiene, premises and pricing.",
            "<i>Rennes aux Fourneaux</i> supports would-be food entrepreneurs from "
            "idea to first customers, and links them with local markets, events and "
            "businesses. It is one of the INCREASE actions that mix training, "
            "integration and the local economy.",
        ),
        html(
            "La cuisine est un savoir-faire que beaucoup d'habitants possèdent déjà, "
            "et la restauration est l'une des idées de première entreprise les plus "
            "fréquentes dans les quartiers. C'est aussi un métier aux règles "
            "exigeantes en matière d'hygiène, de locaux et de prix.",
            "<i>Rennes aux Fourneaux</i> accompagne les futurs entrepreneurs de la "
            "restauration de l'idée aux premiers clients, et les relie aux marchés, "
            "événements et entreprises du territoire. C'est l'une des actions "
            "d'INCREASE qui associent formation, insertion et économie locale.",
        ),
    ),
    steps=L(
        [
            (
                "Gather project holders",
                html("Open information sessions in the neighbourhoods."),
            ),
            (
                "Cover the rules early",
                html("Food hygiene training, legal status, insurance and pricing."),
            ),
            (
                "Test in real conditions",
                html(
                    "Pop-up stalls at markets and neighbourhood events, or a shared "
                    "kitchen, before any investment."
                ),
            ),
            (
                "Follow up after launch",
                html("Pair each new business with a business-creation adviser."),
            ),
        ],
        [
            (
                "Réunir les porteurs de projet",
                html("Réunions d'information dans les quartiers."),
            ),
            (
                "Aborder tôt la réglementation",
                html("Formation à l'hygiène alimentaire, statut, assurance et prix."),
            ),
            (
                "Tester en conditions réelles",
                html(
                    "Stands éphémères sur les marchés et fêtes de quartier, ou cuisine "
                    "partagée, avant tout investissement."
                ),
            ),
            (
                "Suivre après le lancement",
                html("Associer chaque nouvelle entreprise à un conseiller création."),
            ),
        ],
    ),
    resources=L(
        html(
            ul(
                "a business-creation adviser;",
                "access to a certified kitchen;",
                "hygiene training.",
            )
        ),
        html(
            ul(
                "un conseiller en création d'entreprise ;",
                "l'accès à une cuisine aux normes ;",
                "une formation à l'hygiène.",
            )
        ),
    ),
)

AMBASSADORS = action(
    "community-ambassadors",
    "increase",
    L("community-ambassadors", "ambassadeurs-communautaires"),
    L("Community ambassadors", "Ambassadeurs communautaires"),
    kind="community_ambassadors",
    territory=L(
        "The 38 INCREASE neighbourhoods in France and England",
        "Les 38 quartiers INCREASE en France et en Angleterre",
    ),
    **PERIOD,
    themes=["community-engagement", "social-housing", "entrepreneurship"],
    target_groups=["social-housing-residents", "micro-entrepreneurs"],
    regions=["bretagne", "normandie", "hauts-de-france", "south-east-england"],
    partners=[
        ("optivo-southern-housing", "lead"),
        ("archipel-habitat", "partner"),
        ("neotoa", "partner"),
        ("pas-de-calais-habitat", "partner"),
        ("logirep", "partner"),
        ("inco", "partner"),
    ],
    contact_url="https://www.southernhousing.org.uk/",
    cost=NOT_PUBLISHED,
    summary=L(
        "Residents who relay the project in every neighbourhood: they mobilise future "
        "participants and keep supporting micro-entrepreneurs after the funding ends.",
        "Des habitants qui relaient le projet dans chaque quartier : ils mobilisent "
        "les futurs participants et continuent de soutenir les micro-entrepreneurs "
        "après la fin du financement.",
    ),
    outcomes=[
        fig(
            L("Neighbourhoods with ambassadors", "Quartiers dotés d'ambassadeurs"),
            38,
            L("neighbourhoods", "quartiers"),
            source=SRC_SHEET,
        )
    ],
    description=L(
        html(
            "Community ambassadors are the project's answer to two questions: how to "
            "reach residents who do not trust institutions, and how to keep the work "
            "going once the project team has gone.",
            "In each neighbourhood, residents, often former participants, are trained "
            "to talk about the offer, bring neighbours to sessions and keep in touch "
            "with new micro-entrepreneurs. They rely on the network of outside "
            "organisations built during INCREASE. The project sheet calls them "
            "indispensable relays for effective mobilisation and continuous support.",
        ),
        html(
            "Les ambassadeurs communautaires répondent à deux questions : comment "
            "toucher les habitants qui se méfient des institutions, et comment faire "
            "durer l'action une fois l'équipe projet partie.",
            "Dans chaque quartier, des habitants, souvent d'anciens participants, sont "
            "formés pour parler de l'offre, amener leurs voisins aux séances et garder "
            "le contact avec les nouveaux micro-entrepreneurs. Ils s'appuient sur le "
            "réseau d'intervenants extérieurs constitué pendant INCREASE. La fiche "
            "projet les décrit comme des relais indispensables de mobilisation et de "
            "soutien continu.",
        ),
    ),
    steps=L(
        [
            (
                "Spot the natural relays",
                html("Ask caretakers and staff who people listen to."),
            ),
            (
                "Define the role",
                html(
                    "A short written role: what ambassadors do, how often, with what "
                    "support."
                ),
            ),
            (
                "Train and equip",
                html("Training on the offer, listening and referral; a contact list."),
            ),
            (
                "Recognise their work",
                html("Regular meetings, visibility and, where possible, compensation."),
            ),
        ],
        [
            (
                "Repérer les relais naturels",
                html(
                    "Demander aux gardiens et aux équipes qui les habitants écoutent."
                ),
            ),
            (
                "Définir le rôle",
                html(
                    "Une fiche courte : ce que fait l'ambassadeur, à quel rythme, avec "
                    "quel appui."
                ),
            ),
            (
                "Former et outiller",
                html(
                    "Formation à l'offre, à l'écoute et à l'orientation ; un annuaire."
                ),
            ),
            (
                "Reconnaître leur engagement",
                html(
                    "Rencontres régulières, visibilité et, si possible, indemnisation."
                ),
            ),
        ],
    ),
    resources=L(
        html(
            ul(
                "a coordinator at the landlord;",
                "a small budget for meetings and expenses.",
            )
        ),
        html(
            ul(
                "un coordinateur chez le bailleur ;",
                "un petit budget pour les rencontres et frais.",
            )
        ),
    ),
)

ACTIONS = [FOURNEAUX, AMBASSADORS]
