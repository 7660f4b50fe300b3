"""Query cleaning, words, light stems and snippets (search/text.py)."""

from search.text import (
    MARK_END,
    MARK_START,
    clean_query,
    fold,
    light_stem,
    mark_matches,
    marked_fragment,
    query_words,
)


def test_queries_are_cleaned_and_cut():
    assert clean_query("  job\x00\x1b[31m  search\n\t") == "job [31m search"
    assert clean_query(None) == ""
    long = clean_query("word " * 100)
    assert len(long) <= 200 and not long.endswith(" ") and long.endswith("word")


def test_words_fold_accents_and_drop_elisions_and_syntax():
    assert fold("Œuvre ÉCONOMIE ﬁn") == "oeuvre economie fin"
    assert query_words("L’évaluation qu'il d'entreprises", "fr") == [
        "evaluation",
        "entreprises",
    ]
    assert query_words('title:"garden" AND (x* OR y~2) 🌱', "en") == [
        "title",
        "garden",
        "x",
        "y",
        "2",
    ]
    assert query_words("the", "en") == ["the"]  # only stopwords: kept
    assert query_words("l' évaluation", "fr") == ["evaluation"]
    assert query_words("l'", "fr") == ["l"]  # nothing else: searched as typed


def test_light_stems_are_prefixes_of_the_inflections():
    assert light_stem("entreprises", "fr") == "entrepris"
    assert light_stem("evaluations", "fr") == "evalu"
    assert light_stem("searching", "en") == "search"
    assert light_stem("utilities", "en") == "utilit"
    assert light_stem("jobs", "en") == "jobs"  # short words stay whole


def test_snippets_escape_then_mark():
    snippet = mark_matches('<b>Évaluations</b> & "évaluer"', ["evaluation"], "fr")
    assert str(snippet) == (
        "&lt;b&gt;<mark>Évaluations</mark>&lt;/b&gt; &amp; "
        "&quot;<mark>évaluer</mark>&quot;"
    )
    # A ligature changes the folded length: the word-by-word path still marks.
    snippet = mark_matches("L'œuvre des évaluateurs", ["evaluateurs"], "fr")
    assert "<mark>évaluateurs</mark>" in str(snippet)
    assert str(mark_matches("nothing here", ["garden"])) == "nothing here"


def test_long_texts_are_cut_around_the_first_match():
    text = "lorem " * 100 + "garden " + "ipsum " * 100
    snippet = str(mark_matches(text, ["garden"], "en", length=100))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>garden</mark>" in snippet and len(snippet) < 140


def test_engine_fragments_are_escaped_then_marked():
    fragment = f"<i>x</i> {MARK_START}garden{MARK_END} & co"
    assert str(marked_fragment(fragment)) == (
        "&lt;i&gt;x&lt;/i&gt; <mark>garden</mark> &amp; co"
    )


def test_fold_short_ways_give_the_decomposition_s_result():
    """ASCII text is only lowered; Latin accents go by one pattern; any other
    combining mark (Hebrew, Devanagari, a musical one), or the grapheme joiner,
    which does not combine, as the decomposition letter by letter says."""
    import random
    import string
    import unicodedata

    def decomposed(text):
        text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
        text = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()

    rng = random.Random(12)
    alphabet = string.printable + "éÉœŒæçÇàﬁ’« »" + "\u034f\u05b4\u093c\u0301\u20d7ḉ½"
    texts = ["", "Job Coaching", "tiers-lieu", "A\tB\n", "Économie"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(2000)]
    texts += ["".join(rng.choices(string.printable, k=30)) for _ in range(500)]
    for text in texts:
        assert fold(text) == decomposed(text), text
