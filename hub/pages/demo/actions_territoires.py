"""Field action of Territoires partagés: remobilisation in third places."""

from .text import L, action, html, ul

WORKSHOPS = action(
    "third-place-workshops",
    "territoires-partages",
    L("third-place-remobilisation-workshops", "ateliers-remobilisation-tiers-lieux"),
    L(
        "Remobilisation workshops in third places",
        "Ateliers de remobilisation dans les tiers-lieux",
    ),
    kind="coaching",
    territory=L(
        "Caen, Colombelles, Hérouville-Saint-Clair and the Vallées de l'Orne et de "
        "l'Odon",
        "Caen, Colombelles, Hérouville-Saint-Clair et les Vallées de l'Orne et de "
        "l'Odon",
    ),
    themes=["third-places", "employment", "skills-training", "community-engagement"],
    target_groups=["low-qualified-job-seekers", "young-people-16-25"],
    regions=["normandie"],
    partners=[
        ("amis-de-jean-bosco", "delivery"),
        ("cap-sport", "delivery"),
        ("e2c-normandie", "delivery"),
        ("la-cravate-solidaire", "delivery"),
        ("cafe-des-images", "partner"),
        ("le-dome", "partner"),
        ("le-wip", "partner"),
    ],
    contact_url="https://ledome.info/",
    cost=L(
        "Not published; funded under the 100 % inclusion call of the skills investment "
        "plan.",
        "Non publié ; financé au titre de l'appel à projets 100 % inclusion du Plan "
        "d'investissement dans les compétences.",
    ),
    summary=L(
        "Inclusion organisations meet job seekers and young people in a cinema, a "
        "science and innovation venue and a creative workspace, to rebuild confidence "
        "and curiosity before any formal programme.",
        "Les structures d'insertion rencontrent demandeurs d'emploi et jeunes dans un "
        "cinéma, un lieu de sciences et d'innovation et un espace créatif, pour "
        "rebâtir confiance et curiosité avant tout parcours formel.",
    ),
    description=L(
        html(
            "People who have lost trust in institutions rarely walk into an inclusion "
            "office, but they may come to a film screening, a maker workshop or a "
            "talk. Territoires partagés uses that: the four inclusion partners run "
            "their remobilisation activities inside three third places of the Caen "
            "area, Café des images, Le Dôme and Le WIP, with the venues' own teams.",
            "The aim is not to place people in a job straight away but to make them "
            "visible again, restore their confidence in support services and in "
            "themselves, stir their curiosity, and help them name the skills they "
            "already have and want to gain. From there, each partner offers its own "
            "route: second-chance schooling, individual coaching, interview "
            "preparation or social support.",
            "The programme's targets are 500 participants and 300 positive outcomes; "
            "ANSA and the NIMEC laboratory evaluate it continuously.",
        ),
        html(
            "Les personnes qui n'ont plus confiance dans les institutions poussent "
            "rarement la porte d'une structure d'insertion, mais elles viennent "
            "volontiers à une projection, un atelier de fabrication ou une conférence. "
            "Territoires partagés s'en saisit : les quatre partenaires de l'insertion "
            "mènent leurs actions de remobilisation dans trois tiers-lieux de "
            "l'agglomération caennaise, le Café des images, Le Dôme et Le WIP, avec "
            "les équipes de ces lieux.",
            "Il ne s'agit pas de placer tout de suite en emploi, mais de rendre les "
            "personnes à nouveau visibles, de leur redonner confiance dans les "
            "structures et en elles-mêmes, d'éveiller leur curiosité et de les aider à "
            "nommer les compétences qu'elles ont et celles qu'elles veulent acquérir. "
            "Chaque partenaire propose ensuite son propre parcours : école de la "
            "deuxième chance, accompagnement individuel, préparation aux entretiens ou "
            "accompagnement social.",
            "Le programme vise 500 participants et 300 sorties positives ; l'Ansa et "
            "le laboratoire NIMEC l'évaluent en continu.",
        ),
    ),
    steps=L(
        [
            (
                "Pair each inclusion partner with a venue",
                html(
                    "Choose venues whose activity attracts the people you want to "
                    "reach, and agree what each side brings."
                ),
            ),
            (
                "Design activities that are worth coming for",
                html(
                    ul(
                        "film, science or making sessions open to all;",
                        "no form to fill in at the door;",
                        "an adviser present but not in front.",
                    )
                ),
            ),
            (
                "Offer a bridge, not a programme",
                html(
                    "Make the next step easy: a coffee with an adviser, a visit of a "
                    "partner, a taster day."
                ),
            ),
            (
                "Share one follow-up",
                html(
                    "Partners agree how they pass people on to each other so that "
                    "nobody has to tell their story twice."
                ),
            ),
            (
                "Evaluate from the start",
                html("Define outcomes with the evaluators before the first workshop."),
            ),
        ],
        [
            (
                "Associer chaque structure d'insertion à un lieu",
                html(
                    "Choisir des lieux dont l'activité attire les personnes visées, et "
                    "convenir de ce que chacun apporte."
                ),
            ),
            (
                "Concevoir des activités qui donnent envie de venir",
                html(
                    ul(
                        "cinéma, sciences ou fabrication ouverts à tous ;",
                        "pas de formulaire à l'entrée ;",
                        "un conseiller présent, sans être au premier plan.",
                    )
                ),
            ),
            (
                "Proposer une passerelle, pas un dispositif",
                html(
                    "Rendre l'étape suivante facile : un café avec un conseiller, la "
                    "visite d'un partenaire, une journée découverte."
                ),
            ),
            (
                "Partager le suivi",
                html(
                    "Les partenaires conviennent de la manière de s'orienter les "
                    "personnes pour que personne n'ait à raconter deux fois son "
                    "histoire."
                ),
            ),
            (
                "Évaluer dès le départ",
                html(
                    "Définir les résultats attendus avec les évaluateurs avant le "
                    "premier atelier."
                ),
            ),
        ],
    ),
    resources=L(
        html(
            ul(
                "time from the venues' teams;",
                "advisers from each inclusion partner;",
                "a shared follow-up tool;",
                "an evaluation partner.",
            )
        ),
        html(
            ul(
                "du temps des équipes des lieux ;",
                "des conseillers de chaque structure d'insertion ;",
                "un outil de suivi partagé ;",
                "un partenaire d'évaluation.",
            )
        ),
    ),
)

ACTIONS = [WORKSHOPS]
