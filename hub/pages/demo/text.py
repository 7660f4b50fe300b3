"""Small helpers to write bilingual demo content compactly.

A value written ``L(en, fr)`` is one text in two languages; :func:`resolve` picks the
wanted language anywhere inside nested lists and dicts, so shared facts (dates, figures,
slugs) are written once and only the words are written twice.
"""

from decimal import Decimal


class L(dict):
    """One value in English and in French."""

    def __init__(self, en, fr):
        super().__init__(en=en, fr=fr)


def resolve(value, lang):
    if isinstance(value, L):
        return resolve(value[lang], lang)
    if isinstance(value, dict):
        return {key: resolve(item, lang) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(resolve(item, lang) for item in value)
    return value


def html(*parts):
    """Rich text: plain strings become paragraphs, strings starting with < are kept."""
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def fig(label, value, unit="", target=None, year=None, source=""):
    """A KeyFigureBlock value."""
    return {
        "label": label,
        "value": None if value is None else Decimal(str(value)),
        "unit": unit,
        "target": None if target is None else Decimal(str(target)),
        "year": year,
        "source": source,
    }


def step(title, description):
    """A StepBlock value."""
    return {"title": title, "description": description}


def steps(en, fr):
    """StepBlock stream data from (title, rich text) pairs, one list per language."""
    return L([("step", step(*s)) for s in en], [("step", step(*s)) for s in fr])


def partner(org, role, en, fr):
    """A case-study partner: organisation slug, role and contribution."""
    return {"org": org, "role": role, "contribution": L(en, fr)}


# Units used in several places.
PEOPLE = L("people", "personnes")
PERCENT = "%"
EUR = "EUR"

# Sources, named the same way wherever a figure is quoted.
SRC_WEKER = L("We Ker project page", "Page projet de We Ker")
SRC_SHEET = L(
    "Interreg France (Channel) England project sheet",
    "Fiche projet du programme Interreg France (Manche) Angleterre",
)
SRC_NCLIQUE = L("n-clique assignment sheet, 2022", "Fiche de mission n-clique, 2022")
SRC_SHEET_NCLIQUE = L(
    "Value: programme project sheet; target: n-clique assignment sheet, 2022",
    "Valeur : fiche projet du programme ; objectif : fiche de mission n-clique, 2022",
)
SRC_RESO = L(
    "Réso solidaire project presentation, 2013",
    "Présentation du projet par Réso solidaire, 2013",
)
SRC_DOME = L(
    "Territoires partagés presentation, Le Dôme, 2021",
    "Présentation de Territoires partagés, Le Dôme, 2021",
)


def action(
    key,
    parent,
    slug,
    title,
    *,
    kind,
    summary,
    description,
    steps,
    resources,
    cost,
    contact_url,
    partners,
    themes,
    target_groups,
    regions,
    territory="",
    start_date=None,
    end_date=None,
    outcomes=(),
):
    """An ActionPage spec; ``partners`` is a list of (organisation slug, role)."""
    from hub.practices.models import ActionPage

    return {
        "key": key,
        "parent": parent,
        "model": ActionPage,
        "slug": slug,
        "title": title,
        "themes": themes,
        "target_groups": target_groups,
        "regions": regions,
        "partners": (
            "delivering_partners",
            [{"org": org, "role": role} for org, role in partners],
        ),
        "fields": {
            "summary": summary,
            "action_kind": kind,
            "territory": territory,
            "start_date": start_date,
            "end_date": end_date,
            "description": description,
            "outcomes": [("key_figure", value) for value in outcomes],
            "replication_steps": L(
                [("step", step(*item)) for item in steps["en"]],
                [("step", step(*item)) for item in steps["fr"]],
            ),
            "resources": resources,
            "cost": cost,
            "contact_url": contact_url,
        },
    }
