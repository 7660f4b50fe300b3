"""Case study: Territoires partagés (100 % inclusion, French skills investment plan)."""

from hub.practices.models import CaseStudyPage

from .text import PERCENT, SRC_DOME, L, fig, html, partner, ul

TP_ORGS = [
    ("amis-de-jean-bosco", "partner"),
    ("cap-sport", "partner"),
    ("e2c-normandie", "partner"),
    ("la-cravate-solidaire", "partner"),
    ("cafe-des-images", "partner"),
    ("le-dome", "partner"),
    ("le-wip", "partner"),
]

TERRITOIRES_PARTAGES = {
    "key": "territoires-partages",
    "model": CaseStudyPage,
    "slug": "territoires-partages",
    "title": L("Territoires partagés (Shared territories)", "Territoires partagés"),
    "themes": ["employment", "skills-training", "third-places", "community-engagement"],
    "target_groups": [
        "low-qualified-job-seekers",
        "young-people-16-25",
        "long-term-job-seekers",
        "people-with-disabilities",
    ],
    "regions": ["normandie"],
    "term_fks": {"programme": ("programme", "100-percent-inclusion")},
    "partners": (
        "partners",
        [
            partner(
                org,
                role,
                "Inclusion partner." if kind == "inc" else "Partner third place.",
                "Partenaire de l'insertion."
                if kind == "inc"
                else "Tiers-lieu partenaire.",
            )
            for (org, role), kind in zip(TP_ORGS, ["inc"] * 4 + ["tl"] * 3, strict=True)
        ]
        + [
            partner(
                "banque-des-territoires",
                "co_funder",
                "Operator of the 100 % inclusion call for projects.",
                "Opérateur de l'appel à projets 100 % inclusion.",
            ),
            partner(
                "ansa", "evaluator", "Continuous evaluation.", "Évaluation continue."
            ),
            partner(
                "nimec", "evaluator", "Continuous evaluation.", "Évaluation continue."
            ),
        ],
    ),
    "fields": {
        "summary": L(
            "A three-year experiment in the Caen area that pairs four inclusion "
            "organisations with three third places to remobilise low-qualified job "
            "seekers and young people far from work and training.",
            "Une expérimentation de trois ans dans l'agglomération caennaise qui "
            "associe quatre structures d'insertion et trois tiers-lieux pour "
            "remobiliser les demandeurs d'emploi peu qualifiés et les jeunes éloignés "
            "de l'emploi et de la formation.",
        ),
        "status": "completed",
        "key_figures": [
            (
                "key_figure",
                fig(
                    L("Participants", "Participants"),
                    None,
                    target=500,
                    source=SRC_DOME,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Positive outcomes", "Sorties positives"),
                    None,
                    target=300,
                    source=SRC_DOME,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Partner organisations", "Structures partenaires"),
                    7,
                    source=SRC_DOME,
                ),
            ),
            (
                "key_figure",
                fig(
                    L(
                        "Normandy job seekers qualified at BEP level or below",
                        "Demandeurs d'emploi normands de niveau BEP ou inférieur",
                    ),
                    75,
                    PERCENT,
                    source=SRC_DOME,
                ),
            ),
            (
                "key_figure",
                fig(L("Duration", "Durée"), 3, L("years", "ans"), source=SRC_DOME),
            ),
        ],
        "context": L(
            html(
                "Skills are the keystone of access to work, yet in Normandy three job "
                "seekers in four are qualified at or below the BEP level (a basic "
                "vocational certificate). The picture is worse for people with "
                "disabilities and in rural areas, where one young person in ten lacks "
                "basic skills such as reading and writing.",
                "Many organisations work against the growing isolation of these "
                "people, but alone they cannot meet every need, and the sheer number "
                "of schemes widens the gap between services and the people they are "
                "meant for.",
                "Territoires partagés answered the <i>100 % inclusion - the "
                "remobilisation factory</i> call for projects of the French skills "
                "investment plan, launched by the Ministry of Labour and operated by "
                "the Banque des Territoires. The programme was presented publicly in "
                "February 2021; its exact start and end dates are not given in our "
                "sources.",
            ),
            html(
                "Les compétences sont la clé de voûte de l'accès à l'emploi ; or, en "
                "Normandie, trois demandeurs d'emploi sur quatre ont un niveau "
                "inférieur ou égal au BEP. Le constat s'aggrave pour les personnes en "
                "situation de handicap et dans les zones rurales, où un jeune sur dix "
                "ne maîtrise pas les compétences de base comme la lecture et "
                "l'écriture.",
                "De nombreuses structures luttent contre l'isolement croissant de ces "
                "publics, mais aucune ne peut répondre seule à tous les besoins, et la "
                "multiplication des dispositifs creuse l'écart entre les structures et "
                "les personnes qu'elles visent.",
                "Territoires partagés répond à l'appel à projets <i>100 % inclusion, "
                "la fabrique de la remobilisation</i> du Plan d'investissement dans "
                "les compétences, lancé par le ministère du Travail et opéré par la "
                "Banque des Territoires. Le programme a été présenté publiquement en "
                "février 2021 ; ses dates exactes de début et de fin ne figurent pas "
                "dans nos sources.",
            ),
        ),
        "approach": L(
            html(
                "The programme's first originality is an unusual alliance: four major "
                "inclusion organisations (Association des amis de Jean Bosco, "
                "CAP'Sport, the Second Chance School of Normandy and La Cravate "
                "solidaire) work with three flagship third places of the Caen area "
                "(Café des images, Le Dôme and Le WIP).",
                "For three years the seven partners work in the priority "
                "neighbourhoods of Caen la Mer (Caen, Colombelles and "
                "Hérouville-Saint-Clair) and in the Vallées de l'Orne et de l'Odon "
                "community of municipalities, with the other local players. The "
                "questions they set out to answer:",
                ul(
                    "how to make these 'invisible' people visible;",
                    "how to restore their trust in support services and in themselves;",
                    "how to spark curiosity and the wish to learn and succeed;",
                    "how to help them recognise the skills they have, show them and "
                    "gain new ones.",
                ),
            ),
            html(
                "Première originalité du programme : une alliance inédite entre quatre "
                "acteurs majeurs de l'insertion (Association des amis de Jean Bosco, "
                "CAP'Sport, École de la deuxième chance de Normandie et La Cravate "
                "solidaire) et trois tiers-lieux phares de l'agglomération caennaise "
                "(Café des images, Le Dôme et Le WIP).",
                "Pendant trois ans, les sept partenaires interviennent dans les "
                "quartiers prioritaires de Caen la Mer (Caen, Colombelles et "
                "Hérouville-Saint-Clair) et dans la communauté de communes des Vallées "
                "de l'Orne et de l'Odon, avec l'ensemble des acteurs de terrain. Les "
                "questions de départ :",
                ul(
                    "comment rendre visibles ces « invisibles » ;",
                    "comment leur redonner confiance dans les structures et en "
                    "eux-mêmes ;",
                    "comment éveiller leur curiosité et leur envie d'apprendre et de "
                    "réussir ;",
                    "comment les aider à reconnaître leurs compétences, à les "
                    "valoriser et à en acquérir de nouvelles.",
                ),
            ),
        ),
        "results": L(
            html(
                "The programme aims to reach 500 people and to offer a positive "
                "outcome (job, training or another lasting step) to 300 of them. "
                "Results are measured by a continuous evaluation run by ANSA and the "
                "NIMEC laboratory; the hub will add the figures once they are "
                "published."
            ),
            html(
                "Le programme vise 500 participants et une sortie positive (emploi, "
                "formation ou autre étape durable) pour 300 d'entre eux. Les résultats "
                "sont mesurés par une évaluation continue menée par l'Ansa et le "
                "laboratoire NIMEC ; le hub ajoutera les chiffres dès leur publication."
            ),
        ),
        "lessons": L(
            html(
                "Adding another scheme is not the answer when people already feel lost "
                "among schemes. Territoires partagés instead pools existing "
                "organisations and uses places people visit for other reasons, such as "
                "a cinema or a shared workspace, as a way back to support."
            ),
            html(
                "Ajouter un dispositif n'est pas la solution quand les personnes se "
                "perdent déjà entre les dispositifs. Territoires partagés mutualise "
                "plutôt les structures existantes et s'appuie sur des lieux fréquentés "
                "pour d'autres raisons, comme un cinéma ou un espace de travail "
                "partagé, pour renouer avec l'accompagnement."
            ),
        ),
        "legacy": L(
            html(
                "The evaluation results are to be shared with everyone working in "
                "social support, so that other territories can reuse what works."
            ),
            html(
                "Les résultats de l'évaluation doivent être partagés avec tous les "
                "acteurs de l'accompagnement social, pour que d'autres territoires "
                "reprennent ce qui fonctionne."
            ),
        ),
    },
}

CASE_STUDIES = [TERRITOIRES_PARTAGES]
