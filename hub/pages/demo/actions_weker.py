"""Field actions We Ker brought to INCREASE in Rennes: career building and business
creation."""

from .actions_increase import NOT_PUBLISHED, PERIOD
from .text import L, action, html, ul

WEKER = "https://www.we-ker.org/"
RENNES = L("Rennes priority neighbourhoods", "Quartiers prioritaires de Rennes")

EXPLORATOIRE = action(
    "exploratoire",
    "increase",
    L("lexploratoire", "lexploratoire"),
    L(
        "L'Exploratoire and job-discovery actions",
        "L'Exploratoire et les actions découverte métiers",
    ),
    kind="job_discovery",
    territory=RENNES,
    **PERIOD,
    themes=["employment", "skills-training"],
    target_groups=["young-people-16-25", "social-housing-residents"],
    regions=["bretagne"],
    partners=[
        ("we-ker", "delivery"),
        ("archipel-habitat", "partner"),
        ("neotoa", "partner"),
    ],
    contact_url=WEKER,
    cost=NOT_PUBLISHED,
    summary=L(
        "We Ker's career-building tools, opened to INCREASE participants: exploring "
        "trades, meeting professionals and testing a job before choosing a path.",
        "Les outils de construction de projet professionnel de We Ker, ouverts aux "
        "participants d'INCREASE : explorer les métiers, rencontrer des professionnels "
        "et tester un emploi avant de choisir une voie.",
    ),
    description=L(
        html(
            "Choosing a job is hard when you know few people in work and have never "
            "seen most trades from the inside. We Ker, the Rennes body for the "
            "inclusion of young people aged 16 to 25, put its career-building tools at "
            "the disposal of INCREASE: l'Exploratoire and a set of job-discovery "
            "actions.",
            "The principle is to discover before committing: short visits to "
            "companies, meetings with professionals, hands-on workshops and, when an "
            "interest emerges, a trial period in a company. Participants then build a "
            "career plan with an adviser, which may lead to training, to a job or to "
            "the business-creation services of the project.",
        ),
        html(
            "Choisir un métier est difficile quand on connaît peu de personnes en "
            "emploi et qu'on n'a jamais vu la plupart des métiers de l'intérieur. We "
            "Ker, la structure rennaise d'insertion des jeunes de 16 à 25 ans, a mis "
            "ses outils de construction de projet professionnel au service d'INCREASE "
            ": l'Exploratoire et un ensemble d'actions de découverte des métiers.",
            "Le principe : découvrir avant de s'engager. Visites courtes "
            "d'entreprises, rencontres avec des professionnels, ateliers pratiques et, "
            "quand un intérêt apparaît, une immersion en entreprise. Le participant "
            "construit ensuite son projet avec un conseiller, vers une formation, un "
            "emploi ou les services de création d'activité du projet.",
        ),
    ),
    steps=L(
        [
            (
                "Map the local trades that recruit",
                html(
                    "Start from the sectors with vacancies, including landlords' "
                    "contractors."
                ),
            ),
            (
                "Build a discovery calendar",
                html("Company visits and meetings with professionals every month."),
            ),
            (
                "Offer trial periods",
                html("Agree short immersions with partner companies."),
            ),
            (
                "Turn discoveries into a plan",
                html(
                    "An adviser helps each participant write a realistic career plan."
                ),
            ),
        ],
        [
            (
                "Repérer les métiers qui recrutent",
                html(
                    "Partir des secteurs en tension, y compris les prestataires des "
                    "bailleurs."
                ),
            ),
            (
                "Construire un calendrier de découvertes",
                html(
                    "Visites d'entreprises et rencontres de professionnels chaque mois."
                ),
            ),
            (
                "Proposer des immersions",
                html("Convenir d'immersions courtes avec des entreprises."),
            ),
            (
                "Transformer la découverte en projet",
                html(
                    "Un conseiller aide chacun à écrire un projet professionnel "
                    "réaliste."
                ),
            ),
        ],
    ),
    resources=L(
        html(ul("career advisers;", "a network of host companies;", "transport help.")),
        html(
            ul(
                "des conseillers ;",
                "un réseau d'entreprises d'accueil ;",
                "une aide à la mobilité.",
            )
        ),
    ),
)

CITESLAB = action(
    "citeslab-cafes-createurs",
    "increase",
    L("citeslab-and-cafes-createurs", "citeslab-et-cafes-createurs"),
    L(
        "CitésLab and Cafés Créateurs: first steps in business creation",
        "CitésLab et Cafés Créateurs : premiers pas vers la création d'activité",
    ),
    kind="business_creation",
    territory=RENNES,
    **PERIOD,
    themes=["entrepreneurship"],
    target_groups=["social-housing-residents", "micro-entrepreneurs"],
    regions=["bretagne"],
    partners=[
        ("we-ker", "delivery"),
        ("archipel-habitat", "partner"),
        ("neotoa", "partner"),
    ],
    contact_url=WEKER,
    cost=NOT_PUBLISHED,
    summary=L(
        "Detection and early support of business ideas in priority neighbourhoods "
        "(CitésLab), and informal meetings where would-be creators talk to advisers "
        "and entrepreneurs (Cafés Créateurs).",
        "Repérage et premier accompagnement des idées d'entreprise dans les quartiers "
        "prioritaires (CitésLab), et rencontres informelles où les futurs créateurs "
        "échangent avec des conseillers et des entrepreneurs (Cafés Créateurs).",
    ),
    description=L(
        html(
            "Many residents have a business idea but never walk into a "
            "business-support office. CitésLab, a national scheme for priority "
            "neighbourhoods, puts an adviser in the neighbourhood to spot these ideas, "
            "help shape them and refer people to the right specialist services.",
            "Cafés Créateurs lower the threshold further: a regular, informal meeting "
            "in a café where anyone can come with an idea and talk to advisers, "
            "bankers and people who have already started a business. We Ker brought "
            "both to INCREASE, alongside its neighbourhood business centre.",
        ),
        html(
            "Beaucoup d'habitants ont une idée d'entreprise mais ne franchissent "
            "jamais la porte d'une structure d'accompagnement. CitésLab, dispositif "
            "national pour les quartiers prioritaires, place un chargé de mission dans "
            "le quartier pour repérer ces idées, les faire mûrir et orienter vers les "
            "bons spécialistes.",
            "Les Cafés Créateurs abaissent encore le seuil : un rendez-vous régulier "
            "et informel dans un café où chacun peut venir avec son idée et échanger "
            "avec des conseillers, des banquiers et des personnes déjà installées. We "
            "Ker a apporté les deux à INCREASE, avec son centre d'affaires de "
            "quartier.",
        ),
    ),
    steps=L(
        [
            (
                "Be present in the neighbourhood",
                html("Office hours in places residents use."),
            ),
            (
                "Host regular informal meetings",
                html(
                    "Same place, same time each month; invite advisers and local "
                    "entrepreneurs."
                ),
            ),
            (
                "Refer quickly",
                html(
                    "Agree referral routes with banks, microcredit and creation "
                    "networks."
                ),
            ),
            (
                "Track ideas",
                html("Keep a simple record of each idea and its next step."),
            ),
        ],
        [
            (
                "Être présent dans le quartier",
                html("Des permanences dans les lieux fréquentés."),
            ),
            (
                "Organiser des rencontres régulières",
                html(
                    "Même lieu, même jour chaque mois ; inviter conseillers et "
                    "entrepreneurs."
                ),
            ),
            (
                "Orienter vite",
                html(
                    "Convenir des relais avec les banques, le microcrédit et les "
                    "réseaux."
                ),
            ),
            (
                "Suivre les idées",
                html("Noter simplement chaque idée et son étape suivante."),
            ),
        ],
    ),
    resources=L(
        html(
            ul(
                "a neighbourhood business adviser;",
                "a friendly café or community venue.",
            )
        ),
        html(
            ul(
                "un chargé de mission création ;",
                "un café ou un lieu associatif accueillant.",
            )
        ),
    ),
)

CAQ = action(
    "centre-affaires-quartier",
    "increase",
    L("neighbourhood-business-centre", "centre-affaires-quartier"),
    L("Neighbourhood business centre", "Centre d'Affaires de Quartier"),
    kind="business_creation",
    territory=RENNES,
    **PERIOD,
    themes=["entrepreneurship"],
    target_groups=["micro-entrepreneurs", "social-housing-residents"],
    regions=["bretagne"],
    partners=[("we-ker", "delivery")],
    contact_url=WEKER,
    cost=NOT_PUBLISHED,
    summary=L(
        "A business centre inside a priority neighbourhood where new "
        "micro-entrepreneurs find affordable space, services and follow-up during "
        "their first years.",
        "Un centre d'affaires au cœur d'un quartier prioritaire où les nouveaux "
        "micro-entrepreneurs trouvent locaux abordables, services et suivi pendant "
        "leurs premières années.",
    ),
    description=L(
        html(
            "Starting a business is only the beginning: the first years decide whether "
            "it lasts. A neighbourhood business centre offers new entrepreneurs what "
            "they rarely find alone: a professional address, meeting rooms or small "
            "offices at an affordable price, and advisers next door.",
            "Located in the neighbourhood, it also shows residents that business "
            "creation is possible for people like them. Within INCREASE it completed "
            "the chain started by CitésLab and Cafés Créateurs.",
        ),
        html(
            "Créer son entreprise n'est qu'un début : ce sont les premières années qui "
            "décident de sa pérennité. Un centre d'affaires de quartier offre aux "
            "nouveaux entrepreneurs ce qu'ils trouvent rarement seuls : une adresse "
            "professionnelle, des salles de réunion ou de petits bureaux à prix "
            "abordable, et des conseillers à proximité.",
            "Installé dans le quartier, il montre aussi aux habitants que la création "
            "d'entreprise est possible pour des personnes comme eux. Dans INCREASE, il "
            "complétait la chaîne amorcée par CitésLab et les Cafés Créateurs.",
        ),
    ),
    steps=L(
        [
            (
                "Find the premises",
                html("Landlords often own ground-floor units that suit."),
            ),
            (
                "Set affordable, progressive rents",
                html("Rents that rise as the business grows."),
            ),
            (
                "Add services",
                html("Domiciliation, meeting rooms and regular adviser hours."),
            ),
            (
                "Plan the exit",
                html("Help businesses move on after two or three years."),
            ),
        ],
        [
            (
                "Trouver les locaux",
                html("Les bailleurs disposent souvent de rez-de-chaussée adaptés."),
            ),
            (
                "Fixer des loyers progressifs",
                html("Des loyers qui augmentent avec l'activité."),
            ),
            (
                "Ajouter des services",
                html("Domiciliation, salles de réunion, permanences."),
            ),
            (
                "Préparer la sortie",
                html("Aider les entreprises à s'installer après deux ou trois ans."),
            ),
        ],
    ),
    resources=L(
        html(
            ul("premises;", "a centre manager;", "partnership with creation networks.")
        ),
        html(
            ul(
                "des locaux ;",
                "un responsable de centre ;",
                "des partenariats avec les réseaux.",
            )
        ),
    ),
)

ACTIONS = [EXPLORATOIRE, CITESLAB, CAQ]
