"""Upcoming exchange days, open for registration, dated from the first load."""

from .events import INTERPRETATION, LONDON, PARIS, agenda, upcoming
from .text import L, html, ul


def upcoming_events():
    rennes = upcoming(
        "event-landlords-day",
        L("landlords-and-employment-exchange-day", "journee-bailleurs-et-emploi"),
        L(
            "Social landlords as employment allies: cross-Channel exchange day",
            "Les bailleurs sociaux, alliés de l'emploi : journée d'échange transmanche",
        ),
        PARIS,
        30,
        case_study="increase",
        organisers=["hub-team"],
        fields={
            "summary": L(
                "A day in Rennes for landlords, employment advisers and local "
                "authorities to work through the lessons of INCREASE: reaching "
                "'invisible' tenants, community ambassadors, business creation.",
                "Une journée à Rennes pour bailleurs, conseillers emploi et "
                "collectivités autour des enseignements d'INCREASE : toucher les "
                "locataires « invisibles », ambassadeurs communautaires, création "
                "d'activité.",
            ),
            "event_format": "in_person",
            "venue": L(
                "Venue in central Rennes (details sent on registration)",
                "Lieu au centre de Rennes (précisé à l'inscription)",
            ),
            "city": "Rennes",
            "country": "FR",
            "languages": "fr-en",
            "interpretation": INTERPRETATION,
            "capacity": 15,
            "travel_places": 10,
            "description": L(
                html(
                    "INCREASE Valorisation Sociale showed that social landlords can "
                    "reach residents that employment services miss. This exchange day "
                    "brings practitioners from both sides of the Channel together to "
                    "turn that experience into plans for their own areas.",
                    "Who should come:",
                    ul(
                        "social landlords' community and employment teams;",
                        "employment and inclusion advisers;",
                        "business-creation services and local authorities.",
                    ),
                    "Ten subsidised travel places are reserved for participants coming "
                    "from England. Places are limited to 15 to keep the workshops "
                    "small; a waiting list opens when the day is full.",
                ),
                html(
                    "INCREASE Valorisation Sociale a montré que les bailleurs sociaux "
                    "peuvent toucher des habitants que les services de l'emploi ne "
                    "voient pas. Cette journée réunit des praticiens des deux côtés de "
                    "la Manche pour transformer cette expérience en projets pour leurs "
                    "propres territoires.",
                    "Pour qui :",
                    ul(
                        "les équipes emploi et proximité des bailleurs sociaux ;",
                        "les conseillers emploi et insertion ;",
                        "les services d'aide à la création et les collectivités.",
                    ),
                    "Dix places de voyage prises en charge sont réservées aux "
                    "participants venant d'Angleterre. La jauge est limitée à 15 pour "
                    "garder des ateliers en petit groupe ; une liste d'attente s'ouvre "
                    "quand la journée est complète.",
                ),
            ),
            "agenda": L(
                agenda(
                    ("09:30", "Welcome and coffee", ""),
                    (
                        "10:00",
                        "What INCREASE learned: landlords as go-betweens",
                        "Hub editorial team",
                    ),
                    (
                        "11:00",
                        "Workshop: recruiting and supporting community ambassadors",
                        "",
                    ),
                    ("12:30", "Lunch", ""),
                    ("14:00", "Workshop: business creation on the estate", ""),
                    ("16:00", "Action plans and close", ""),
                ),
                agenda(
                    ("09:30", "Accueil café", ""),
                    (
                        "10:00",
                        "Les enseignements d'INCREASE : le bailleur intermédiaire",
                        "Équipe éditoriale du hub",
                    ),
                    ("11:00", "Atelier : recruter et accompagner des ambassadeurs", ""),
                    ("12:30", "Déjeuner", ""),
                    ("14:00", "Atelier : la création d'activité dans le quartier", ""),
                    ("16:00", "Plans d'action et clôture", ""),
                ),
            ),
        },
    )
    exeter = upcoming(
        "event-social-value-workshop",
        L(
            "social-value-and-social-utility-workshop",
            "atelier-valeur-sociale-utilite-sociale",
        ),
        L(
            "Social value and social utility: Franco-English workshop",
            "Valeur sociale et utilité sociale : atelier franco-anglais",
        ),
        LONDON,
        45,
        case_study="impact-valuess",
        organisers=["hub-team"],
        end=(16, 30),
        fields={
            "summary": L(
                "A hybrid workshop in Exeter for social-economy organisations and "
                "local authorities on showing impact, building on the Impact & ValuESS "
                "guides.",
                "Un atelier hybride à Exeter pour les structures de l'ESS et les "
                "collectivités sur la démonstration de l'impact, dans le prolongement "
                "des guides d'Impact & ValuESS.",
            ),
            "event_format": "hybrid",
            "venue": L(
                "Venue in Exeter (details sent on registration)",
                "Lieu à Exeter (précisé à l'inscription)",
            ),
            "city": "Exeter",
            "country": "GB",
            "languages": "fr-en",
            "interpretation": INTERPRETATION,
            "capacity": 12,
            "travel_places": 10,
            "description": L(
                html(
                    "How do you show a funder what your organisation changes? English "
                    "organisations talk about social value, French ones about social "
                    "utility. This workshop compares both and helps each participant "
                    "draft three indicators for their own work.",
                    "Times are in UK time (one hour behind France). Ten travel places "
                    "are offered to participants from France; online participants "
                    "follow the morning sessions.",
                ),
                html(
                    "Comment montrer à un financeur ce que votre structure change ? "
                    "Les Anglais parlent de valeur sociale, les Français d'utilité "
                    "sociale. Cet atelier compare les deux approches et aide chaque "
                    "participant à rédiger trois indicateurs pour sa propre activité.",
                    "Les horaires sont à l'heure britannique (une heure de moins qu'en "
                    "France). Dix places de voyage sont proposées aux participants "
                    "venant de France ; les participants à distance suivent la "
                    "matinée.",
                ),
            ),
            "agenda": L(
                agenda(
                    ("09:30", "Welcome", ""),
                    ("10:00", "Social value and social utility compared", ""),
                    ("11:30", "Choosing indicators that funders read", ""),
                    ("14:00", "Peer review of participants' indicators", ""),
                ),
                agenda(
                    ("09:30", "Accueil", ""),
                    ("10:00", "Valeur sociale et utilité sociale comparées", ""),
                    ("11:30", "Choisir des indicateurs lus par les financeurs", ""),
                    ("14:00", "Relecture croisée des indicateurs des participants", ""),
                ),
            ),
        },
    )
    caen = upcoming(
        "event-third-places-visit",
        L("third-places-study-visit", "visite-etude-tiers-lieux"),
        L(
            "Third places and remobilisation: study visit in the Caen area",
            "Tiers-lieux et remobilisation : visite d'étude dans l'agglomération "
            "caennaise",
        ),
        PARIS,
        60,
        case_study="territoires-partages",
        organisers=["hub-team"],
        fields={
            "summary": L(
                "A study visit to the third places of Territoires partagés to see how "
                "inclusion organisations and cultural venues work together.",
                "Une visite d'étude dans les tiers-lieux de Territoires partagés pour "
                "voir comment structures d'insertion et lieux culturels coopèrent.",
            ),
            "event_format": "in_person",
            "venue": "Le WIP",
            "city": "Colombelles",
            "country": "FR",
            "languages": "fr-en",
            "interpretation": L(
                "Whispered interpretation into English",
                "Interprétation chuchotée vers l'anglais",
            ),
            "capacity": 15,
            "travel_places": 10,
            "description": L(
                html(
                    "Participants spend the day between third places of the Caen area "
                    "to see remobilisation activities and discuss them with inclusion "
                    "advisers and venue teams. The visit suits practitioners who want "
                    "to start a similar partnership at home.",
                    "A coach links the venues; ten travel places are reserved for "
                    "participants from England.",
                ),
                html(
                    "Les participants passent la journée entre des tiers-lieux de "
                    "l'agglomération caennaise pour découvrir les actions de "
                    "remobilisation et en discuter avec les conseillers en insertion "
                    "et les équipes des lieux. La visite s'adresse aux praticiens qui "
                    "veulent lancer un partenariat semblable chez eux.",
                    "Un car relie les lieux ; dix places de voyage sont réservées aux "
                    "participants venant d'Angleterre.",
                ),
            ),
            "agenda": L(
                agenda(
                    ("09:30", "Welcome at Le WIP", ""),
                    ("10:30", "Territoires partagés: how the alliance works", ""),
                    ("14:00", "Visit of a second third place", ""),
                    ("16:00", "Discussion: transferring the approach", ""),
                ),
                agenda(
                    ("09:30", "Accueil au WIP", ""),
                    (
                        "10:30",
                        "Territoires partagés : le fonctionnement de l'alliance",
                        "",
                    ),
                    ("14:00", "Visite d'un deuxième tiers-lieu", ""),
                    ("16:00", "Échange : transférer la démarche", ""),
                ),
            ),
        },
    )
    return [rennes, exeter, caen]
