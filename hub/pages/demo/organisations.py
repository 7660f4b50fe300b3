"""Organisations of the demo: partners, evaluators, funders and venues.

Websites are organisations' public sites only, and only where we know them.
"""

from .text import L

SOCIAL_LANDLORD = "social_landlord"
EMPLOYMENT_BODY = "employment_body"
SSE_NETWORK = "sse_network"
UNIVERSITY = "university"
CONSULTANCY = "consultancy"
THIRD_PLACE = "third_place"
PUBLIC_FUNDER = "public_funder"
OTHER = "other"


def org(slug, name, kind, country, city, website, en, fr):
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "country": country,
        "city": city,
        "website": website,
        "description": L(en, fr),
    }


ORGANISATIONS = [
    org(
        "optivo-southern-housing",
        "Optivo - Southern Housing",
        SOCIAL_LANDLORD,
        "GB",
        "London",
        "https://www.southernhousing.org.uk/",
        "English housing association, lead partner of INCREASE Valorisation Sociale; "
        "Optivo is now part of Southern Housing.",
        "Association de logement anglaise, chef de file d'INCREASE Valorisation "
        "Sociale ; Optivo fait désormais partie de Southern Housing.",
    ),
    org(
        "archipel-habitat",
        "Archipel Habitat",
        SOCIAL_LANDLORD,
        "FR",
        "Rennes",
        "https://www.archipel-habitat.fr/",
        "The public housing office of Rennes Métropole.",
        "L'office public de l'habitat de Rennes Métropole.",
    ),
    org(
        "neotoa",
        "Néotoa",
        SOCIAL_LANDLORD,
        "FR",
        "Rennes",
        "https://www.neotoa.fr/",
        "Social landlord and housing developer in Brittany.",
        "Bailleur social et promoteur immobilier en Bretagne.",
    ),
    org(
        "we-ker",
        "We Ker",
        EMPLOYMENT_BODY,
        "FR",
        "Rennes",
        "https://www.we-ker.org/",
        "Rennes association for the social and professional inclusion of young people "
        "aged 16 to 25 who have left school; it brought its career, job-discovery and "
        "business-creation tools to INCREASE.",
        "Association rennaise d'insertion sociale et professionnelle des jeunes de 16 "
        "à 25 ans sortis du système scolaire ; elle a apporté à INCREASE ses outils "
        "d'orientation, de découverte des métiers et de création d'activité.",
    ),
    org(
        "maison-emploi-rennes",
        "Maison de l'Emploi de Rennes",
        EMPLOYMENT_BODY,
        "FR",
        "Rennes",
        "",
        "Rennes employment house, approached by Archipel Habitat in 2016 to join the "
        "INCREASE application.",
        "Maison de l'emploi rennaise, sollicitée en 2016 par Archipel Habitat pour "
        "rejoindre la candidature INCREASE.",
    ),
    org(
        "pas-de-calais-habitat",
        "Pas-de-Calais Habitat",
        SOCIAL_LANDLORD,
        "FR",
        "Arras",
        "https://www.pasdecalais-habitat.fr/",
        "Social landlord of the Pas-de-Calais department, French partner of INCREASE.",
        "Bailleur social du département du Pas-de-Calais, partenaire français "
        "d'INCREASE.",
    ),
    org(
        "logirep",
        "LogiRep",
        SOCIAL_LANDLORD,
        "FR",
        "",
        "",
        "Company that builds and manages social housing, a Normandy partner of "
        "INCREASE.",
        "Société de construction et de gestion de logements sociaux, partenaire "
        "normand d'INCREASE.",
    ),
    org(
        "inco",
        "INCO",
        SOCIAL_LANDLORD,
        "FR",
        "",
        "",
        "Housing construction company based in Normandy, partner of INCREASE.",
        "Société de construction d'habitat implantée en Normandie, partenaire "
        "d'INCREASE.",
    ),
    org(
        "reso-solidaire",
        "Réso solidaire",
        SSE_NETWORK,
        "FR",
        "Rennes",
        "https://www.resosolidaire.org/",
        "Social and solidarity economy development network of the Rennes area, lead "
        "partner of Impact & ValuESS.",
        "Pôle de développement de l'économie sociale et solidaire du pays de Rennes, "
        "porteur d'Impact & ValuESS.",
    ),
    org(
        "adess-pays-de-brest",
        "Adess du pays de Brest",
        SSE_NETWORK,
        "FR",
        "Brest",
        "",
        "One of the social and solidarity economy development hubs of Brittany.",
        "L'un des pôles de développement de l'économie sociale et solidaire de "
        "Bretagne.",
    ),
    org(
        "south-west-forum",
        "South West Forum",
        SSE_NETWORK,
        "GB",
        "Exeter",
        "",
        "Exeter-based body that informed, supported and represented the social economy "
        "in South West England and brought it together with public bodies, business "
        "and universities.",
        "Structure d'Exeter qui informait, soutenait et représentait l'économie "
        "sociale dans le sud-ouest de l'Angleterre et la mettait en réseau avec les "
        "pouvoirs publics, les entreprises et les universités.",
    ),
    org(
        "university-of-east-anglia",
        L("University of East Anglia", "Université d'East Anglia"),
        UNIVERSITY,
        "GB",
        "Norwich",
        "https://www.uea.ac.uk/",
        "Norwich university that carried out the academic evaluation of INCREASE.",
        "Université de Norwich qui a réalisé l'évaluation académique d'INCREASE.",
    ),
    org(
        "n-clique",
        "n-clique",
        CONSULTANCY,
        "FR",
        "",
        "",
        "Consultancy that assessed, in 2022, the social impact of INCREASE for the "
        "French social landlords.",
        "Cabinet de conseil qui a évalué en 2022 l'impact social d'INCREASE pour les "
        "bailleurs sociaux français.",
    ),
    org(
        "ansa",
        L(
            "ANSA - New Agency for Active Solidarity",
            "Ansa - Agence nouvelle des solidarités actives",
        ),
        OTHER,
        "FR",
        "Paris",
        "https://www.solidarites-actives.com/",
        "Non-profit agency that designs and evaluates social-inclusion experiments; "
        "co-evaluator of Territoires partagés.",
        "Association qui conçoit et évalue des expérimentations d'inclusion sociale ; "
        "co-évaluatrice de Territoires partagés.",
    ),
    org(
        "nimec",
        L("NIMEC laboratory", "Laboratoire NIMEC"),
        UNIVERSITY,
        "FR",
        "Caen",
        "",
        "Normandie Innovation, Market, Business and Consumption research laboratory "
        "(Université de Caen Normandie), co-evaluator of Territoires partagés.",
        "Laboratoire de recherche « Normandie innovation, marché, entreprise et "
        "consommation » (Université de Caen Normandie), co-évaluateur de Territoires "
        "partagés.",
    ),
    org(
        "amis-de-jean-bosco",
        "Association des amis de Jean Bosco",
        EMPLOYMENT_BODY,
        "FR",
        "Caen",
        "",
        "Social-inclusion association in the Caen area, partner of Territoires "
        "partagés.",
        "Association d'insertion sociale de l'agglomération caennaise, partenaire de "
        "Territoires partagés.",
    ),
    org(
        "cap-sport",
        "CAP'Sport",
        EMPLOYMENT_BODY,
        "FR",
        "",
        "",
        "Social-inclusion organisation in the Caen area, partner of Territoires "
        "partagés.",
        "Structure d'insertion de l'agglomération caennaise, partenaire de Territoires "
        "partagés.",
    ),
    org(
        "e2c-normandie",
        L(
            "Second Chance School of Normandy",
            "École de la deuxième chance de Normandie",
        ),
        EMPLOYMENT_BODY,
        "FR",
        "Caen",
        "",
        "School for young adults who left education without a qualification, partner "
        "of Territoires partagés.",
        "École pour les jeunes adultes sortis du système scolaire sans qualification, "
        "partenaire de Territoires partagés.",
    ),
    org(
        "la-cravate-solidaire",
        "La Cravate solidaire",
        EMPLOYMENT_BODY,
        "FR",
        "Caen",
        "https://lacravatesolidaire.org/",
        "Association that helps job seekers get ready for interviews, partner of "
        "Territoires partagés.",
        "Association qui aide les demandeurs d'emploi à se préparer aux entretiens, "
        "partenaire de Territoires partagés.",
    ),
    org(
        "cafe-des-images",
        "Café des images",
        THIRD_PLACE,
        "FR",
        "Hérouville-Saint-Clair",
        "https://www.cafedesimages.fr/",
        "Cinema and cultural third place, partner of Territoires partagés.",
        "Cinéma et tiers-lieu culturel, partenaire de Territoires partagés.",
    ),
    org(
        "le-dome",
        "Le Dôme",
        THIRD_PLACE,
        "FR",
        "Caen",
        "https://ledome.info/",
        "Caen third place for research, innovation and shared knowledge, partner of "
        "Territoires partagés.",
        "Tiers-lieu caennais de recherche, d'innovation et de partage des savoirs, "
        "partenaire de Territoires partagés.",
    ),
    org(
        "le-wip",
        "Le WIP",
        THIRD_PLACE,
        "FR",
        "Colombelles",
        "",
        "Third place in a former industrial site at Colombelles, partner of "
        "Territoires partagés.",
        "Tiers-lieu installé sur une ancienne friche industrielle à Colombelles, "
        "partenaire de Territoires partagés.",
    ),
    org(
        "region-bretagne",
        L("Brittany Regional Council", "Région Bretagne"),
        PUBLIC_FUNDER,
        "FR",
        "Rennes",
        "https://www.bretagne.bzh/",
        "Regional authority of Brittany; co-funded Impact & ValuESS and supported the "
        "École de la proximité.",
        "Collectivité régionale ; cofinanceur d'Impact & ValuESS et soutien de l'École "
        "de la proximité.",
    ),
    org(
        "departement-ille-et-vilaine",
        L("Ille-et-Vilaine County Council", "Département d'Ille-et-Vilaine"),
        PUBLIC_FUNDER,
        "FR",
        "Rennes",
        "https://www.ille-et-vilaine.fr/",
        "Departmental authority; co-funder of Impact & ValuESS.",
        "Collectivité départementale ; cofinanceur d'Impact & ValuESS.",
    ),
    org(
        "pole-emploi",
        L(
            "Pôle emploi (now France Travail)",
            "Pôle emploi (aujourd'hui France Travail)",
        ),
        PUBLIC_FUNDER,
        "FR",
        "",
        "https://www.francetravail.fr/",
        "French public employment service; supported the École de la proximité.",
        "Service public de l'emploi ; soutien de l'École de la proximité.",
    ),
    org(
        "banque-des-territoires",
        "Banque des Territoires",
        PUBLIC_FUNDER,
        "FR",
        "Paris",
        "https://www.banquedesterritoires.fr/",
        "Part of the Caisse des Dépôts group; operated the 100 % inclusion call for "
        "projects.",
        "Composante du groupe Caisse des Dépôts ; opérateur de l'appel à projets 100 % "
        "inclusion.",
    ),
    org(
        "hub-team",
        L(
            "Cross-border social innovation hub",
            "Hub transfrontalier d'innovation sociale",
        ),
        OTHER,
        "FR",
        "",
        "",
        "The editorial team of this knowledge hub, which organises the hub's own "
        "exchange days.",
        "L'équipe éditoriale de ce centre de ressources, qui organise ses propres "
        "journées d'échange.",
    ),
]
