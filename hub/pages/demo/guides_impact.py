"""Guides drawn from Impact & ValuESS: impact evaluation and social utility."""

from hub.practices.models import GoodPracticeGuidePage

from .text import SRC_RESO, L, fig, html, steps, ul

TAXONOMY = {
    "target_groups": ["sse-organisations", "local-authorities"],
    "regions": ["bretagne", "south-west-england"],
}

IMPACT = {
    "key": "guide-impact",
    "model": GoodPracticeGuidePage,
    "slug": L(
        "measuring-social-impact-of-sse-organisations", "mesurer-impact-social-ess"
    ),
    "title": L(
        "Measuring the social impact of SSE organisations",
        "Mesurer l'impact social des structures de l'ESS",
    ),
    "themes": ["social-impact-evaluation", "cross-border-cooperation"],
    **TAXONOMY,
    "page_m2m": {
        "related_actions": ["impact-evaluation-study"],
        "related_case_studies": ["impact-valuess"],
    },
    "fields": {
        "summary": L(
            "A practical route for social-economy organisations that want to show what "
            "they change, drawn from the Franco-English impact-evaluation work of "
            "Impact & ValuESS.",
            "Un chemin pratique pour les structures de l'ESS qui veulent montrer ce "
            "qu'elles changent, tiré des travaux franco-anglais d'Impact & ValuESS sur "
            "l'évaluation d'impact.",
        ),
        "evidence_level": "emergent",
        "problem": L(
            html(
                "Funders, local authorities and corporate partners increasingly ask "
                "social-economy organisations for evidence of impact. Small "
                "organisations often lack the method, the time and the vocabulary, and "
                "either produce activity counts that convince nobody or buy costly "
                "studies they cannot reuse."
            ),
            html(
                "Financeurs, collectivités et entreprises partenaires demandent de "
                "plus en plus aux structures de l'ESS des preuves de leur impact. Les "
                "petites structures manquent souvent de méthode, de temps et de "
                "vocabulaire : elles produisent des comptages d'activité qui ne "
                "convainquent personne ou achètent des études coûteuses qu'elles ne "
                "peuvent pas réutiliser."
            ),
        ),
        "steps": steps(
            [
                (
                    "Start from the change you seek",
                    html(
                        "Write in one sentence what should be different for people "
                        "because of your work, then list the steps that lead there (a "
                        "simple theory of change)."
                    ),
                ),
                (
                    "Pick a few indicators",
                    html(
                        "Three to five indicators, mixing numbers and people's own "
                        "words. Prefer what you can collect every year over what is "
                        "perfect once."
                    ),
                ),
                (
                    "Collect as you work",
                    html(
                        ul(
                            "short entry and exit questionnaires;",
                            "a few in-depth case stories each year;",
                            "the views of partners and funders.",
                        )
                    ),
                ),
                (
                    "Compare with peers",
                    html(
                        "Exchange with organisations abroad: English social-value "
                        "practice and French social-utility practice shed light on "
                        "each other."
                    ),
                ),
                (
                    "Tell it in the partner's language",
                    html(
                        "Present results as a short report and testimonies, and say "
                        "honestly what you cannot prove."
                    ),
                ),
            ],
            [
                (
                    "Partir du changement recherché",
                    html(
                        "Écrire en une phrase ce qui devrait changer pour les "
                        "personnes grâce à votre action, puis lister les étapes qui y "
                        "mènent (une théorie du changement simple)."
                    ),
                ),
                (
                    "Choisir peu d'indicateurs",
                    html(
                        "Trois à cinq indicateurs, mêlant chiffres et paroles des "
                        "personnes. Préférer ce que l'on peut collecter chaque année à "
                        "ce qui serait parfait une seule fois."
                    ),
                ),
                (
                    "Collecter au fil de l'activité",
                    html(
                        ul(
                            "de courts questionnaires d'entrée et de sortie ;",
                            "quelques récits approfondis chaque année ;",
                            "le regard des partenaires et des financeurs.",
                        )
                    ),
                ),
                (
                    "Se comparer à ses pairs",
                    html(
                        "Échanger avec des structures étrangères : les pratiques "
                        "anglaises de valeur sociale et françaises d'utilité sociale "
                        "s'éclairent mutuellement."
                    ),
                ),
                (
                    "Parler la langue du partenaire",
                    html(
                        "Présenter les résultats dans un rapport court et des "
                        "témoignages, et dire honnêtement ce que l'on ne peut pas "
                        "prouver."
                    ),
                ),
            ],
        ),
        "resources": L(
            html(
                ul(
                    "a few days a year of staff time;",
                    "simple survey tools;",
                    "a peer network.",
                )
            ),
            html(
                ul(
                    "quelques jours par an de temps salarié ;",
                    "des outils d'enquête simples ;",
                    "un réseau de pairs.",
                )
            ),
        ),
        "evidence": L(
            html(
                "The guide builds on the Impact & ValuESS study of practice "
                "(questionnaires, case studies and analysis in Brittany and South West "
                "England). It describes practice rather than measuring the effect of "
                "the method, so its evidence is <i>emergent</i>."
            ),
            html(
                "Le guide s'appuie sur l'étude des pratiques d'Impact & ValuESS "
                "(questionnaires, études de cas et analyse en Bretagne et dans le "
                "sud-ouest de l'Angleterre). Il décrit des pratiques sans mesurer "
                "l'effet de la méthode : ses preuves sont <i>émergentes</i>."
            ),
        ),
        "evidence_figures": [
            (
                "key_figure",
                fig(L("Countries compared", "Pays comparés"), 2, source=SRC_RESO),
            ),
        ],
        "challenges": L(
            html(
                ul(
                    "Attribution: many factors change people's lives; claim a "
                    "contribution, not sole credit.",
                    "Burden: keep data collection light for staff and participants.",
                    "Words: 'impact', 'social value' and 'utilité sociale' do not mean "
                    "exactly the same thing.",
                )
            ),
            html(
                ul(
                    "Attribution : de nombreux facteurs changent la vie des personnes "
                    "; revendiquer une contribution, pas tout le mérite.",
                    "Charge : garder une collecte légère pour les équipes et les "
                    "participants.",
                    "Mots : « impact », « valeur sociale » et « utilité sociale » ne "
                    "recouvrent pas exactement la même chose.",
                )
            ),
        ),
        "transferability": L(
            html(
                "Suitable for any small or medium social-economy organisation, in "
                "either country."
            ),
            html(
                "Adapté à toute petite ou moyenne structure de l'ESS, dans l'un ou "
                "l'autre pays."
            ),
        ),
    },
}

SOCIAL_UTILITY = {
    "key": "guide-social-utility",
    "model": GoodPracticeGuidePage,
    "slug": L(
        "social-utility-franco-english-guide", "utilite-sociale-guide-franco-anglais"
    ),
    "title": L(
        "Social utility: a Franco-English guide",
        "L'utilité sociale : un guide franco-anglais",
    ),
    "themes": ["social-utility", "cross-border-cooperation"],
    **TAXONOMY,
    "page_m2m": {
        "related_actions": ["social-utility-working-groups"],
        "related_case_studies": ["impact-valuess"],
    },
    "fields": {
        "summary": L(
            "How local authorities and social-economy organisations can agree on what "
            "social utility means and use it in grants and partnerships, from the two "
            "Impact & ValuESS working groups.",
            "Comment collectivités et structures de l'ESS peuvent s'accorder sur le "
            "sens de l'utilité sociale et l'utiliser dans les subventions et "
            "partenariats, d'après les deux groupes de travail d'Impact & ValuESS.",
        ),
        "evidence_level": "emergent",
        "problem": L(
            html(
                "Local authorities want to support activities that serve the public "
                "interest, and social-economy organisations claim to do so, but the "
                "two sides rarely share a definition. In France, 'social utility' "
                "appears in law and grant criteria; in England the debate is about "
                "social value, notably in public procurement. Without a shared frame, "
                "decisions look arbitrary."
            ),
            html(
                "Les collectivités veulent soutenir les activités d'intérêt général, "
                "et les structures de l'ESS affirment y contribuer, mais les deux "
                "parties partagent rarement une définition. En France, l'utilité "
                "sociale figure dans la loi et les critères de subvention ; en "
                "Angleterre, le débat porte sur la valeur sociale, notamment dans la "
                "commande publique. Sans cadre commun, les décisions paraissent "
                "arbitraires."
            ),
        ),
        "steps": steps(
            [
                (
                    "Set up a mixed local group",
                    html(
                        "Officers, elected members and SSE organisations, ten to "
                        "fifteen people."
                    ),
                ),
                (
                    "Collect the definitions in use",
                    html(
                        "Grant rules, procurement clauses, charters, funders' criteria."
                    ),
                ),
                (
                    "Test them on real cases",
                    html(
                        "Discuss a few local projects: what would each definition say?"
                    ),
                ),
                (
                    "Look across the Channel",
                    html(
                        "Compare with the other country's practice in a joint session."
                    ),
                ),
                (
                    "Write it down together",
                    html(
                        "A short shared guide with criteria and examples, in both "
                        "languages."
                    ),
                ),
            ],
            [
                (
                    "Créer un groupe local mixte",
                    html(
                        "Agents, élus et structures de l'ESS, dix à quinze personnes."
                    ),
                ),
                (
                    "Recenser les définitions en usage",
                    html(
                        "Règlements de subvention, clauses de marchés, chartes, "
                        "critères des financeurs."
                    ),
                ),
                (
                    "Les éprouver sur des cas réels",
                    html(
                        "Discuter quelques projets locaux : que dirait chaque "
                        "définition ?"
                    ),
                ),
                (
                    "Regarder de l'autre côté de la Manche",
                    html(
                        "Comparer avec les pratiques de l'autre pays lors d'une séance "
                        "commune."
                    ),
                ),
                (
                    "L'écrire ensemble",
                    html(
                        "Un guide court et partagé, avec critères et exemples, dans "
                        "les deux langues."
                    ),
                ),
            ],
        ),
        "resources": L(
            html(
                ul(
                    "a facilitator;",
                    "four to six meetings;",
                    "translation of the final guide.",
                )
            ),
            html(
                ul(
                    "un animateur ;",
                    "quatre à six réunions ;",
                    "la traduction du guide final.",
                )
            ),
        ),
        "evidence": L(
            html(
                "Based on the work of two local groups, one in France and one in "
                "England, within Impact & ValuESS. Evidence is <i>emergent</i>: it "
                "records practice and consensus, not measured effects."
            ),
            html(
                "Fondé sur les travaux de deux groupes locaux, l'un en France, l'autre "
                "en Angleterre, dans le cadre d'Impact & ValuESS. Les preuves sont "
                "<i>émergentes</i> : elles rendent compte de pratiques et d'un "
                "consensus, pas d'effets mesurés."
            ),
        ),
        "evidence_figures": [
            (
                "key_figure",
                fig(
                    L("Local working groups", "Groupes de travail locaux"),
                    2,
                    L("groups (1 FR, 1 EN)", "groupes (1 FR, 1 EN)"),
                    source=SRC_RESO,
                ),
            ),
        ],
        "challenges": L(
            html(
                ul(
                    "Keeping elected members involved over several meetings.",
                    "Avoiding a definition so broad that everything qualifies.",
                )
            ),
            html(
                ul(
                    "Maintenir l'implication des élus sur plusieurs réunions.",
                    "Éviter une définition si large que tout y entre.",
                )
            ),
        ),
        "transferability": L(
            html(
                "Works at the level of a town, a county or a region; the comparison "
                "with another country is optional but sharpens the debate."
            ),
            html(
                "Fonctionne à l'échelle d'une ville, d'un département ou d'une région "
                "; la comparaison avec un autre pays est facultative mais enrichit le "
                "débat."
            ),
        ),
    },
}

GUIDES = [IMPACT, SOCIAL_UTILITY]
