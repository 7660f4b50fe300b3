"""A synthetic bilingual corpus for the search benchmarks: N pages of realistic text,
half in English and half their French translations, spread over case studies, field
actions, evaluation reports, good-practice guides and events, with themes, target
groups, regions and programmes from the demo taxonomy.

    .venv/bin/python bench/search_corpus.py --pages 10000 [--database-url URL]

Without --database-url, a database hub_search_bench_<N> is created on the project's
private PostgreSQL cluster (scripts/postgres.sh) and left there for bench/search_load.py
(which calls this script itself when needed). The demo content provides the sections and
the taxonomy; the generated pages are inserted in bulk with their tree paths computed
here (Wagtail's add_child costs a few queries per page), without indexing them.
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve import database_url, ensure_database, manage  # noqa: E402

BATCH = 500

# Mix of page types among the generated pages.
MIX = {"case-study": 0.10, "action": 0.35, "report": 0.15, "guide": 0.15, "event": 0.25}

TEXT = {
    "en": {
        "subjects": [
            "The partners",
            "Local social landlords",
            "Employment advisers",
            "Residents of the neighbourhood",
            "Young people aged 16 to 25",
            "The evaluation team",
            "Community ambassadors",
            "Inclusion organisations",
            "Business-creation services",
            "Local authorities",
            "Volunteers from the third place",
            "Single parents",
            "Social enterprises",
            "The university researchers",
        ],
        "verbs": [
            "organised",
            "evaluated",
            "supported",
            "trained",
            "met",
            "measured",
            "designed",
            "tested",
            "funded",
            "mapped",
            "coached",
            "welcomed",
            "followed",
            "compared",
        ],
        "objects": [
            "workshops on job searching",
            "a business-creation programme for tenants",
            "coaching sessions for long-term job seekers",
            "the social impact of the project",
            "a training course in building maintenance",
            "cross-border exchange visits",
            "the social utility of local associations",
            "a food micro-business incubator",
            "digital skills sessions in a third place",
            "partnerships with local employers",
            "a study of impact-evaluation methods",
            "the costs and benefits of the actions",
            "remobilisation workshops in a cinema",
            "peer support groups for micro-entrepreneurs",
        ],
        "places": [
            "in Rennes",
            "in the Caen area",
            "across the Channel",
            "in Plymouth",
            "in Brighton",
            "in priority neighbourhoods",
            "in Lille",
            "in Exeter",
            "in rural Brittany",
            "in Portsmouth",
            "in Amiens",
            "in Kent",
        ],
        "endings": [
            "with {n} participants",
            "over {n} months",
            "and {n} people found a job",
            "for a budget of {n} thousand euros",
            "in {n} sessions",
        ],
        "title": [
            "{Object} {place}",
            "How {subject_lc} {verb} {object}",
            "{Object}: lessons {place}",
            "Evaluating {object}",
        ],
    },
    "fr": {
        "subjects": [
            "Les partenaires",
            "Les bailleurs sociaux locaux",
            "Les conseillers emploi",
            "Les habitants du quartier",
            "Les jeunes de 16 à 25 ans",
            "L'équipe d'évaluation",
            "Les ambassadeurs communautaires",
            "Les structures d'insertion",
            "Les services d'aide à la création d'entreprise",
            "Les collectivités territoriales",
            "Les bénévoles du tiers-lieu",
            "Les familles monoparentales",
            "Les entreprises de l'économie sociale et solidaire",
            "Les chercheurs de l'université",
        ],
        "verbs": [
            "ont organisé",
            "ont évalué",
            "ont accompagné",
            "ont formé",
            "ont rencontré",
            "ont mesuré",
            "ont conçu",
            "ont expérimenté",
            "ont financé",
            "ont cartographié",
            "ont suivi",
            "ont accueilli",
            "ont comparé",
            "ont soutenu",
        ],
        "objects": [
            "des ateliers de recherche d'emploi",
            "un parcours de création d'entreprise pour les locataires",
            "un accompagnement des demandeurs d'emploi de longue durée",
            "l'impact social du projet",
            "une formation aux métiers de la maintenance des immeubles",
            "des visites d'échange transfrontalières",
            "l'utilité sociale des associations locales",
            "un incubateur de micro-entreprises de la restauration",
            "des séances de compétences numériques dans un tiers-lieu",
            "des partenariats avec les employeurs locaux",
            "une étude des méthodes d'évaluation d'impact",
            "les coûts et les bénéfices des actions",
            "des ateliers de remobilisation dans un cinéma",
            "des groupes d'entraide pour les micro-entrepreneurs",
        ],
        "places": [
            "à Rennes",
            "dans l'agglomération caennaise",
            "de part et d'autre de la Manche",
            "à Plymouth",
            "à Brighton",
            "dans les quartiers prioritaires",
            "à Lille",
            "à Exeter",
            "dans la Bretagne rurale",
            "à Portsmouth",
            "à Amiens",
            "dans le Kent",
        ],
        "endings": [
            "avec {n} participants",
            "pendant {n} mois",
            "et {n} personnes ont trouvé un emploi",
            "pour un budget de {n} milliers d'euros",
            "en {n} séances",
        ],
        "title": [
            "{Object} {place}",
            "Comment {subject_lc} {verb} {object}",
            "{Object} : les enseignements {place}",
            "Évaluer {object}",
        ],
    },
}


class Writer:
    """Sentences and titles from phrase banks; the same choices in both languages, so
    that a French page translates its English page."""

    def __init__(self, rng):
        self.rng = rng

    def choices(self, sentences):
        pick = self.rng.randrange
        return [
            (
                pick(len(TEXT["en"]["subjects"])),
                pick(len(TEXT["en"]["verbs"])),
                pick(len(TEXT["en"]["objects"])),
                pick(len(TEXT["en"]["places"])),
                pick(len(TEXT["en"]["endings"])),
                self.rng.randint(3, 400),
            )
            for _ in range(sentences)
        ]

    @staticmethod
    def sentences(language, choices):
        bank = TEXT[language]
        out = []
        for subject, verb, obj, place, ending, number in choices:
            end = bank["endings"][ending].format(n=number)
            out.append(
                f"{bank['subjects'][subject]} {bank['verbs'][verb]} "
                f"{bank['objects'][obj]} {bank['places'][place]} {end}."
            )
        return " ".join(out)

    @staticmethod
    def title(language, choice, pattern, serial):
        bank = TEXT[language]
        subject, verb, obj, place, _ending, _number = choice
        obj_text = bank["objects"][obj]
        text = bank["title"][pattern].format(
            Object=obj_text[0].upper() + obj_text[1:],
            object=obj_text,
            place=bank["places"][place],
            subject_lc=bank["subjects"][subject].lower(),
            verb=bank["verbs"][verb],
        )
        return f"{text} ({serial})"


def default_url(pages):
    return database_url().rsplit("/", 1)[0] + f"/hub_search_bench_{pages}"


def prepare(url):
    """Migrate and load the demo content (sections, taxonomy), database search only."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "ELASTICSEARCH_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "-v0")


def generate(total_pages, seed=20261125, log=print):
    """Insert `total_pages` pages (half English, half French translations)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from hub.events.models import EventIndexPage, EventPage
    from hub.pages.models import Programme, Region, TargetGroup, Theme
    from hub.practices import models as practices

    rng = random.Random(seed)
    writer = Writer(rng)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    now = timezone.now()
    sections = {}
    for model in (
        practices.LibraryIndexPage,
        practices.ReportIndexPage,
        practices.GuideIndexPage,
        EventIndexPage,
    ):
        for language, locale in locales.items():
            sections[(model, language)] = model.objects.get(locale=locale)
    terms = {
        name: {
            language: list(model.objects.filter(locale=locale).order_by("slug"))
            for language, locale in locales.items()
        }
        for name, model in (
            ("themes", Theme),
            ("target_groups", TargetGroup),
            ("regions", Region),
            ("programmes", Programme),
        )
    }
    pairs = total_pages // 2
    counts = {kind: int(pairs * share) for kind, share in MIX.items()}
    counts["action"] += pairs - sum(counts.values())

    def base_page(model, parent, language, title, slug, key, step):
        path = Page._get_path(parent.path, parent.depth + 1, step)
        return Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=ContentType.objects.get_for_model(model),
            live=True,
            has_unpublished_changes=False,
            url_path=f"{parent.url_path}{slug}/",
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            locale=locales[language],
            translation_key=key,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
        )

    created = {"case-study": {"en": [], "fr": []}}
    serial = 0
    started = time.monotonic()
    for kind, model, parent_model in (
        ("case-study", practices.CaseStudyPage, practices.LibraryIndexPage),
        ("action", practices.ActionPage, practices.CaseStudyPage),
        ("report", practices.EvaluationReportPage, practices.ReportIndexPage),
        ("guide", practices.GoodPracticeGuidePage, practices.GuideIndexPage),
        ("event", EventPage, EventIndexPage),
    ):
        remaining = counts[kind]
        while remaining > 0:
            size = min(BATCH, remaining)
            remaining -= size
            with transaction.atomic():
                specs = []
                for _ in range(size):
                    serial += 1
                    specs.append(
                        {
                            "serial": serial,
                            "key": uuid.uuid4(),
                            "title": writer.choices(1)[0],
                            "pattern": rng.randrange(4),
                            "summary": writer.choices(2),
                            "body": [
                                writer.choices(rng.randint(3, 6)) for _ in range(3)
                            ],
                            "themes": rng.sample(range(len(terms["themes"]["en"])), 2),
                            "groups": rng.sample(
                                range(len(terms["target_groups"]["en"])), 1
                            ),
                            "region": rng.randrange(len(terms["regions"]["en"])),
                            "programme": rng.randrange(len(terms["programmes"]["en"])),
                            "year": rng.randint(2008, 2030),
                            "month": rng.randint(1, 12),
                            "parent": rng.randrange(10**9),
                        }
                    )
                for language in ("en", "fr"):
                    _insert_batch(
                        kind,
                        model,
                        parent_model,
                        language,
                        specs,
                        sections,
                        created,
                        terms,
                        writer,
                        base_page,
                    )
        log(f"  {kind}: {counts[kind]} x 2 ({time.monotonic() - started:.0f}s)")
    return counts


def _insert_batch(
    kind, model, parent_model, language, specs, sections, created, terms, writer, base
):
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    # Parents: the section index page, or a case study of the same language.
    if kind == "action":
        parents = created["case-study"][language]
        parent_of = [parents[spec["parent"] % len(parents)] for spec in specs]
    else:
        section = sections[(parent_model, language)]
        parent_of = [section] * len(specs)
    parent_pks = {parent.pk for parent in parent_of}
    fresh = dict(Page.objects.filter(pk__in=parent_pks).values_list("pk", "numchild"))
    used = dict(fresh)
    pages = []
    for spec, parent in zip(specs, parent_of, strict=True):
        used[parent.pk] += 1
        title = Writer.title(language, spec["title"], spec["pattern"], spec["serial"])
        slug = f"{kind}-{spec['serial']}"
        pages.append(
            base(model, parent, language, title, slug, spec["key"], used[parent.pk])
        )
    Page.objects.bulk_create(pages)
    for parent_pk, count in used.items():
        if count != fresh[parent_pk]:
            Page.objects.filter(pk=parent_pk).update(
                numchild=F("numchild") + count - fresh[parent_pk]
            )

    rows = []
    for spec, page in zip(specs, pages, strict=True):
        summary = Writer.sentences(language, spec["summary"])
        bodies = [f"<p>{Writer.sentences(language, b)}</p>" for b in spec["body"]]
        date = datetime.date(spec["year"], spec["month"], 1)
        fields = {"page_ptr_id": page.pk, "summary": summary}
        if kind == "case-study":
            fields.update(
                context=bodies[0],
                approach=bodies[1],
                results=bodies[2],
                start_date=date,
                programme=terms["programmes"][language][spec["programme"]],
            )
        elif kind == "action":
            fields.update(
                action_kind="training",
                description="".join(bodies),
                start_date=date,
            )
        elif kind == "report":
            fields.update(
                evaluation_kind="academic",
                methodology=bodies[0],
                key_findings=bodies[1] + bodies[2],
                publication_date=date,
            )
        elif kind == "guide":
            fields.update(problem=bodies[0], evidence=bodies[1], challenges=bodies[2])
        elif kind == "event":
            start = timezone.make_aware(
                datetime.datetime(spec["year"], spec["month"], 12, 9)
            )
            fields.update(
                start=start,
                end=start + datetime.timedelta(hours=6),
                country="FR" if spec["region"] % 2 else "GB",
                description="".join(bodies),
            )
        obj = model(**fields)
        obj.page_ptr_id = page.pk
        obj.pk = page.pk
        rows.append(obj)
    local_fields = [f for f in model._meta.local_concrete_fields]
    model._base_manager._insert(rows, fields=local_fields, using="default")
    for obj, page in zip(rows, pages, strict=True):
        for field in Page._meta.concrete_fields:
            setattr(obj, field.attname, getattr(page, field.attname))
    if kind == "case-study":
        created["case-study"][language].extend(rows)

    # Taxonomy: the English terms on both languages' pages, as wagtail-localize leaves
    # them (the search matches terms by translation key).
    for field_name, key in (
        ("themes", "themes"),
        ("target_groups", "groups"),
        ("regions", "region"),
    ):
        if not hasattr(model, field_name):
            continue
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        links = []
        for spec, page in zip(specs, pages, strict=True):
            chosen = spec[key] if isinstance(spec[key], list) else [spec[key]]
            for index in chosen:
                term = terms[field_name][language][index]
                links.append(through(**{source: page.pk, target: term.pk}))
        through.objects.bulk_create(links)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--database-url", help="default: hub_search_bench_<pages>")
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()

    url = args.database_url or default_url(args.pages)
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.dev"
    os.environ["ELASTICSEARCH_URL"] = ""
    print(f"Corpus of {args.pages} pages in {url}")
    prepare(url)

    import django

    django.setup()
    from wagtail.models import Page

    existing = Page.objects.filter(
        slug__regex=r"^(case-study|action|report|guide|event)-"
    ).count()
    if existing >= args.pages:
        print(f"Already there: {existing} generated pages.")
        return
    if existing:
        sys.exit(
            f"{url} holds a partial corpus ({existing} pages): drop that database."
        )
    started = time.monotonic()
    generate(args.pages, seed=args.seed)
    elapsed = time.monotonic() - started
    print(
        f"Inserted {args.pages} pages in {elapsed:.1f}s ({args.pages / elapsed:.0f}/s)."
    )
    analyze()


def analyze():
    """Fresh planner statistics: after a bulk load they would lag until autovacuum."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
