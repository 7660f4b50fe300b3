"""Wagtail search backends that analyse each language as itself.

Configured in settings.WAGTAILSEARCH_BACKENDS:

* ``search.backends.elasticsearch8`` / ``search.backends.opensearch2``: Wagtail's
  Elasticsearch 8 and OpenSearch 2 backends (production runs Elasticsearch 8; the local
  node of tests and development is OpenSearch 2, see scripts/elasticsearch.sh), with
  the hub's analysis and document fields (engine.py).
* ``search.backends.database``: Wagtail's database backend (PostgreSQL or SQLite) with
  per-language configurations and the facet rows (database.py). Always configured: it is
  the whole search without an engine, and the fallback when the engine is down.

Why one index with a sub-field per language, and not one backend per locale
---------------------------------------------------------------------------
A backend per locale (an "en" and a "fr" index, each with its own analysers) looks
natural but fights Wagtail: modelsearch's auto-update
(``index.insert_or_update_object``) and ``update_index`` write every object into every
backend, so each backend would have to drop the other language's pages itself; the
admin's search uses the ``default`` backend only, so French pages would vanish from it;
and the database backend has a single shared table whatever the alias.

Instead every text field of the engine's mapping, including Wagtail's ``_all_text``
catch-all, carries two analysed sub-fields, ``.en`` (English stemming, possessives) and
``.fr`` (elision of l', d', qu'..., light French stemming), both folding accents. A
page is indexed once; a query in French reads the ``.fr`` sub-fields of French pages,
an "all languages" query reads each page through its own language's sub-field. The
admin keeps working on the unsuffixed fields.

On the database backend, PostgreSQL indexes each page with its own language's text
search configuration (``french`` or ``english``) and is queried with the locale's;
accents are folded in Python on both sides. SQLite's FTS5 index folds accents and splits
elisions itself but has no stemmer, so queries use light stems as prefixes.

Facets (type, theme, target group, region, country, programme, year) are computed
by hub/pages/search_data.py for both: the engine stores them as keyword fields of the
page's document and counts them with aggregations; the database backend stores them as
``search.PageFacet`` rows written with its index entries and counts them in Python.
Either way they are refreshed exactly when Wagtail (re)indexes the page.
"""
