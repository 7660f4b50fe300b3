"""Shared taxonomy of the demo: themes, target groups, regions, programmes, partners.

Each term is identified by its slug, the same in both languages.
"""

from .organisations import ORGANISATIONS
from .text import L

THEMES = [
    {
        "slug": "employment",
        "name": L("Employment", "Emploi"),
        "description": L(
            "Helping people who are far from work back into a job.",
            "Accompagner vers l'emploi les personnes qui en sont éloignées.",
        ),
    },
    {
        "slug": "entrepreneurship",
        "name": L("Entrepreneurship", "Entrepreneuriat"),
        "description": L(
            "Support for people who want to create their own activity or "
            "micro-enterprise.",
            "Soutien aux personnes qui veulent créer leur activité ou leur "
            "micro-entreprise.",
        ),
    },
    {
        "slug": "skills-training",
        "name": L("Skills and training", "Compétences et formation"),
        "description": L(
            "Qualifications, basic skills and vocational training.",
            "Qualifications, compétences de base et formation professionnelle.",
        ),
    },
    {
        "slug": "social-impact-evaluation",
        "name": L("Social-impact evaluation", "Évaluation de l'impact social"),
        "description": L(
            "Methods to show what a project or an organisation changes for people.",
            "Méthodes pour montrer ce qu'un projet ou une structure change pour les "
            "gens.",
        ),
    },
    {
        "slug": "social-utility",
        "name": L("Social utility", "Utilité sociale"),
        "description": L(
            "How the public value of social and solidarity economy activities is "
            "defined and recognised.",
            "Comment la valeur d'intérêt général des activités de l'économie sociale "
            "et solidaire est définie et reconnue.",
        ),
    },
    {
        "slug": "social-housing",
        "name": L("Social housing", "Logement social"),
        "description": L(
            "Social landlords and the neighbourhoods they manage.",
            "Les bailleurs sociaux et les quartiers qu'ils gèrent.",
        ),
    },
    {
        "slug": "patronage-partnerships",
        "name": L("Patronage and partnerships", "Mécénat et partenariats"),
        "description": L(
            "Partnerships with businesses and public bodies, sponsorship, social "
            "marketing.",
            "Partenariats avec les entreprises et les pouvoirs publics, mécénat, "
            "marketing social.",
        ),
    },
    {
        "slug": "third-places",
        "name": L("Third places", "Tiers-lieux"),
        "description": L(
            "Shared cultural, digital or community venues used as a bridge to support.",
            "Lieux culturels, numériques ou associatifs partagés, utilisés comme "
            "passerelle vers l'accompagnement.",
        ),
    },
    {
        "slug": "community-engagement",
        "name": L("Community engagement", "Mobilisation des habitants"),
        "description": L(
            "Reaching residents where they live and involving them in the project.",
            "Aller vers les habitants là où ils vivent et les associer au projet.",
        ),
    },
    {
        "slug": "cross-border-cooperation",
        "name": L("Cross-border cooperation", "Coopération transfrontalière"),
        "description": L(
            "Exchange of practice between partners in France and in England.",
            "Échanges de pratiques entre partenaires français et anglais.",
        ),
    },
]

TARGET_GROUPS = [
    (
        "social-housing-residents",
        "Social-housing residents",
        "Locataires du logement social",
    ),
    (
        "long-term-job-seekers",
        "Long-term job seekers",
        "Demandeurs d'emploi de longue durée",
    ),
    (
        "young-people-16-25",
        "Young people aged 16-25 out of school",
        "Jeunes de 16 à 25 ans sortis du système scolaire",
    ),
    (
        "people-with-disabilities",
        "People with disabilities",
        "Personnes en situation de handicap",
    ),
    ("single-parent-families", "Single-parent families", "Familles monoparentales"),
    (
        "low-qualified-job-seekers",
        "Low-qualified job seekers",
        "Demandeurs d'emploi peu ou pas qualifiés",
    ),
    (
        "sse-organisations",
        "Social and solidarity economy organisations",
        "Structures de l'économie sociale et solidaire",
    ),
    ("micro-entrepreneurs", "Micro-entrepreneurs", "Micro-entrepreneurs"),
    ("local-authorities", "Local authorities", "Collectivités territoriales"),
]

REGIONS = [
    ("bretagne", "Brittany", "Bretagne", "FR"),
    ("normandie", "Normandy", "Normandie", "FR"),
    ("hauts-de-france", "Hauts-de-France", "Hauts-de-France", "FR"),
    ("south-east-england", "South East England", "Sud-Est de l'Angleterre", "GB"),
    ("south-west-england", "South West England", "Sud-Ouest de l'Angleterre", "GB"),
]

PROGRAMMES = [
    {
        "slug": "interreg-v-a-france-channel-england",
        "name": L(
            "Interreg V A France (Channel) England",
            "Interreg V A France (Manche) Angleterre",
        ),
        "description": L(
            "The 2014-2020 cross-border cooperation programme between the north of "
            "France and the south of England, funded by the European Regional "
            "Development Fund and part of the Europe 2020 strategy for smart, "
            "sustainable and inclusive growth.",
            "Le programme de coopération transfrontalière 2014-2020 entre le nord de "
            "la France et le sud de l'Angleterre, financé par le Fonds européen de "
            "développement régional et inscrit dans la stratégie Europe 2020 pour une "
            "croissance intelligente, durable et inclusive.",
        ),
        "fund": L("ERDF", "FEDER"),
        "period": "2014-2020",
        "priority": L(
            "Specific objective 1.2: better services for the most disadvantaged groups "
            "through social innovation",
            "Objectif spécifique 1.2 : de meilleurs services pour les publics les plus "
            "défavorisés grâce à l'innovation sociale",
        ),
        "website": "https://interreg5a-fce.eu/",
    },
    {
        "slug": "interreg-iv-a-france-channel-england",
        "name": L(
            "Interreg IV A France (Channel) England",
            "Interreg IV A France (Manche) Angleterre",
        ),
        "description": L(
            "The 2007-2013 generation of the cross-Channel cooperation programme, "
            "which funded projects such as Part3sec and Impact & ValuESS.",
            "La génération 2007-2013 du programme de coopération transmanche, qui a "
            "financé notamment les projets Part3sec et Impact & ValuESS.",
        ),
        "fund": L("ERDF", "FEDER"),
        "period": "2007-2013",
        "priority": "",
        "website": "",
    },
    {
        "slug": "100-percent-inclusion",
        "name": L(
            "100 % inclusion - the remobilisation factory",
            "100 % inclusion, la fabrique de la remobilisation",
        ),
        "description": L(
            "A call for projects of the French skills investment plan (Plan "
            "d'investissement dans les compétences), launched by the Ministry of "
            "Labour and operated by the Banque des Territoires, to test new ways of "
            "supporting job seekers and young people far from work and training.",
            "Un appel à projets du Plan d'investissement dans les compétences, lancé "
            "par le ministère du Travail et opéré par la Banque des Territoires, pour "
            "expérimenter de nouvelles manières d'accompagner les demandeurs d'emploi "
            "et les jeunes éloignés de l'emploi et de la formation.",
        ),
        "fund": L(
            "French skills investment plan (PIC)",
            "Plan d'investissement dans les compétences (PIC)",
        ),
        "period": "",
        "priority": L(
            "Remobilisation of low-qualified job seekers and young people",
            "Remobilisation des demandeurs d'emploi peu qualifiés et des jeunes",
        ),
        "website": "",
    },
]

TERMS = {
    "theme": THEMES,
    "target_group": [{"slug": s, "name": L(en, fr)} for s, en, fr in TARGET_GROUPS],
    "region": [
        {"slug": s, "name": L(en, fr), "country": country}
        for s, en, fr, country in REGIONS
    ],
    "programme": PROGRAMMES,
    "organisation": ORGANISATIONS,
}
