"""Every judged query (search/judged-queries.tsv) finds one of its expected
pages in the top five of its language, on the demo content, on both backends."""

import pytest

from search import relevance

pytestmark = pytest.mark.django_db


def test_judged_queries_find_their_page_in_the_top_five(search_backend, demo_content):
    path = relevance.default_judgements_path()
    judgements = relevance.read_judgements(path)
    assert judgements, f"no judged query in {path}"
    if search_backend.kind == "engine":
        search_backend.rebuild()  # the demo site was indexed by the database backend

    outcomes = relevance.evaluate(judgements)

    missed = [
        f"{o.judgement.language} {o.judgement.query!r}: expected "
        f"{'|'.join(o.judgement.fragments)}, got {o.titles[: relevance.TOP]}"
        for o in outcomes
        if not o.rank or o.rank > relevance.TOP
    ]
    assert not missed, "\n".join(missed)
    assert relevance.summary(outcomes)[f"success@{relevance.TOP}"] == 1.0


def test_the_judgements_file_format_is_read(tmp_path):
    path = tmp_path / "judged.tsv"
    path.write_text(
        "# comment\nfr\tl'évaluation\tÉvaluation|rapport\n\nen\tjobs\tjob\n",
        encoding="utf-8",
    )
    judgements = relevance.read_judgements(path)
    assert [(j.language, j.query, j.fragments) for j in judgements] == [
        ("fr", "l'évaluation", ["Évaluation", "rapport"]),
        ("en", "jobs", ["job"]),
    ]
    assert relevance.is_relevant("Rapports d'EVALUATION", ["évaluation"])
    assert not relevance.is_relevant("Guides", ["évaluation"])
