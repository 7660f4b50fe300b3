"""Every fact of the demo content is checked against its source document.

The demo data (hub/demo/data/*.yaml) gives each figure, date, status, partner role and
attributed claim a `cite:` naming a seed file (../shared/product/seeds/, or
$HUB_SEEDS_DIR) and a short verbatim quote of it. These tests fail when a quote is not
in its seed (whitespace, apostrophes and quotation marks normalised) and when a fact
that must be sourced has no citation. No database: they read files only.
"""

import os
import re
from pathlib import Path

import pytest

from hub.demo import loader

REPO = Path(__file__).resolve().parent.parent
SEEDS = Path(
    os.environ.get("HUB_SEEDS_DIR", REPO.parent / "shared" / "product" / "seeds")
)

# Fields that state a date, a status or an amount: a page that fills one cites it.
DATED_FIELDS = ("start_date", "end_date", "publication_date", "start")
SOURCED_FIELDS = DATED_FIELDS + (
    "status",
    "total_budget",
    "erdf_contribution",
    "evaluator",
    "report_language",
)
# Fields whose "nothing known" value needs no source.
UNKNOWN = {None, "", "not_stated", "not_assessable"}


def normalise(text):
    """Text compared as a reader compares it: typographic apostrophes and quotation
    marks as plain ones, any run of spaces (including no-break ones) as one space."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u201c\u201d\u00ab\u00bb]", '"', text)
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)
    return text.strip().casefold()


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.is_dir():
        pytest.fail(
            f"No seed documents at {SEEDS}: set HUB_SEEDS_DIR to the folder holding "
            "the product's source documents."
        )
    return {
        path.name: normalise(path.read_text(encoding="utf-8"))
        for path in SEEDS.glob("*.txt")
    }


@pytest.fixture(scope="module")
def data():
    return loader.load()


def test_every_quote_is_in_its_seed(seeds, data):
    assert data.citations, "the demo data cites no source"
    missing = [
        f"{c.where}: {c.seed}: {c.quote!r}"
        for c in data.citations
        if normalise(c.quote) not in seeds.get(c.seed, "")
    ]
    assert not missing, "quotes not found in their seed:\n" + "\n".join(missing)


def test_quotes_are_short(data):
    """A quote points at a passage; it does not copy the source."""
    long = [c.where for c in data.citations if len(c.quote) > 240]
    assert not long


def _figures(value):
    """Every key-figure block in a page's data, with its path."""
    if isinstance(value, dict):
        if "key_figure" in value and isinstance(value["key_figure"], dict):
            yield value["key_figure"]
        for item in value.values():
            yield from _figures(item)
    elif isinstance(value, list):
        for item in value:
            yield from _figures(item)


def _raw_pages():
    """The pages as written, before citations are taken out."""
    for name in loader.read_yaml(loader.DATA_DIR / loader.FILE_LIST):
        content = loader.read_yaml(loader.DATA_DIR / name) or {}
        for index, page in enumerate(content.get("pages") or []):
            yield f"{name}: pages[{index}] ({page.get('key')})", page


def test_every_figure_has_a_citation():
    uncited = [
        f"{where}: {figure.get('label')}"
        for where, page in _raw_pages()
        for figure in _figures(page)
        if not figure.get("cite")
    ]
    assert not uncited, "key figures without a citation:\n" + "\n".join(uncited)


def test_every_date_status_and_amount_has_a_citation():
    uncited = []
    for where, page in _raw_pages():
        if page.get("type") in ("pages.HomePage", "pages.StandardPage"):
            continue
        cited = {item.get("fact") for item in _as_list(page.get("cite"))}
        for name in SOURCED_FIELDS:
            value = page.get(name)
            if isinstance(value, dict) and "days_from_now" in value:
                continue  # an upcoming demo event: its date is the demo's own
            if name in page and value not in UNKNOWN and name not in cited:
                uncited.append(f"{where}: {name}")
    assert not uncited, "facts without a citation:\n" + "\n".join(uncited)


def test_every_partner_role_has_a_citation():
    uncited = [
        f"{where}: {partner.get('organisation')}"
        for where, page in _raw_pages()
        for name in ("partners", "delivering_partners")
        for partner in page.get(name) or []
        if not partner.get("cite")
    ]
    assert not uncited, "partners without a citation:\n" + "\n".join(uncited)


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_a_quote_missing_from_its_seed_fails(seeds):
    """The check can fail: an invented detail is not in the seeds."""
    assert (
        normalise("Le premier événement aura lieu en Angleterre")
        in seeds["003_cb55bb84ac971aed.txt"]
    )
    assert normalise("aura lieu à Exeter le 15 mai 2014") not in "".join(seeds.values())
