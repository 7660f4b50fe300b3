"""Bilingual demo content built from the facts in the product seeds.

``builder.DemoBuilder`` creates the pages and snippets; the other modules hold the data,
each text written in English and in French (see ``text.L``).
"""
