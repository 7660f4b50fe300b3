"""Guide drawn from Territoires partagés: remobilisation through third places."""

from hub.practices.models import GoodPracticeGuidePage

from .text import SRC_DOME, L, fig, html, steps, ul

THIRD_PLACES = {
    "key": "guide-third-places",
    "model": GoodPracticeGuidePage,
    "slug": L(
        "remobilising-job-seekers-through-third-places",
        "remobiliser-demandeurs-emploi-tiers-lieux",
    ),
    "title": L(
        "Remobilising job seekers through third places",
        "Remobiliser les demandeurs d'emploi grâce aux tiers-lieux",
    ),
    "themes": ["third-places", "employment", "community-engagement"],
    "target_groups": ["low-qualified-job-seekers", "young-people-16-25"],
    "regions": ["normandie"],
    "page_m2m": {
        "evidence_reports": ["ansa-evaluation"],
        "related_actions": ["third-place-workshops"],
        "related_case_studies": ["territoires-partages"],
    },
    "fields": {
        "summary": L(
            "How inclusion organisations and cultural or creative third places can "
            "work together to reach people who no longer trust support services, based "
            "on Territoires partagés in the Caen area.",
            "Comment structures d'insertion et tiers-lieux culturels ou créatifs "
            "peuvent coopérer pour toucher les personnes qui n'ont plus confiance dans "
            "l'accompagnement, d'après Territoires partagés dans l'agglomération "
            "caennaise.",
        ),
        "evidence_level": "emergent",
        "problem": L(
            html(
                "Some job seekers and young people have dropped out of every scheme. "
                "They are 'invisible': not registered, not answering letters, wary of "
                "offices. Adding one more scheme does not reach them, and the number "
                "of schemes already confuses them.",
            ),
            html(
                "Certains demandeurs d'emploi et jeunes ont décroché de tous les "
                "dispositifs. Ils sont « invisibles » : non inscrits, ne répondant pas "
                "aux courriers, méfiants envers les guichets. Un dispositif de plus ne "
                "les atteint pas, et leur multiplication les désoriente déjà.",
            ),
        ),
        "steps": steps(
            [
                (
                    "Choose venues people already like",
                    html(
                        "A cinema, a science venue, a maker space: places with a life "
                        "of their own."
                    ),
                ),
                (
                    "Form a small, stable alliance",
                    html(
                        "A few inclusion organisations with complementary offers and a "
                        "few venues; sign a simple agreement on roles and follow-up."
                    ),
                ),
                (
                    "Start with activities, not interviews",
                    html(
                        "Screenings, workshops and talks open to all, with advisers "
                        "present."
                    ),
                ),
                (
                    "Build confidence and name skills",
                    html(
                        "Help participants notice what they can already do, then offer "
                        "a taster of each partner's route."
                    ),
                ),
                (
                    "Evaluate continuously",
                    html(
                        "Bring in evaluators from day one and share their findings "
                        "with the partners as you go."
                    ),
                ),
            ],
            [
                (
                    "Choisir des lieux déjà appréciés",
                    html(
                        "Un cinéma, un lieu de sciences, un atelier : des lieux qui "
                        "ont leur propre vie."
                    ),
                ),
                (
                    "Former une petite alliance stable",
                    html(
                        "Quelques structures d'insertion aux offres complémentaires et "
                        "quelques lieux ; une convention simple sur les rôles et le "
                        "suivi."
                    ),
                ),
                (
                    "Commencer par des activités, pas par des entretiens",
                    html(
                        "Projections, ateliers et rencontres ouverts à tous, avec des "
                        "conseillers présents."
                    ),
                ),
                (
                    "Redonner confiance et nommer les compétences",
                    html(
                        "Aider chacun à repérer ce qu'il sait déjà faire, puis "
                        "proposer une découverte du parcours de chaque partenaire."
                    ),
                ),
                (
                    "Évaluer en continu",
                    html(
                        "Associer des évaluateurs dès le premier jour et partager "
                        "leurs constats avec les partenaires au fil de l'eau."
                    ),
                ),
            ],
        ),
        "resources": L(
            html(
                ul(
                    "venue time and staff;",
                    "advisers;",
                    "a shared follow-up tool;",
                    "an evaluator.",
                )
            ),
            html(
                ul(
                    "du temps et des équipes des lieux ;",
                    "des conseillers ;",
                    "un outil de suivi partagé ;",
                    "un évaluateur.",
                )
            ),
        ),
        "evidence": L(
            html(
                "Territoires partagés targets 500 participants and 300 positive "
                "outcomes and is evaluated continuously by ANSA and the NIMEC "
                "laboratory. Results are not yet published in our sources, so the "
                "evidence is <i>emergent</i>."
            ),
            html(
                "Territoires partagés vise 500 participants et 300 sorties positives "
                "et fait l'objet d'une évaluation continue par l'Ansa et le "
                "laboratoire NIMEC. Les résultats ne figurent pas encore dans nos "
                "sources : les preuves sont donc <i>émergentes</i>."
            ),
        ),
        "evidence_figures": [
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
        ],
        "challenges": L(
            html(
                ul(
                    "Venues and social workers have different cultures and timetables.",
                    "Informal contact is hard to count: agree early what a participant "
                    "is.",
                    "Rural areas need transport solutions to reach urban venues.",
                )
            ),
            html(
                ul(
                    "Lieux culturels et travailleurs sociaux n'ont ni la même culture "
                    "ni les mêmes horaires.",
                    "Le contact informel se compte mal : définir tôt ce qu'est un "
                    "participant.",
                    "Les zones rurales ont besoin de solutions de transport vers les "
                    "lieux urbains.",
                )
            ),
        ),
        "transferability": L(
            html(
                "Any town with active third places can try it. In England, community "
                "hubs, libraries and arts centres could play the same role."
            ),
            html(
                "Toute ville dotée de tiers-lieux actifs peut s'en inspirer. En "
                "Angleterre, les community hubs, bibliothèques et centres d'art "
                "pourraient jouer le même rôle."
            ),
        ),
    },
}

GUIDES = [THIRD_PLACES]
