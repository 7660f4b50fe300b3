"""INCREASE Valorisation Sociale field actions: training, job search, food businesses,
community ambassadors."""

import datetime

from .text import SRC_SHEET, L, action, fig, html, ul

PERIOD = {
    "start_date": datetime.date(2018, 1, 1),
    "end_date": datetime.date(2023, 12, 31),
}
NOT_PUBLISHED = L(
    "Not published; delivered within the INCREASE VS budget.",
    "Non publié ; financé dans le budget d'INCREASE VS.",
)

ECOLE = action(
    "ecole-de-la-proximite",
    "increase",
    L("ecole-de-la-proximite", "ecole-de-la-proximite"),
    L(
        "École de la proximité: a building-caretaker diploma for residents",
        "École de la proximité : un CAP de gardien d'immeubles pour les habitants",
    ),
    kind="training",
    territory=L("Brittany", "Bretagne"),
    start_date=datetime.date(2018, 12, 1),
    themes=["skills-training", "employment", "social-housing"],
    target_groups=["social-housing-residents", "long-term-job-seekers"],
    regions=["bretagne"],
    partners=[("region-bretagne", "co_funder"), ("pole-emploi", "co_funder")],
    contact_url="https://www.francetravail.fr/",
    cost=L(
        "Not published; co-funded by the Brittany Regional Council and Pôle emploi.",
        "Non publié ; cofinancé par la Région Bretagne et Pôle emploi.",
    ),
    summary=L(
        "A school opened at the end of 2018 that trains residents for the recognised "
        "CAP diploma of building caretaker in social housing, a job landlords find "
        "hard to fill. About fifty people were trained.",
        "Une école ouverte fin 2018 qui prépare des habitants au CAP reconnu de "
        "gardien d'immeubles en logement social, un métier en tension pour les "
        "bailleurs. Une cinquantaine de personnes ont été formées.",
    ),
    outcomes=[
        fig(
            L("People trained for the caretaker diploma", "Personnes formées au CAP"),
            50,
            L("people (about)", "personnes (environ)"),
            source=SRC_SHEET,
        )
    ],
    description=L(
        html(
            "Social landlords need building caretakers: the people who look after "
            "buildings day to day, deal with small repairs and cleaning contracts, and "
            "are the first contact for tenants. The job is hard to recruit for, while "
            "many tenants of the same estates are looking for work.",
            "The École de la proximité, opened at the end of 2018 with the backing of "
            "the Brittany Regional Council and Pôle emploi, closes that loop. It "
            "prepares residents for a recognised vocational diploma (CAP) of building "
            "caretaker in social housing. Around fifty people have been trained so "
            "far, and the programme's project sheet presents it as the flagship "
            "success of the French side of INCREASE.",
        ),
        html(
            "Les bailleurs sociaux ont besoin de gardiens d'immeubles : ceux qui "
            "veillent au quotidien sur les bâtiments, suivent les petites réparations "
            "et les contrats de ménage, et sont le premier contact des locataires. Le "
            "métier peine à recruter, alors que de nombreux habitants de ces mêmes "
            "résidences cherchent un emploi.",
            "L'École de la proximité, ouverte fin 2018 avec le soutien de la Région "
            "Bretagne et de Pôle emploi, boucle la boucle. Elle prépare des habitants "
            "à un diplôme professionnel reconnu, le CAP de gardien d'immeubles en "
            "logement social. Une cinquantaine de personnes ont été formées, et la "
            "fiche projet du programme en fait la réussite emblématique du versant "
            "français d'INCREASE.",
        ),
    ),
    steps=L(
        [
            (
                "Confirm the recruitment need",
                html(
                    "Ask the landlords of the area how many caretaker posts they "
                    "expect to fill in the next two years and which skills they lack."
                ),
            ),
            (
                "Secure the training route and its funding",
                html(
                    "Work with the regional council and the public employment service "
                    "so that the course leads to a recognised diploma and trainees "
                    "keep an income while they study."
                ),
            ),
            (
                "Recruit among tenants",
                html(
                    "Use caretakers, housing officers and community ambassadors to "
                    "reach tenants who would not answer a job advert; hold information "
                    "sessions in the neighbourhood."
                ),
            ),
            (
                "Combine classes and placements",
                html(
                    "Alternate classroom time with placements in the landlords' "
                    "buildings, each trainee followed by an experienced caretaker."
                ),
            ),
            (
                "Plan the recruitment at the end",
                html("Agree beforehand which posts will be open to graduates."),
            ),
        ],
        [
            (
                "Vérifier le besoin de recrutement",
                html(
                    "Demander aux bailleurs du territoire combien de postes de gardien "
                    "ils prévoient de pourvoir dans les deux ans et quelles "
                    "compétences leur manquent."
                ),
            ),
            (
                "Sécuriser le parcours de formation et son financement",
                html(
                    "Travailler avec la Région et le service public de l'emploi pour "
                    "que la formation mène à un diplôme reconnu et que les stagiaires "
                    "soient rémunérés pendant leur parcours."
                ),
            ),
            (
                "Recruter parmi les locataires",
                html(
                    "S'appuyer sur les gardiens, les chargés de clientèle et les "
                    "ambassadeurs pour toucher les locataires qui ne répondraient pas "
                    "à une offre d'emploi ; organiser des réunions d'information dans "
                    "le quartier."
                ),
            ),
            (
                "Alterner cours et mises en situation",
                html(
                    "Alterner les cours et les stages dans le patrimoine des "
                    "bailleurs, chaque stagiaire étant suivi par un gardien "
                    "expérimenté."
                ),
            ),
            (
                "Prévoir l'embauche à la sortie",
                html("Convenir à l'avance des postes ouverts aux diplômés."),
            ),
        ],
    ),
    resources=L(
        html(
            ul(
                "a training organisation able to deliver the CAP;",
                "funding from the region and the employment service;",
                "placement sites and tutors in the landlords' buildings.",
            )
        ),
        html(
            ul(
                "un organisme de formation habilité à préparer le CAP ;",
                "des financements de la Région et du service public de l'emploi ;",
                "des lieux de stage et des tuteurs dans le patrimoine des bailleurs.",
            )
        ),
    ),
)

TROIS_HEURES = action(
    "3h-pour-lemploi",
    "increase",
    L("3h-for-employment", "3h-pour-lemploi"),
    L("“3h pour l'emploi”: three hours to search smarter", "« 3h pour l'emploi »"),
    kind="awareness",
    territory=L("French INCREASE neighbourhoods", "Quartiers INCREASE en France"),
    **PERIOD,
    themes=["employment"],
    target_groups=["social-housing-residents", "long-term-job-seekers"],
    regions=["bretagne"],
    partners=[
        ("we-ker", "delivery"),
        ("archipel-habitat", "partner"),
        ("neotoa", "partner"),
    ],
    contact_url="https://www.we-ker.org/",
    cost=NOT_PUBLISHED,
    summary=L(
        "A short awareness session that teaches the good reflexes of job searching: "
        "where offers are, how to answer them and whom to ask for help.",
        "Une séance courte de sensibilisation aux bons réflexes de la recherche "
        "d'emploi : où trouver les offres, comment y répondre et vers qui se tourner.",
    ),
    description=L(
        html(
            "Many residents far from work have never been shown how job searching "
            "works today: online job boards, a short CV, a phone call to follow up, "
            "the local services that can help. <i>3h pour l'emploi</i> packs the "
            "essentials into one three-hour session held close to home.",
            "The format is deliberately light: no registration with a scheme, no long "
            "commitment. It works as a first step that leads participants towards "
            "longer support when they are ready. The local partnership in Rennes "
            "connects it with the rest of the INCREASE offer.",
        ),
        html(
            "Beaucoup d'habitants éloignés de l'emploi n'ont jamais appris comment se "
            "cherche un emploi aujourd'hui : sites d'offres, CV court, relance "
            "téléphonique, services locaux qui peuvent aider. <i>3h pour l'emploi</i> "
            "condense l'essentiel en une séance de trois heures, près de chez soi.",
            "Le format est volontairement léger : pas d'inscription dans un "
            "dispositif, pas d'engagement long. C'est une première marche qui oriente "
            "les participants vers un accompagnement plus long quand ils sont prêts. "
            "Le partenariat local rennais la relie au reste de l'offre INCREASE.",
        ),
    ),
    steps=L(
        [
            (
                "Choose a familiar venue",
                html("A community room on the estate, not an office."),
            ),
            (
                "Invite personally",
                html("Landlords' staff and ambassadors invite tenants face to face."),
            ),
            (
                "Keep the programme practical",
                html(
                    ul(
                        "where to find offers;",
                        "a one-page CV;",
                        "how to follow up an application;",
                        "who can help locally.",
                    )
                ),
            ),
            (
                "Offer a next step",
                html("End with an appointment with an adviser for those who want one."),
            ),
        ],
        [
            ("Choisir un lieu familier", html("Une salle du quartier, pas un bureau.")),
            (
                "Inviter personnellement",
                html(
                    "Les équipes des bailleurs et les ambassadeurs invitent en direct."
                ),
            ),
            (
                "Rester concret",
                html(
                    ul(
                        "où trouver les offres ;",
                        "un CV d'une page ;",
                        "comment relancer une candidature ;",
                        "qui peut aider près de chez soi.",
                    )
                ),
            ),
            (
                "Proposer une suite",
                html(
                    "Terminer par un rendez-vous avec un conseiller pour qui le "
                    "souhaite."
                ),
            ),
        ],
    ),
    resources=L(
        html(
            ul("one or two facilitators;", "a room with internet access and laptops.")
        ),
        html(ul("un ou deux animateurs ;", "une salle avec connexion et ordinateurs.")),
    ),
)

ACTIONS = [ECOLE, TROIS_HEURES]
