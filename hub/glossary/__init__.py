"""The glossary: institutional terms a reader of the other country meets (bailleur
social, quartier prioritaire, France Travail...), a translatable snippet. It explains
the first use of each term on a page (markup.py), has a page in each language
(views.py), and lets a search in one language find the other's term (expansion.py)."""
