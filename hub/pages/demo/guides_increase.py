"""Guide drawn from INCREASE Valorisation Sociale: business creation on estates."""

from hub.practices.models import GoodPracticeGuidePage

from .text import PERCENT, SRC_SHEET, SRC_SHEET_NCLIQUE, L, fig, html, steps, ul

BUSINESS_CREATION = {
    "key": "guide-business-creation",
    "model": GoodPracticeGuidePage,
    "slug": L(
        "business-creation-in-social-housing-neighbourhoods",
        "creation-entreprise-quartiers-logement-social",
    ),
    "title": L(
        "Running a business-creation programme in social-housing neighbourhoods",
        "Mener un programme de création d'entreprise dans les quartiers d'habitat "
        "social",
    ),
    "themes": ["entrepreneurship", "social-housing", "community-engagement"],
    "target_groups": ["social-housing-residents", "micro-entrepreneurs"],
    "regions": ["bretagne", "normandie", "hauts-de-france", "south-east-england"],
    "page_m2m": {
        "evidence_reports": ["uea-evaluation", "nclique-assessment"],
        "related_actions": [
            "citeslab-cafes-createurs",
            "centre-affaires-quartier",
            "rennes-aux-fourneaux",
            "community-ambassadors",
        ],
        "related_case_studies": ["increase"],
    },
    "fields": {
        "summary": L(
            "How social landlords and business-creation services can help tenants turn "
            "an idea into a micro-enterprise, based on INCREASE Valorisation Sociale "
            "(1,020 micro-enterprises created in 38 neighbourhoods).",
            "Comment bailleurs sociaux et services d'aide à la création peuvent aider "
            "les locataires à transformer une idée en micro-entreprise, d'après "
            "INCREASE Valorisation Sociale (1 020 micro-entreprises créées dans 38 "
            "quartiers).",
        ),
        "evidence_level": "promising",
        "problem": L(
            html(
                "Residents of social housing are more often out of work than the rest "
                "of the population, and many of them have skills and ideas that could "
                "become a small business: cooking, childcare, repairs, beauty, "
                "transport. Mainstream business-support services rarely reach them: "
                "offices are far away, the vocabulary is intimidating, and the first "
                "steps (status, insurance, bank account) look like a wall.",
                "Social landlords are in daily contact with these residents but are "
                "not business experts. The challenge is to combine their proximity "
                "with the know-how of business-creation services.",
            ),
            html(
                "Les locataires du logement social sont plus souvent sans emploi que "
                "le reste de la population, et beaucoup ont des savoir-faire et des "
                "idées qui pourraient devenir une petite entreprise : cuisine, garde "
                "d'enfants, réparation, esthétique, transport. Les services classiques "
                "d'aide à la création les touchent rarement : bureaux éloignés, "
                "vocabulaire intimidant, premières démarches (statut, assurance, "
                "compte bancaire) vécues comme un mur.",
                "Les bailleurs sociaux côtoient ces habitants chaque jour mais ne sont "
                "pas des experts de l'entreprise. L'enjeu est d'allier leur proximité "
                "au savoir-faire des services de création.",
            ),
        ),
        "steps": steps(
            [
                (
                    "Build the partnership around the landlord",
                    html(
                        "Bring together the landlord, a local inclusion body and a "
                        "business-creation service. Agree who reaches residents, who "
                        "advises and who follows up, and share one list of contacts."
                    ),
                ),
                (
                    "Go where residents are",
                    html(
                        "Hold information sessions and informal meetings (Cafés "
                        "Créateurs) on the estate; use caretakers and community "
                        "ambassadors to invite people personally."
                    ),
                ),
                (
                    "Detect and shape ideas early",
                    html(
                        "A neighbourhood adviser (such as CitésLab in France) helps "
                        "each person test whether the idea holds, then refers them to "
                        "specialist training, finance or sector programmes."
                    ),
                ),
                (
                    "Offer sector tracks where demand is high",
                    html(
                        "Food is a frequent first business: a dedicated track such as "
                        "<i>Rennes aux Fourneaux</i> covers hygiene, premises and "
                        "pricing, and lets people test at markets before investing."
                    ),
                ),
                (
                    "Provide space and follow-up after launch",
                    html(
                        "A neighbourhood business centre offers affordable space, an "
                        "address and advisers next door during the first years."
                    ),
                ),
                (
                    "Leave ambassadors behind",
                    html(
                        "Train residents, often former participants, to mobilise "
                        "newcomers and support new entrepreneurs once the project ends."
                    ),
                ),
            ],
            [
                (
                    "Construire le partenariat autour du bailleur",
                    html(
                        "Réunir le bailleur, une structure d'insertion locale et un "
                        "service d'aide à la création. Convenir de qui mobilise, qui "
                        "conseille et qui assure le suivi, et partager un même fichier "
                        "de contacts."
                    ),
                ),
                (
                    "Aller là où sont les habitants",
                    html(
                        "Organiser réunions d'information et rencontres informelles "
                        "(Cafés Créateurs) dans le quartier ; s'appuyer sur les "
                        "gardiens et les ambassadeurs pour inviter personnellement."
                    ),
                ),
                (
                    "Repérer et faire mûrir les idées tôt",
                    html(
                        "Un chargé de mission de quartier (comme CitésLab en France) "
                        "aide chacun à vérifier la solidité de son idée, puis oriente "
                        "vers la formation, le financement ou un parcours sectoriel."
                    ),
                ),
                (
                    "Proposer des parcours sectoriels",
                    html(
                        "La restauration est une première activité fréquente : un "
                        "parcours dédié comme <i>Rennes aux Fourneaux</i> traite "
                        "hygiène, locaux et prix, et permet de tester sur les marchés "
                        "avant d'investir."
                    ),
                ),
                (
                    "Offrir locaux et suivi après le lancement",
                    html(
                        "Un centre d'affaires de quartier propose locaux abordables, "
                        "domiciliation et conseillers à proximité pendant les "
                        "premières années."
                    ),
                ),
                (
                    "Laisser des ambassadeurs derrière soi",
                    html(
                        "Former des habitants, souvent d'anciens participants, pour "
                        "mobiliser les nouveaux venus et soutenir les nouveaux "
                        "entrepreneurs après le projet."
                    ),
                ),
            ],
        ),
        "resources": L(
            html(
                ul(
                    "a project coordinator at the landlord;",
                    "business-creation advisers present in the neighbourhood;",
                    "premises: a community room, then small offices;",
                    "links with microcredit and banks;",
                    "a budget for ambassadors' training and expenses.",
                )
            ),
            html(
                ul(
                    "un coordinateur de projet chez le bailleur ;",
                    "des conseillers création présents dans le quartier ;",
                    "des locaux : une salle de quartier, puis de petits bureaux ;",
                    "des liens avec le microcrédit et les banques ;",
                    "un budget pour la formation et les frais des ambassadeurs.",
                )
            ),
        ),
        "evidence": L(
            html(
                "INCREASE reports 1,020 micro-enterprises created and 41 % of "
                "participants with a positive change of situation, across 38 "
                "neighbourhoods, with an academic evaluation by the University of East "
                "Anglia. The business-creation target quoted in 2022 was 1,200. No "
                "comparison group is mentioned, hence a <i>promising</i> rating."
            ),
            html(
                "INCREASE annonce 1 020 micro-entreprises créées et 41 % de "
                "participants dont la situation a positivement évolué, dans 38 "
                "quartiers, avec une évaluation académique de l'Université d'East "
                "Anglia. L'objectif de création cité en 2022 était de 1 200. Aucun "
                "groupe de comparaison n'est mentionné, d'où le niveau "
                "<i>prometteur</i>."
            ),
        ),
        "evidence_figures": [
            (
                "key_figure",
                fig(
                    L("Micro-enterprises created", "Micro-entreprises créées"),
                    1020,
                    target=1200,
                    source=SRC_SHEET_NCLIQUE,
                ),
            ),
            (
                "key_figure",
                fig(
                    L("Positive outcomes", "Sorties positives"),
                    41,
                    PERCENT,
                    source=SRC_SHEET,
                ),
            ),
        ],
        "challenges": L(
            html(
                ul(
                    "Counting: a 'business created' must be defined the same way by "
                    "every partner, or totals cannot be added up.",
                    "Survival: support often stops at registration, while the first "
                    "two years are the riskiest.",
                    "Benefits: residents fear losing social benefits when they start "
                    "trading; advisers must explain the rules clearly.",
                )
            ),
            html(
                ul(
                    "Compter : une « entreprise créée » doit être définie de la même "
                    "façon par tous les partenaires, sinon les totaux ne "
                    "s'additionnent pas.",
                    "Durer : l'accompagnement s'arrête souvent à l'immatriculation, "
                    "alors que les deux premières années sont les plus risquées.",
                    "Prestations : les habitants craignent de perdre leurs aides en "
                    "démarrant ; les conseillers doivent expliquer clairement les "
                    "règles.",
                )
            ),
        ),
        "transferability": L(
            html(
                "The approach travels to any area where a social landlord owns a large "
                "share of the housing and business-creation services exist nearby. It "
                "worked in both the French and English legal settings, although the "
                "business statuses and benefit rules differ and must be explained "
                "locally."
            ),
            html(
                "La démarche se transpose partout où un bailleur social détient une "
                "large part des logements et où des services de création existent à "
                "proximité. Elle a fonctionné dans les cadres juridiques français et "
                "anglais, même si statuts d'entreprise et règles des prestations "
                "diffèrent et doivent être expliqués localement."
            ),
        ),
    },
}

GUIDES = [BUSINESS_CREATION]
