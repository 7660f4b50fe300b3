"""Measuring relevance against judged queries.

A judgement file is tab-separated: ``lang<TAB>query<TAB>fragment|fragment...``; lines
starting with # are comments. A result is relevant when its title contains one of the
fragments, ignoring case and accents. Used by tests/test_search_relevance.py and
bench/search_relevance.py.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from .services import SearchQuery, search_pages
from .text import fold

TOP = 5


def default_judgements_path():
    """search/judged-queries.tsv: the product's judged queries (first kept in
    ../shared/search/), with the cross-language ones the glossary answers."""
    return Path(__file__).resolve().parent / "judged-queries.tsv"


@dataclass
class Judgement:
    language: str
    query: str
    fragments: list


@dataclass
class Outcome:
    judgement: Judgement
    rank: int | None  # 1-based rank of the first relevant result, None if not found
    titles: list  # the first titles returned

    @property
    def reciprocal_rank(self):
        return 1 / self.rank if self.rank else 0.0


def read_judgements(path):
    judgements = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(
            (line for line in handle if line.strip() and not line.startswith("#")),
            delimiter="\t",
        )
        for row in rows:
            if len(row) < 3:
                raise ValueError(f"{path}: expected lang, query, fragments: {row!r}")
            language, query, fragments = (cell.strip() for cell in row[:3])
            judgements.append(
                Judgement(language, query, [f for f in fragments.split("|") if f])
            )
    return judgements


def is_relevant(title, fragments):
    title = fold(title)
    return any(fold(fragment) in title for fragment in fragments)


def evaluate(judgements, depth=20):
    outcomes = []
    for judgement in judgements:
        query = SearchQuery(
            text=judgement.query, language=judgement.language, per_page=depth
        )
        titles = [hit.title for hit in search_pages(query).hits]
        rank = next(
            (n for n, t in enumerate(titles, 1) if is_relevant(t, judgement.fragments)),
            None,
        )
        outcomes.append(Outcome(judgement, rank, titles))
    return outcomes


def summary(outcomes):
    count = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "mrr": sum(o.reciprocal_rank for o in outcomes) / count,
        f"success@{TOP}": sum(1 for o in outcomes if o.rank and o.rank <= TOP) / count,
    }
