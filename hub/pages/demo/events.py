"""Events: the two historical Impact & ValuESS events and upcoming exchange days.

Upcoming dates are computed from the day the demo is first loaded; later runs keep them
(see ``preserve``), so loading the demo again never moves an event.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from hub.events.models import EventPage

from .text import L, html

PARIS = "Europe/Paris"
LONDON = "Europe/London"
DATES = ["start", "end", "registration_opens_at", "registration_closes_at"]
INTERPRETATION = L(
    "Simultaneous interpretation French-English",
    "Interprétation simultanée français-anglais",
)


def at(day, hour, minute, zone):
    return datetime.datetime.combine(day, datetime.time(hour, minute), ZoneInfo(zone))


def agenda(*items):
    """Agenda blocks from (time "HH:MM", title, speakers) tuples."""
    return [
        ("item", {"time": f"{time}:00", "title": title, "speakers": speakers})
        for time, title, speakers in items
    ]


def event(key, slug, title, zone, day, *, case_study, organisers, fields, end=(17, 0)):
    return {
        "key": key,
        "model": EventPage,
        "slug": slug,
        "title": title,
        "preserve": DATES,
        "page_fks": {"related_case_study": case_study},
        "term_m2m": {"organisers": ("organisation", organisers)},
        "fields": {
            "start": at(day, 9, 30, zone),
            "end": at(day, *end, zone),
            "time_zone": zone,
            **fields,
        },
    }


def working_day(day):
    """The first weekday on or after ``day``, skipping 24 December to 1 January."""

    def holiday(d):
        return (d.month, d.day) >= (12, 24) or (d.month, d.day) == (1, 1)

    while day.weekday() >= 5 or holiday(day):
        day += datetime.timedelta(days=1)
    return day


def upcoming(key, slug, title, zone, days, **kwargs):
    now = timezone.now()
    day = working_day(
        now.astimezone(ZoneInfo(zone)).date() + datetime.timedelta(days=days)
    )
    spec = event(key, slug, title, zone, day, **kwargs)
    spec["fields"]["registration_opens_at"] = now - datetime.timedelta(days=1)
    spec["fields"]["registration_closes_at"] = spec["fields"][
        "start"
    ] - datetime.timedelta(days=2)
    return spec


APPROXIMATE = L(
    "<p><i>The sources give only the season and the country: the date and the city "
    "shown are approximate.</i></p>",
    "<p><i>Les sources ne précisent que la saison et le pays : la date et la ville "
    "indiquées sont approximatives.</i></p>",
)
IV_ORGANISERS = ["reso-solidaire", "adess-pays-de-brest", "south-west-forum"]


def historical():
    exeter = event(
        "event-exeter-2014",
        "impact-valuess-exeter-2014",
        L(
            "Impact & ValuESS cross-border meeting in England",
            "Rencontre transfrontalière Impact & ValuESS en Angleterre",
        ),
        LONDON,
        datetime.date(2014, 5, 15),
        case_study="impact-valuess",
        organisers=IV_ORGANISERS,
        fields={
            "summary": L(
                "The first of the two Impact & ValuESS events, in spring 2014: "
                "workshops, training, visits of social enterprises and networking, "
                "with up to 15 travel places for participants from Brittany.",
                "Le premier des deux événements Impact & ValuESS, au printemps 2014 : "
                "ateliers, formations, visites d'entreprises sociales et réseautage, "
                "avec jusqu'à 15 places de voyage pour les participants bretons.",
            ),
            "event_format": "in_person",
            "venue": L(
                "Exeter, South West England", "Exeter, sud-ouest de l'Angleterre"
            ),
            "city": "Exeter",
            "country": "GB",
            "languages": "fr-en",
            "travel_places": 15,
            "capacity": 0,
            "description": L(
                html(
                    "South West Forum hosted French social-economy players for a day "
                    "of workshops, training, visits of local organisations and "
                    "networking. The partners also presented the first results of the "
                    "studies on impact evaluation and social utility.",
                    "Between 10 and 15 people from Brittany could make the trip.",
                )
                + APPROXIMATE["en"],
                html(
                    "South West Forum a accueilli des acteurs français de l'ESS pour "
                    "une journée d'ateliers, de formations, de visites de structures "
                    "et de réseautage. Les partenaires y ont aussi présenté les "
                    "premiers résultats des études sur l'évaluation d'impact et "
                    "l'utilité sociale.",
                    "Entre 10 et 15 personnes de Bretagne ont pu faire le voyage.",
                )
                + APPROXIMATE["fr"],
            ),
            "agenda": L(
                agenda(
                    ("09:30", "Welcome and introductions", "South West Forum"),
                    (
                        "10:00",
                        "Impact evaluation: first study results",
                        "Réso solidaire",
                    ),
                    ("11:30", "Workshops on social marketing and partnerships", ""),
                    ("14:00", "Visits of local social enterprises", ""),
                    ("16:30", "Networking", ""),
                ),
                agenda(
                    ("09:30", "Accueil et présentations", "South West Forum"),
                    (
                        "10:00",
                        "Évaluation d'impact : premiers résultats",
                        "Réso solidaire",
                    ),
                    ("11:30", "Ateliers marketing social et partenariats", ""),
                    ("14:00", "Visites d'entreprises sociales", ""),
                    ("16:30", "Réseautage", ""),
                ),
            ),
        },
    )
    rennes = event(
        "event-rennes-2014",
        "impact-valuess-rennes-2014",
        L(
            "Impact & ValuESS cross-border meeting in France",
            "Rencontre transfrontalière Impact & ValuESS en France",
        ),
        PARIS,
        datetime.date(2014, 10, 16),
        case_study="impact-valuess",
        organisers=IV_ORGANISERS,
        fields={
            "summary": L(
                "The second Impact & ValuESS event, in autumn 2014 in Brittany, where "
                "the partners shared the outcomes of the studies and guides.",
                "Le second événement Impact & ValuESS, à l'automne 2014 en Bretagne, "
                "où les partenaires ont partagé les résultats des études et des "
                "guides.",
            ),
            "event_format": "in_person",
            "venue": "Rennes",
            "city": "Rennes",
            "country": "FR",
            "languages": "fr-en",
            "travel_places": 0,
            "capacity": 0,
            "description": L(
                html(
                    "English partners came to Brittany for workshops, training, visits "
                    "and exchanges of practice, and for the presentation of the "
                    "project's outputs on impact evaluation, social utility and "
                    "partnerships."
                )
                + APPROXIMATE["en"],
                html(
                    "Les partenaires anglais sont venus en Bretagne pour des ateliers, "
                    "des formations, des visites et des échanges de pratiques, et pour "
                    "la présentation des productions du projet sur l'évaluation "
                    "d'impact, l'utilité sociale et les partenariats."
                )
                + APPROXIMATE["fr"],
            ),
            "agenda": L(
                agenda(
                    ("09:30", "Welcome", "Réso solidaire"),
                    (
                        "10:00",
                        "Social utility: the Franco-English guide",
                        "Working groups",
                    ),
                    ("14:00", "Visits of Rennes social-economy organisations", ""),
                ),
                agenda(
                    ("09:30", "Accueil", "Réso solidaire"),
                    (
                        "10:00",
                        "Utilité sociale : le guide franco-anglais",
                        "Groupes de travail",
                    ),
                    ("14:00", "Visites de structures de l'ESS rennaises", ""),
                ),
            ),
        },
    )
    return [exeter, rennes]


def event_specs():
    from .events_upcoming import upcoming_events

    return historical() + upcoming_events()
