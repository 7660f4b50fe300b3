"""Relevance of the hub's search on judged queries: MRR and success@5.

    .venv/bin/python bench/search_relevance.py [FILE.tsv] [--backend engine|database]

Runs against the database and search backend configured by the environment (as
`manage.py` does: DATABASE_URL, ELASTICSEARCH_URL, ELASTICSEARCH_BACKEND), which must
hold the demo content (`manage.py load_demo_content`, then `manage.py update_index` for
an engine). With an engine, the demo is indexed again first into indexes of its own
(``relevance_<database>_``, unless ELASTICSEARCH_INDEX_PREFIX says otherwise): never the
test suite's nor another database's, whose mapping may be stale. Without a file,
search/judged-queries.tsv. The file is
tab-separated: lang, query, expected title fragments separated by |.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judgements", nargs="?", help="a judged-queries .tsv file")
    parser.add_argument(
        "--backend",
        choices=["engine", "database"],
        help="force the database backend even when an engine is configured",
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    database = os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1] or "default"
    database = "".join(ch if ch.isalnum() else "_" for ch in database).lower()
    os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", f"relevance_{database}_")
    os.environ.setdefault("CACHE_KEY_PREFIX", f"hub_relevance_{database}")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings
    from django.utils import translation

    from search import relevance, services

    path = (
        Path(args.judgements)
        if args.judgements
        else relevance.default_judgements_path()
    )
    judgements = relevance.read_judgements(path)
    backends = settings.WAGTAILSEARCH_BACKENDS
    if args.backend == "database" and "database" in backends:
        backends = {"default": backends["database"]}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), translation.override("en"):
        if args.backend == "engine" and services.search_engine() is None:
            parser.error("no search engine configured: set ELASTICSEARCH_URL")
        if services.search_engine() is not None:
            call_command("update_index", backend_name="default", verbosity=0)
        outcomes = relevance.evaluate(judgements)
        backend = "engine" if services.search_engine() else "database"

    print(f"Judged queries: {path} ({len(outcomes)} queries), backend: {backend}")
    for outcome in outcomes:
        judgement = outcome.judgement
        rank = outcome.rank or "-"
        first = outcome.titles[0] if outcome.titles else "(no result)"
        print(
            f"  {judgement.language}  {rank!s:>2}  {judgement.query:<32}  1st: {first}"
        )
    figures = relevance.summary(outcomes)
    success = figures[f"success@{relevance.TOP}"]
    print(f"MRR          {figures['mrr']:.3f}  (no target: it must not drop)")
    print(
        f"success@{relevance.TOP}    {success:.3f}  (target 1.000, every judged query "
        f"in the top {relevance.TOP}: {'met' if success == 1.0 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
